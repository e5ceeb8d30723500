// The server's blob store (KB attachment bytes, issue 7): a PUT is checked against the sha256
// it names and stored once, only KB editors upload, every user of the dealership downloads,
// and another dealership's users see nothing.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { maxAttachmentBytes } from '../../src-shared/domain/knowledge/attachments';
import { AuthService } from '../../src-server/auth/auth-service';
import { ensureDealership } from '../../src-server/store/open-store';
import { describeOnEachStore } from '../support/each-store';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';

describeOnEachStore('blob store routes', (store) => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'dd-blobs-'));
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    server = await startTestServer({ database: store.database(), blobs: { dir } });
    const other = await ensureDealership(server.sql, `other-${randomBytes(4).toString('hex')}`);
    await new AuthService(server.sql, { tokenSecret: randomBytes(32), accessTtlSeconds: 900, refreshTtlSeconds: 86400, lockoutAttempts: 5, lockoutMinutes: 15 })
      .createUser({ dealershipId: other, username: 'elsewhere1', password: testPassword, role: 'supervisor' });
  }, 180_000);
  afterAll(async () => server?.close());

  const token = async (username: string) =>
    (await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: testPassword, deskId: `desk-${username}-0001` } })).json().accessToken as string;
  const put = async (username: string, name: string, body: Uint8Array) =>
    server.app.inject({ method: 'PUT', url: `/blobs/${name}`, headers: { authorization: `Bearer ${await token(username)}`, 'content-type': 'application/octet-stream' }, payload: Buffer.from(body) });
  const get = async (username: string, name: string, method: 'GET' | 'HEAD' = 'GET') =>
    server.app.inject({ method, url: `/blobs/${name}`, headers: { authorization: `Bearer ${await token(username)}` } });
  const stored = () => readdirSync(dir, { recursive: true }).filter((f) => String(f).match(/[0-9a-f]{64}$/)).length;

  it('stores bytes under their sha256 once and hands the identical bytes to every user of the dealership', async () => {
    const bytes = randomBytes(300_000);
    const name = sha(bytes);
    expect((await get('agent1', name, 'HEAD')).statusCode).toBe(404);
    const first = await put('super1', name, bytes);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ sha256: name, bytes: bytes.length, stored: true });
    const again = await put('admin1', name, bytes);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ stored: false });
    expect((await get('agent1', name, 'HEAD')).statusCode).toBe(200);
    const download = await get('agent1', name);
    expect(download.statusCode).toBe(200);
    expect(sha(download.rawPayload)).toBe(name);
    expect(download.rawPayload.length).toBe(bytes.length);
    // Blobs are per dealership.
    expect((await get('elsewhere1', name)).statusCode).toBe(404);
  });

  it('refuses bytes that do not match their name, a bad name, a non-editor and an oversized blob, storing nothing', async () => {
    const before = stored();
    const bytes = randomBytes(1000);
    const wrongName = sha(randomBytes(1000));
    const mismatch = await put('super1', wrongName, bytes);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ code: 'invalid-input', error: 'checksum' });
    expect((await get('super1', wrongName)).statusCode).toBe(404);
    expect((await put('super1', 'not-a-hash', bytes)).statusCode).toBe(400);
    expect((await put('super1', sha(bytes).toUpperCase(), bytes)).statusCode).toBe(400);
    const byAgent = await put('agent1', sha(bytes), bytes);
    expect(byAgent.statusCode).toBe(403);
    expect((await get('super1', sha(bytes))).statusCode).toBe(404);
    const huge = Buffer.alloc(maxAttachmentBytes + 1, 7);
    expect((await put('super1', sha(huge), huge)).statusCode).toBe(413);
    expect(stored()).toBe(before);
    expect(existsSync(join(dir, String(server.dealershipId), wrongName.slice(0, 2), wrongName))).toBe(false);
  });

  it('asks for a token on every blob request', async () => {
    const res = await server.app.inject({ method: 'GET', url: `/blobs/${'0'.repeat(64)}` });
    expect(res.statusCode).toBe(401);
  });
});
