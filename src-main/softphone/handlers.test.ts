import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../contract/dispatcher';
import { openDatabase } from '../db/open';
import { insertCustomers } from '../customers/customer-writer';
import { handlers } from '../host/handlers';
import type { DeskContext } from '../host/context';

function desk() {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-softphone-'));
  const { sqlite, db } = openDatabase(join(dataDir, 'desk.sqlite'));
  const logged: unknown[] = [];
  const emitted: unknown[] = [];
  const ctx: DeskContext = {
    sqlite, db, dataDir, host: 'browser',
    session: { userName: '坐席A', role: 'agent', locale: 'zh-CN' },
    now: () => new Date('2026-11-26T02:00:00Z'),
    emit: (event, payload) => emitted.push([event, payload]),
    log: { info: (m, meta) => logged.push([m, meta]), error: (m, meta) => logged.push([m, meta]) },
  };
  const dispatch = createDispatcher({ handlers, context: ctx, role: () => 'agent', log: ctx.log, validateOutput: true });
  return { ctx, dispatch, logged, emitted, dataDir };
}

async function ok<T = never>(p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

describe('softphone settings', () => {
  it('stores the password in the secret store, never returns or logs it, and hands out HA1 only', async () => {
    const { dispatch, logged, dataDir, ctx } = desk();
    const view = await ok(dispatch('softphone.settings.set', { sipUri: 'sip:8001@pbx.example', wsServers: ['ws://127.0.0.1:8080'], password: 's3cret-Pw' }));
    expect(view).toMatchObject({ sipUri: 'sip:8001@pbx.example', hasPassword: true });
    expect(JSON.stringify(view)).not.toContain('s3cret-Pw');
    expect(JSON.stringify(await ok(dispatch('softphone.settings.get', {})))).not.toContain('s3cret-Pw');
    expect(JSON.stringify(logged)).not.toContain('s3cret-Pw');
    const rows = ctx.sqlite.prepare('SELECT value FROM settings').pluck().all() as string[];
    expect(rows.join()).not.toContain('s3cret-Pw');
    expect(statSync(join(dataDir, 'secrets.json')).mode & 0o077).toBe(0);
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).not.toContain('s3cret-Pw');
    const creds = await ok(dispatch('softphone.credentials', {}));
    expect(creds).toEqual({ authorizationUser: '8001', realm: 'pbx.example', ha1: createHash('md5').update('8001:pbx.example:s3cret-Pw').digest('hex') });
    // omitted password keeps it; '' removes it
    expect(await ok(dispatch('softphone.settings.set', { displayName: '坐席A' }))).toMatchObject({ hasPassword: true, displayName: '坐席A' });
    expect(await ok(dispatch('softphone.settings.set', { password: '' }))).toMatchObject({ hasPassword: false });
    expect(await ok(dispatch('softphone.credentials', {}))).toBeNull();
  });

  it('rejects invalid servers', async () => {
    const { dispatch } = desk();
    const r = await dispatch('softphone.settings.set', { wsServers: ['http://x'] });
    expect(r.ok).toBe(false);
  });
});

