// Recording uploads against the real dealership server (issue 6), run on PGlite and on a real
// PostgreSQL cluster (recording-uploads.test.ts): a full upload with the desk's own client, a
// cut and a server restart mid-upload then resume, a damaged chunk, another user's upload,
// oversized and mislabelled files, a supervisor's download with its audit row, and listing
// limited to one's own recordings.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uploadRecordingFile } from '../../src-main/recording/upload-client';
import type { DatabaseConfig } from '../../src-server/store/open-store';
import { uploadPath, type UploadCreate } from '../../src-shared/domain/recording/upload-protocol';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';

const webmHead = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);
export const maxTestRecordingBytes = 2 * 1024 * 1024;

export function recordingFile(bytes: number): { path: string; data: Buffer; sha256: string } {
  const data = Buffer.concat([webmHead, randomBytes(bytes - webmHead.length)]);
  const path = join(mkdtempSync(join(tmpdir(), 'dd-rec-up-')), 'r.webm');
  writeFileSync(path, data);
  return { path, data, sha256: createHash('sha256').update(data).digest('hex') };
}

export function createFor(f: { data: Buffer; sha256: string }, extra: Partial<UploadCreate> = {}): UploadCreate {
  return {
    recordingUid: randomUUID(), bytes: f.data.length, sha256: f.sha256, mimeType: 'audio/webm;codecs=opus',
    meta: { callUid: 'call-1', agent: 'agent1', direction: 'inbound', remoteNumber: '13800138000', customerId: null, vehicleId: null, startedAt: '2026-05-01T09:00:00.000Z', endedAt: '2026-05-01T09:05:00.000Z', durationMs: 300_000, channels: 1, pauses: [] },
    ...extra,
  };
}

