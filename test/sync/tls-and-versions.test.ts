// TLS: a desk refuses a server certificate it was not told to trust (self-signed certificate
// made here with openssl), and syncs once given it. Schema versions: a desk older than the
// server's minimum is told to update, keeps its outbox, and pushes it once it is served again.
// Pokes: a write on desk A reaches desk B through the WebSocket poke without polling.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRecord } from '../../src-main/sync/local-writes';
import { SYNC_SCHEMA_VERSION } from '../../src-shared/domain/sync/protocol';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { openTestDesk, type TestDesk } from './desk-harness';

const servers: TestServer[] = [];
const desks: TestDesk[] = [];
afterAll(async () => {
  for (const desk of desks) await desk.close();
  for (const server of servers) await server.close();
});

describe('sync over TLS, schema versions, pokes', () => {
  it('refuses an untrusted certificate and accepts the one it was given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const server = await startTestServer({ tls: { certPath: join(dir, 'cert.pem'), keyPath: join(dir, 'key.pem') } });
    servers.push(server);
    expect(server.url.startsWith('https://')).toBe(true);
    const untrusting = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    desks.push(untrusting);
    expect(await untrusting.engine.syncOnce()).toBe(false);
    expect(untrusting.engine.status()).toMatchObject({ connection: 'offline' });
    expect(untrusting.engine.status().lastError).toMatch(/self[- ]signed|certificate/i);
    const trusting = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword, server: { url: server.url, caPem: readFileSync(join(dir, 'cert.pem'), 'utf8') } });
    desks.push(trusting);
    expect(await trusting.engine.syncOnce()).toBe(true);
    expect(trusting.engine.status().connection).toBe('online');
  }, 180_000);

  it('tells an outdated desk to update while it keeps its outbox', async () => {
    const server = await startTestServer({ minDeskSchema: SYNC_SCHEMA_VERSION + 1 });
    servers.push(server);
    const desk = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    desks.push(desk);
    createRecord(desk.sqlite, 'customers', randomUUID(), { number: 'V1', name: '周八', customFields: '{}' }, new Date());
    expect(await desk.engine.syncOnce()).toBe(false);
    expect(desk.engine.status()).toMatchObject({ connection: 'update-required', pendingOutbox: 1 });
    expect((await server.sql.query('SELECT count(*)::int AS n FROM customers'))[0]).toEqual({ n: 0 });
  }, 180_000);

  it('pokes desk B over the WebSocket when desk A pushes', async () => {
    const server = await startTestServer();
    servers.push(server);
    const a = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    const b = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword, websocket: true, pollMs: 3_600_000 });
    desks.push(a, b);
    await a.engine.syncOnce();
    b.engine.start();
    await b.engine.idle();
    await new Promise((r) => setTimeout(r, 300)); // socket open
    const uid = randomUUID();
    createRecord(a.sqlite, 'customers', uid, { number: 'P1', name: '吴九', customFields: '{}' }, new Date());
    await a.engine.syncOnce();
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !b.sqlite.prepare('SELECT 1 FROM customers WHERE uid = ?').get(uid)) await new Promise((r) => setTimeout(r, 20));
    expect(b.sqlite.prepare('SELECT name FROM customers WHERE uid = ?').pluck().get(uid)).toBe('吴九');
  }, 180_000);
});