describe('call records', () => {
  it('saves at hang-up, updates at wrap-up, derives talk time and filters', async () => {
    const { dispatch, ctx, emitted } = desk();
    const [customerId] = insertCustomers(ctx.sqlite, [{ name: '王伟', phones: [{ raw: '13812345678' }], vehicles: [] }], ctx.now());
    const base = {
      uid: 'call-0001-abc', direction: 'inbound', localNumber: '8001', remoteNumber: '13812345678', remoteNormalized: '13812345678', customerId, vehicleId: null,
      queue: null, ivrChoice: '1', ringAt: '2026-11-26T02:00:00.000Z', answerAt: '2026-11-26T02:00:04.000Z', endAt: '2026-11-26T02:01:34.400Z',
      outcome: 'answered', transferredTo: null, disposition: null, inquiryCategory: 'maintenance', notes: null,
    } as const;
    const { id } = await ok(dispatch('softphone.calls.save', base));
    const again = await ok(dispatch('softphone.calls.save', { ...base, disposition: 'resolved', notes: '预约保养' }));
    expect(again).toEqual({ id });
    await ok(dispatch('softphone.calls.save', { ...base, uid: 'call-0002-abc', direction: 'outbound', remoteNumber: '075512345678', remoteNormalized: '075512345678', customerId: null, answerAt: null, outcome: 'missed', ringAt: '2026-11-26T03:00:00.000Z', endAt: '2026-11-26T03:00:20.000Z' }));
    const { records } = await ok<{ records: { uid: string; talkSeconds: number | null; customerName: string | null; disposition: string | null; agent: string }[] }>(dispatch('softphone.calls.list', {}));
    expect(records.map((r) => r.uid)).toEqual(['call-0002-abc', 'call-0001-abc']);
    expect(records[1]).toMatchObject({ talkSeconds: 90, customerName: '王伟', disposition: 'resolved', agent: '坐席A' });
    expect(records[0].talkSeconds).toBeNull();
    expect((await ok<{ records: unknown[] }>(dispatch('softphone.calls.list', { direction: 'inbound' }))).records).toHaveLength(1);
    expect((await ok<{ records: unknown[] }>(dispatch('softphone.calls.list', { number: '0755' }))).records).toHaveLength(1);
    expect((await ok<{ records: unknown[] }>(dispatch('softphone.calls.list', { outcome: 'missed' }))).records).toHaveLength(1);
    expect((await ok<{ records: unknown[] }>(dispatch('softphone.calls.list', { from: '2026-11-26T02:30:00Z' }))).records).toHaveLength(1);
    expect(emitted.filter((e) => (e as [string])[0] === 'softphone.calls.changed')).toHaveLength(3);
  });

  it('schedules and lists callbacks', async () => {
    const { dispatch } = desk();
    const { id } = await ok(dispatch('softphone.callbacks.schedule', { callUid: 'call-1', customerId: 999, phone: '13812345678', dueAt: '2026-11-27T01:00:00Z', note: '回电确认' }));
    const { callbacks } = await ok<{ callbacks: { id: number; customerId: number | null; status: string }[] }>(dispatch('softphone.callbacks.list', {}));
    expect(callbacks).toEqual([expect.objectContaining({ id, customerId: null, status: 'open' })]);
  });

  it('lists a customer callback with the name and the phone masked for an agent', async () => {
    const { dispatch, ctx } = desk();
    const [customerId] = insertCustomers(ctx.sqlite, [{ name: '王伟', phones: [{ raw: '13812345678' }], vehicles: [] }], ctx.now());
    await ok(dispatch('softphone.callbacks.schedule', { callUid: 'call-2', customerId, phone: '13812345678', dueAt: '2026-11-27T01:00:00Z', note: null }));
    const { callbacks } = await ok<{ callbacks: { customerName: string | null; phone: string }[] }>(dispatch('softphone.callbacks.list', {}));
    expect(callbacks).toEqual([expect.objectContaining({ customerName: '王伟', phone: '138****5678' })]);
  });
});

describe('click-to-dial target', () => {
  it('gives an agent the dialable number with a masked display, and logs ids only', async () => {
    const { dispatch, ctx, logged } = desk();
    const [wang, li] = insertCustomers(ctx.sqlite, [
      { name: '王伟', phones: [{ raw: '0755-8866 1357', isPrimary: false }, { raw: '13812345678', isPrimary: true }], vehicles: [] },
      { name: '李娜', phones: [{ raw: '13900001111' }], vehicles: [] },
    ] as never, ctx.now());
    const phones = ctx.sqlite.prepare('SELECT id, normalized FROM phones WHERE customer_id = ? ORDER BY id').all(wang) as { id: number; normalized: string }[];
    const primary = await ok<{ number: string; display: string; phoneId: number }>(dispatch('softphone.dialTarget', { customerId: wang }));
    expect(primary.number).toBe('13812345678');
    expect(primary.display).toBe('138****5678');
    expect(primary.phoneId).toBe(phones.find((p) => p.normalized === '13812345678')!.id);
    const landline = await ok<{ number: string; display: string }>(dispatch('softphone.dialTarget', { customerId: wang, phoneId: phones.find((p) => p.normalized !== '13812345678')!.id }));
    expect(landline.number).toBe(phones.find((p) => p.normalized !== '13812345678')!.normalized);
    expect(landline.display).not.toContain(landline.number.slice(-8, -4));
    expect(JSON.stringify(logged)).not.toContain('13812345678');
    expect(logged).toContainEqual(['softphone click-to-dial', expect.objectContaining({ customerId: wang, phoneId: primary.phoneId })]);
    // another customer's phone id is not dialable through this customer
    const liPhone = ctx.sqlite.prepare('SELECT id FROM phones WHERE customer_id = ?').pluck().get(li) as number;
    const r = await dispatch('softphone.dialTarget', { customerId: wang, phoneId: liPhone });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
