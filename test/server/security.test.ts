// Security of the dealership server: wrong passwords, lock-out, expired / revoked / reused
// tokens, roles refused on every endpoint they may not call, oversized and malformed payloads,
// an outdated desk — each answered with the right status, and nothing written.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { maxFieldChars } from '../../src-shared/domain/sync/protocol';

describe('server security', () => {
  let server: TestServer;
  let clock = new Date('2026-11-26T08:00:00Z');
  const desk = 'desk-sec-0001';

  beforeAll(async () => {
    server = await startTestServer({ now: () => clock, minDeskSchema: 1 });
  }, 180_000);
  afterAll(async () => server?.close());

  const login = (username: string, password = testPassword) => server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password, deskId: desk } });
  const token = async (username: string) => (await login(username)).json().accessToken as string;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}`, 'x-dealerdesk-sync-schema': '1' });
  const count = async (table: string) => (await server.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  const push = (t: string, mutations: unknown[], schemaVersion = 1) =>
    server.app.inject({ method: 'POST', url: '/sync/push', headers: bearer(t), payload: { deskId: desk, schemaVersion, mutations } });
  const mutation = (id: number) => ({ id, entity: 'customers', uid: `sec-${id}`, op: 'upsert', fields: { number: `S${id}`, name: '赵六', customFields: '{}' }, baseRev: 0, at: 'x' });

  it('refuses a wrong password and an unknown user with 401, and audits the failure', async () => {
    expect((await login('agent1', 'wrong')).statusCode).toBe(401);
    expect((await login('nobody', 'wrong')).json()).toMatchObject({ code: 'unauthorized' });
    const audit = await server.sql.query<{ action: string }>(`SELECT action FROM audit_log WHERE action = 'login.failed'`);
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('locks an account after five failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await login('sales1', 'wrong')).statusCode).toBe(401);
    expect((await login('sales1', 'wrong')).statusCode).toBe(423);
    expect((await login('sales1')).json()).toMatchObject({ code: 'locked' });
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await login('sales1')).statusCode).toBe(200);
  });

  it('refuses an expired access token until it is refreshed, and a reused refresh token revokes the session', async () => {
    const first = (await login('agent1')).json();
    const pull = (t: string) => server.app.inject({ method: 'GET', url: `/sync/pull?deskId=${desk}&after=0`, headers: bearer(t) });
    expect((await pull(first.accessToken)).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 16 * 60_000);
    const expired = await pull(first.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('token-expired');
    const refreshed = await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(refreshed.statusCode).toBe(200);
    expect((await pull(refreshed.json().accessToken)).statusCode).toBe(200);
    // The old refresh token again: someone copied it. The whole session ends.
    const reused = await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: first.refreshToken } });
    expect(reused.statusCode).toBe(401);
    expect((await pull(refreshed.json().accessToken)).statusCode).toBe(401);
    const forged = `${first.accessToken.split('.')[0]}.${randomBytes(32).toString('base64url')}`;
    expect((await pull(forged)).statusCode).toBe(401);
  });

  it('refuses a revoked session at once', async () => {
    const t = await token('agent1');
    expect((await server.app.inject({ method: 'POST', url: '/auth/logout', headers: bearer(t) })).statusCode).toBe(200);
    const before = await count('applied_mutations');
    expect((await push(t, [mutation(1)])).statusCode).toBe(401);
    expect(await count('applied_mutations')).toBe(before);
  });

  it('checks the role on every endpoint, server-side', async () => {
    const adminOnly = [
      { method: 'POST', url: '/admin/users', payload: { username: 'evil', password: 'password123', role: 'admin' } },
      { method: 'PATCH', url: '/admin/users/agent1', payload: { role: 'admin' } },
      { method: 'POST', url: '/admin/users/super1/revoke', payload: {} },
      { method: 'GET', url: '/admin/audit' },
    ] as const;
    const supervisorOrAdmin = [
      { method: 'GET', url: '/customers/x/phones' },
      { method: 'POST', url: '/audit/exports', payload: { what: 'customers', rows: 1, deskId: desk } },
      { method: 'GET', url: '/admin/desks' },
    ] as const;
    const users = await count('users');
    const audits = await count('audit_log');
    for (const username of ['agent1', 'advisor1', 'super1']) {
      const t = await token(username);
      for (const route of adminOnly) expect((await server.app.inject({ ...route, headers: bearer(t) })).statusCode, `${username} ${route.url}`).toBe(403);
    }
    for (const username of ['agent1', 'advisor1']) {
      const t = await token(username);
      for (const route of supervisorOrAdmin) expect((await server.app.inject({ ...route, headers: bearer(t) })).statusCode, `${username} ${route.url}`).toBe(403);
    }
    expect(await count('users')).toBe(users);
    expect(await count('audit_log')).toBe(audits);
    for (const route of [...adminOnly, ...supervisorOrAdmin, { method: 'POST', url: '/sync/push', payload: {} }, { method: 'GET', url: '/sync/pull' }, { method: 'GET', url: '/sync/snapshot' }, { method: 'GET', url: '/sync/snapshot/boundaries' }] as const) {
      expect((await server.app.inject({ ...route })).statusCode, `anonymous ${route.url}`).toBe(401);
    }
  });

  it('audits permission changes, unmasked phone views and exports', async () => {
    const admin = await token('admin1');
    expect((await server.app.inject({ method: 'PATCH', url: '/admin/users/sales1', headers: bearer(admin), payload: { role: 'agent' } })).statusCode).toBe(200);
    const supervisor = await token('super1');
    expect((await server.app.inject({ method: 'GET', url: '/customers/c1/phones', headers: bearer(supervisor) })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/audit/exports', headers: bearer(supervisor), payload: { what: 'customers', rows: 12, deskId: desk } })).statusCode).toBe(200);
    const actions = (await server.sql.query<{ action: string }>('SELECT action FROM audit_log ORDER BY id')).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['permission.changed', 'phone.unmasked', 'export']));
  });

  it('answers oversized, malformed and invalid pushes with 413 / 400 and writes nothing', async () => {
    const t = await token('super1');
    const before = await count('applied_mutations');
    const customers = await count('customers');
    const huge = { deskId: desk, schemaVersion: 1, mutations: [{ ...mutation(1), fields: { name: 'x'.repeat(5 * 1024 * 1024) } }] };
    expect((await server.app.inject({ method: 'POST', url: '/sync/push', headers: bearer(t), payload: huge })).statusCode).toBe(413);
    const malformed = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { ...bearer(t), 'content-type': 'application/json' }, payload: '{"deskId": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('invalid-input');
    expect((await push(t, Array.from({ length: 501 }, (_, i) => mutation(i + 1)))).statusCode).toBe(400);
    expect((await push(t, [{ ...mutation(1), fields: { name: 'x'.repeat(maxFieldChars + 1) } }])).statusCode).toBe(400);
    expect((await push(t, [{ ...mutation(1), entity: 'users' }])).statusCode).toBe(400);
    expect((await push(t, [{ ...mutation(1), extra: true }])).statusCode).toBe(400);
    expect(await count('applied_mutations')).toBe(before);
    expect(await count('customers')).toBe(customers);
    // Longer than its field allows but readable: refused alone (with the reason in the conflict
    // inbox) so the desk's queue moves on; the customer is not written.
    const long = await push(t, [{ ...mutation(1), fields: { ...mutation(1).fields, name: 'x'.repeat(5000) } }]);
    expect(long.statusCode).toBe(200);
    expect(long.json().rejected).toEqual([{ mutationId: 1, reason: 'name is too long' }]);
    expect(await count('customers')).toBe(customers);
  });

  it('tells an outdated desk to update and applies nothing it sent', async () => {
    const t = await token('super1');
    const before = await count('applied_mutations');
    const old = await push(t, [mutation(1)], 0);
    expect(old.statusCode).toBe(426);
    expect(old.json()).toMatchObject({ code: 'desk-outdated', minSchemaVersion: 1 });
    const future = await push(t, [mutation(1)], 99);
    expect(future.statusCode).toBe(409);
    expect(future.json().code).toBe('server-outdated');
    const pull = await server.app.inject({ method: 'GET', url: `/sync/pull?deskId=${desk}&after=0`, headers: { authorization: `Bearer ${t}`, 'x-dealerdesk-sync-schema': '0' } });
    expect(pull.statusCode).toBe(426);
    expect(await count('applied_mutations')).toBe(before);
  });
});
