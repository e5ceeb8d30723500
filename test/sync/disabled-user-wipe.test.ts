// Issue 9: customer data must not leave with staff. An administrator disables a user on the
// dealership server; that user's desk erases its local cache at its next contact, whether the
// contact is a push/pull with a live access token, a refresh at start-up, or a fresh sign-in.
// Real server (Fastify on PGlite) in-process, real desks (createDesk) on temp folders.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src-main/host/desk';
import { databasePath } from '../../src-main/host/data-dir';
import { keyFilePath } from '../../src-main/db/encryption/key-file';
import { createRecord } from '../../src-main/sync/local-writes';
import { backupDatabase } from '../../src-main/transfer/backup-service';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { openTestDesk, type TestDesk } from './desk-harness';

const quiet = { info: () => {}, error: () => {} };
const customerName = '上官婉儿';

async function setDisabled(server: TestServer, username: string, disabled: boolean): Promise<void> {
  const login = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin1', password: testPassword, deskId: 'admin-desk-0001' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const patch = await fetch(`${server.url}/admin/users/${username}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ disabled }),
  });
  expect(patch.status).toBe(200);
}

interface Watched {
  desk: Desk;
  dataDir: string;
  events: { event: string; payload: unknown }[];
}

function openDesk(dataDir = mkdtempSync(join(tmpdir(), 'dd-wipe-'))): Watched {
  const desk = createDesk({ dataDir, host: 'cli', role: 'admin', log: quiet });
  const events: Watched['events'] = [];
  desk.onEvent((event, payload) => events.push({ event, payload }));
  return { desk, dataDir, events };
}

async function call(desk: Desk, method: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await desk.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
}

const customers = (w: Watched) => w.desk.context.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;

/** Customer data of every kind the desk keeps beside its database. */
async function fillCaches(w: Watched): Promise<void> {
  for (const dir of ['recordings/2026-11', 'kb-attachments/ab', 'work-item-attachments', 'outbox-parts']) {
    mkdirSync(join(w.dataDir, dir), { recursive: true });
    writeFileSync(join(w.dataDir, dir, 'x.bin'), customerName);
  }
  writeFileSync(join(w.dataDir, 'window-state.json'), '{}');
  await backupDatabase(w.desk.context);
}

function expectWiped(w: Watched, oldKey: string, serverUrl: string): void {
  expect(customers(w)).toBe(0);
  for (const entry of ['recordings', 'kb-attachments', 'work-item-attachments', 'outbox-parts', 'backups']) expect(existsSync(join(w.dataDir, entry))).toBe(false);
  expect(existsSync(join(w.dataDir, 'window-state.json'))).toBe(true);
  // A new database under a new key; nothing of the old one is left to decrypt.
  expect(readFileSync(keyFilePath(databasePath(w.dataDir)), 'utf8')).not.toBe(oldKey);
  expect(readFileSync(databasePath(w.dataDir)).includes(Buffer.from(customerName))).toBe(false);
  const changed = w.events.filter((e) => e.event === 'sync.changed').at(-1)?.payload as { lastError: string; connection: string; serverUrl: string };
  expect(changed).toMatchObject({ connection: 'signed-out', serverUrl });
  expect(changed.lastError).toMatch(/disabled/);
  expect(w.events.some((e) => e.event === 'customers.changed')).toBe(true);
}

describe('a disabled user’s desk', () => {
  let server: TestServer;
  let feeder: TestDesk;
  const open: Desk[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    feeder = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
    createRecord(feeder.sqlite, 'customers', randomUUID(), { number: 'W1', name: customerName, customFields: '{}' }, new Date());
    expect(await feeder.engine.syncOnce()).toBe(true);
  }, 120_000);
  afterAll(async () => {
    for (const desk of open) desk.close();
    await feeder?.close();
    await server?.close();
  });

  async function connected(username: string): Promise<{ w: Watched; oldKey: string }> {
    const w = openDesk();
    open.push(w.desk);
    const status = await call(w.desk, 'sync.connect', { serverUrl: server.url, username, password: testPassword });
    expect(status.connection).toBe('online');
    expect(customers(w)).toBe(1);
    await fillCaches(w);
    return { w, oldKey: readFileSync(keyFilePath(databasePath(w.dataDir)), 'utf8') };
  }

  it('wipes its cache at the next push/pull, and keeps the server for the next sign-in', async () => {
    const { w, oldKey } = await connected('agent1');
    await setDisabled(server, 'agent1', true);
    const status = await call(w.desk, 'sync.now', {});
    expectWiped(w, oldKey, server.url);
    expect(status).toMatchObject({ configured: true, serverUrl: server.url, connection: 'signed-out', pendingOutbox: 0 });
    // The desk still works (empty) and signs in again only for an enabled user.
    const again = await call(w.desk, 'sync.connect', { serverUrl: server.url, username: 'agent1', password: testPassword });
    expect(again.connection).toBe('signed-out');
    expect(customers(w)).toBe(0);
    await setDisabled(server, 'agent1', false);
    const back = await call(w.desk, 'sync.connect', { serverUrl: server.url, username: 'agent1', password: testPassword });
    expect(back.connection).toBe('online');
    expect(customers(w)).toBe(1);
  }, 120_000);

  it('wipes its cache when it starts again with the refresh token of a user disabled meanwhile', async () => {
    const { w, oldKey } = await connected('sales1');
    w.desk.close();
    await setDisabled(server, 'sales1', true);
    const restarted = openDesk(w.dataDir);
    open.push(restarted.desk);
    expect(customers(restarted)).toBe(1); // nothing happens before the server has been asked
    await call(restarted.desk, 'sync.now', {});
    expectWiped(restarted, oldKey, server.url);
  }, 120_000);

  it('tells a wrong password apart from a disabled account', async () => {
    await setDisabled(server, 'advisor1', true);
    const wrong = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'advisor1', password: 'not the password', deskId: 'some-desk-0001' }),
    });
    expect(await wrong.json()).toMatchObject({ code: 'unauthorized' });
    const right = await fetch(`${server.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'advisor1', password: testPassword, deskId: 'some-desk-0001' }),
    });
    expect(right.status).toBe(403);
    expect(await right.json()).toMatchObject({ code: 'disabled' });
  }, 60_000);
});
