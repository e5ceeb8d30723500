import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../contract/dispatcher';
import { openDatabase } from '../db/open';
import type { DeskContext } from '../host/context';
import { handlers } from '../host/handlers';
import { createSecretStore, secretsPath, type SafeStorageLike } from './secret-store';
import { registerSoftphoneSecrets } from './softphone-secrets';

// Reversible stand-in for safeStorage whose ciphertext never contains the plaintext.
function fakeSafeStorage(backend: string): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(Buffer.from(`v1:${text}`, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8').slice(3),
  };
}

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function electronDesk(backend: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-electron-secrets-'));
  dirs.push(dataDir);
  const { sqlite, db } = openDatabase(join(dataDir, 'desk.sqlite'));
  const logged: unknown[] = [];
  const log = { info: (m: string, meta?: unknown) => logged.push([m, meta]), error: (m: string, meta?: unknown) => logged.push([m, meta]) };
  const ctx: DeskContext = {
    sqlite, db, dataDir, host: 'electron',
    session: { userName: '坐席A', role: 'agent', locale: 'zh-CN' },
    now: () => new Date('2026-11-26T02:00:00Z'),
    emit: () => {},
    log,
  };
  const store = registerSoftphoneSecrets(ctx, createSecretStore(fakeSafeStorage(backend), dataDir), log);
  const dispatch = createDispatcher({ handlers, context: ctx, role: () => 'agent', log, validateOutput: true });
  return { ctx, dispatch, logged, dataDir, store, sqlite };
}

const ha1 = (pw: string) => createHash('md5').update(`8001:pbx.example:${pw}`).digest('hex');

describe('Electron: SIP password through safeStorage', () => {
  it('encrypts the password with safeStorage and answers digest challenges with it', async () => {
    const { dispatch, dataDir, store, logged, sqlite } = electronDesk('gnome_libsecret');
    const set = await dispatch('softphone.settings.set', { sipUri: 'sip:8001@pbx.example', wsServers: ['wss://pbx.example/ws'], password: 'Pw-坐席-8001' });
    expect(set).toMatchObject({ ok: true, value: { hasPassword: true } });
    expect(store.kind).toBe('os-keychain');
    const file = readFileSync(secretsPath(dataDir), 'utf8');
    expect(Object.keys(JSON.parse(file) as object)).toEqual(['softphone.sip-password']);
    expect(file).not.toContain('8001');
    expect(Buffer.from(Object.values(JSON.parse(file) as Record<string, string>)[0], 'base64').toString('utf8')).not.toContain('Pw-');
    expect(await dispatch('softphone.credentials', {})).toMatchObject({ ok: true, value: { ha1: ha1('Pw-坐席-8001') } });
    expect(JSON.stringify(logged)).not.toContain('Pw-');
    expect((sqlite.prepare('SELECT value FROM settings').pluck().all() as string[]).join()).not.toContain('Pw-');
    // a restart (new store over the same file) still has it
    expect(createSecretStore(fakeSafeStorage('gnome_libsecret'), dataDir).get('softphone.sip-password')).toBe('Pw-坐席-8001');
    expect(await dispatch('softphone.settings.set', { password: '' })).toMatchObject({ ok: true, value: { hasPassword: false } });
    expect(JSON.parse(readFileSync(secretsPath(dataDir), 'utf8'))).toEqual({});
  });

  it('without a real keychain keeps the password in memory only, never on disk', async () => {
    const { dispatch, dataDir, store, logged } = electronDesk('basic_text');
    await dispatch('softphone.settings.set', { sipUri: 'sip:8001@pbx.example', wsServers: ['wss://pbx.example/ws'], password: 'Pw-plain' });
    expect(store.kind).toBe('memory');
    expect(existsSync(secretsPath(dataDir))).toBe(false);
    expect(await dispatch('softphone.credentials', {})).toMatchObject({ ok: true, value: { ha1: ha1('Pw-plain') } });
    expect(logged.some((l) => String((l as [string])[0]).includes('session only'))).toBe(true);
    expect(JSON.stringify(logged)).not.toContain('Pw-plain');
  });
});