export function recordingUploadSuite(database: () => DatabaseConfig): void {
  let server: TestServer;
  const recordingsDir = mkdtempSync(join(tmpdir(), 'dd-rec-store-'));
  const dealership = `rec-${randomBytes(3).toString('hex')}`;
  const auth = { tokenSecret: randomBytes(32), accessTtlSeconds: 900, refreshTtlSeconds: 86400, lockoutAttempts: 5, lockoutMinutes: 15 };
  const start = () => startTestServer({ database: database(), dealership, auth, recordings: { dir: recordingsDir, maxBytes: maxTestRecordingBytes } });

  // fetch keeps connections alive, and one may turn idle only after close() looked for idle ones.
  const stop = async () => {
    if (!server) return;
    const closing = server.close();
    server.app.server.closeAllConnections();
    await closing;
  };

  beforeAll(async () => {
    server = await start();
  }, 180_000);
  afterAll(async () => stop(), 60_000);

  const tokens = new Map<string, string>();
  const token = async (username: string, deskId = `desk-${username}`) => {
    const key = `${username}@${deskId}`;
    if (!tokens.has(key)) {
      const res = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: testPassword, deskId }) });
      expect(res.status).toBe(200);
      tokens.set(key, ((await res.json()) as { accessToken: string }).accessToken);
    }
    return tokens.get(key)!;
  };
  const call = async (username: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const raw = Buffer.isBuffer(body);
    const res = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${await token(username)}`, ...(body === undefined ? {} : { 'content-type': raw ? 'application/octet-stream' : 'application/json' }), ...headers },
      body: body === undefined ? undefined : raw ? new Uint8Array(body) : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, json };
  };
  const putChunk = (username: string, uploadId: string, offset: number, chunk: Buffer, sha = createHash('sha256').update(chunk).digest('hex')) =>
    call(username, 'PUT', `${uploadPath(uploadId)}?offset=${offset}`, chunk, { 'x-chunk-sha256': sha });
  const row = async (recordingUid: string) =>
    (await server.sql.query<{ upload_id: string; received_bytes: number; completed_at: unknown; stored_path: string | null; user_name: string }>(
      'SELECT upload_id, received_bytes, completed_at, stored_path, user_name FROM recording_uploads WHERE recording_uid = $1', [recordingUid],
    ))[0];
  const partSize = (uploadId: string) => {
    const part = join(recordingsDir, '.incoming', `${uploadId}.part`);
    return existsSync(part) ? statSync(part).size : null;
  };
  const target = async (username: string) => ({ baseUrl: server.url, token: await token(username), chunkBytes: 64 * 1024 });

  it('stores a whole recording uploaded by the desk client, and answers a second upload as already complete', async () => {
    const f = recordingFile(300_000);
    const create = createFor(f);
    const outcome = await uploadRecordingFile(await target('agent1'), f.path, create);
    expect(outcome).toMatchObject({ resumedFrom: 0, sentBytes: f.data.length });
    const stored = await row(create.recordingUid);
    expect(stored.completed_at).not.toBeNull();
    expect(stored.stored_path).toBe(join(String(server.dealershipId), '2026-05', `${create.recordingUid}.webm`));
    expect(createHash('sha256').update(readFileSync(join(recordingsDir, stored.stored_path!))).digest('hex')).toBe(f.sha256);
    expect(partSize(stored.upload_id)).toBeNull();
    const again = await uploadRecordingFile(await target('agent1'), f.path, create);
    expect(again).toEqual({ uploadId: stored.upload_id, sentBytes: 0, resumedFrom: f.data.length });
    expect((await call('agent1', 'POST', uploadPath(), create)).json).toEqual({ uploadId: stored.upload_id, offset: f.data.length, bytes: f.data.length, complete: true });
    expect(await server.sql.query('SELECT count(*)::int AS n FROM recording_uploads WHERE recording_uid = $1', [create.recordingUid])).toEqual([{ n: 1 }]);
  });

  it('keeps what arrived across a cut connection and a server restart, ignores a replayed chunk, and resumes', async () => {
    const f = recordingFile(200_000);
    const create = createFor(f);
    const { json: status } = await call('agent1', 'POST', uploadPath(), create);
    const chunk = 50_000;
    for (const offset of [0, chunk]) expect((await putChunk('agent1', status.uploadId, offset, f.data.subarray(offset, offset + chunk))).status).toBe(200);
    // The same chunk again (its answer was lost): nothing is written twice.
    const replay = await putChunk('agent1', status.uploadId, chunk, f.data.subarray(chunk, 2 * chunk));
    expect(replay).toEqual({ status: 409, json: { uploadId: status.uploadId, offset: 2 * chunk, bytes: f.data.length, complete: false } });
    expect(partSize(status.uploadId)).toBe(2 * chunk);
    // The connection drops halfway through the third chunk's body.
    const third = f.data.subarray(2 * chunk, 3 * chunk);
    await new Promise<void>((resolve) => {
      const req = http.request(`${server.url}${uploadPath(status.uploadId)}?offset=${2 * chunk}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens.get('agent1@desk-agent1')}`, 'content-type': 'application/octet-stream', 'content-length': String(third.length), 'x-chunk-sha256': createHash('sha256').update(third).digest('hex') },
      });
      req.on('error', () => resolve());
      req.write(third.subarray(0, chunk / 2), () => setTimeout(() => req.destroy(), 100));
      req.on('close', () => resolve());
    });
    await stop();
    server = await start();
    expect((await row(create.recordingUid)).received_bytes).toBe(2 * chunk);
    const outcome = await uploadRecordingFile({ ...(await target('agent1')), chunkBytes: 30_000 }, f.path, create);
    expect(outcome).toMatchObject({ uploadId: status.uploadId, resumedFrom: 2 * chunk, sentBytes: f.data.length - 2 * chunk });
    const stored = await row(create.recordingUid);
    expect(createHash('sha256').update(readFileSync(join(recordingsDir, stored.stored_path!))).digest('hex')).toBe(f.sha256);
  }, 120_000);

  it('refuses a chunk that does not match its checksum and stores nothing of it', async () => {
    const f = recordingFile(100_000);
    const create = createFor(f);
    const { json: status } = await call('agent1', 'POST', uploadPath(), create);
    expect((await putChunk('agent1', status.uploadId, 0, f.data.subarray(0, 40_000))).status).toBe(200);
    const damaged = Buffer.from(f.data.subarray(40_000, 80_000));
    const sha = createHash('sha256').update(damaged).digest('hex');
    damaged[100] ^= 0xff;
    const refused = await putChunk('agent1', status.uploadId, 40_000, damaged, sha);
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: 'checksum', code: 'invalid-input' });
    expect((await row(create.recordingUid)).received_bytes).toBe(40_000);
    expect(partSize(status.uploadId)).toBe(40_000);
    // A whole file that does not hash to what the desk declared is discarded, and starts over.
    const lie = createFor(f, { sha256: 'a'.repeat(64) });
    await expect(uploadRecordingFile(await target('agent1'), f.path, lie)).rejects.toThrow(/complete: HTTP 422/);
    const discarded = await row(lie.recordingUid);
    expect(discarded).toMatchObject({ received_bytes: 0, completed_at: null, stored_path: null });
    expect(partSize(discarded.upload_id)).toBe(0);
  });

  it("refuses another user's upload at another desk with 403 and writes nothing", async () => {
    const f = recordingFile(60_000);
    const create = createFor(f);
    const { json: status } = await call('agent1', 'POST', uploadPath(), create);
    expect((await putChunk('sales1', status.uploadId, 0, f.data.subarray(0, 30_000))).status).toBe(403);
    expect((await call('sales1', 'POST', uploadPath(status.uploadId, 'complete'), { sha256: f.sha256 })).status).toBe(403);
    expect((await call('sales1', 'POST', uploadPath(), create)).status).toBe(403);
    expect((await row(create.recordingUid)).received_bytes).toBe(0);
    expect(partSize(status.uploadId)).toBe(0);
    // Without a token nothing is accepted at all.
    const anonymous = await fetch(server.url + uploadPath(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(createFor(f)) });
    expect(anonymous.status).toBe(401);
  });

  it('refuses oversized recordings and chunks (413) and other formats (415), storing nothing', async () => {
    const before = (await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM recording_uploads'))[0].n;
    const tooBig = await call('agent1', 'POST', uploadPath(), { ...createFor(recordingFile(1000)), bytes: maxTestRecordingBytes + 1 });
    expect(tooBig).toMatchObject({ status: 413, json: { code: 'too-large' } });
    const wav = await call('agent1', 'POST', uploadPath(), { ...createFor(recordingFile(1000)), mimeType: 'audio/wav' });
    expect(wav).toMatchObject({ status: 415, json: { error: 'content-type' } });
    expect((await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM recording_uploads'))[0].n).toBe(before);

    const f = recordingFile(20_000);
    const { json: status } = await call('agent1', 'POST', uploadPath(), createFor(f));
    const huge = Buffer.alloc(4 * 1024 * 1024 + 1);
    expect((await putChunk('agent1', status.uploadId, 0, huge)).status).toBe(413);
    expect((await putChunk('agent1', status.uploadId, 0, Buffer.concat([f.data, Buffer.from('tail')]))).status).toBe(413);
    const notWebm = Buffer.from(f.data);
    notWebm[0] = 0x52; // 'RIFF…'
    expect((await putChunk('agent1', status.uploadId, 0, notWebm)).status).toBe(415);
    expect(partSize(status.uploadId)).toBe(0);
    expect((await call('agent1', 'GET', uploadPath(status.uploadId))).json).toMatchObject({ offset: 0, complete: false });
  });

  it('lets a supervisor download any recording (audited), an agent only their own', async () => {
    const f = recordingFile(120_000);
    const create = createFor(f);
    await uploadRecordingFile(await target('agent1'), f.path, create);
    const audits = async () => server.sql.query<{ user_name: string; target: string }>(`SELECT user_name, target FROM audit_log WHERE action = 'recording.downloaded' AND target = $1`, [create.recordingUid]);

    const advisorTry = await call('advisor1', 'GET', `/api/recordings/${create.recordingUid}/file`);
    expect(advisorTry.status).toBe(403);
    expect(await audits()).toEqual([]);
    expect((await call('advisor1', 'GET', '/api/recordings')).json.recordings.map((r: { recordingUid: string }) => r.recordingUid)).not.toContain(create.recordingUid);

    const res = await fetch(`${server.url}/api/recordings/${create.recordingUid}/file`, { headers: { authorization: `Bearer ${await token('super1')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/webm;codecs=opus');
    expect(Buffer.from(await res.arrayBuffer()).equals(f.data)).toBe(true);
    expect(await audits()).toEqual([{ user_name: 'super1', target: create.recordingUid }]);

    const listed = await call('super1', 'GET', '/api/recordings?limit=500');
    expect(listed.json.recordings.find((r: { recordingUid: string }) => r.recordingUid === create.recordingUid)).toMatchObject({ agent: 'agent1', bytes: f.data.length, sha256: f.sha256, remoteNumber: '13800138000' });
    expect((await call('agent1', 'GET', `/api/recordings/${create.recordingUid}/file`)).status).toBe(200);
    expect((await audits()).length).toBe(2);
  });
}
