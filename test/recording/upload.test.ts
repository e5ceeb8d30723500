// The upload client against a real HTTP endpoint (upload-server.ts): a connection cut halfway
// resumes from the server's offset, the server copy matches the checksum, nothing is uploaded
// twice, and retention deletes a local copy only once the server confirmed it.
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src-main/host/desk';
import { uploadRecordingFile, UploadError } from '../../src-main/recording/upload-client';
import { applyRetention, uploadPending } from '../../src-main/recording/uploader';
import { loadRecordingSettings } from '../../src-main/recording/settings-store';
import { startUploadServer, type UploadServer } from './upload-server';

const servers: UploadServer[] = [];
const desks: Desk[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of desks.splice(0)) d.close();
});

function fileOf(bytes: number): { path: string; data: Buffer; sha256: string } {
  const data = randomBytes(bytes);
  const path = join(mkdtempSync(join(tmpdir(), 'dd-up-')), 'r.webm');
  writeFileSync(path, data);
  return { path, data, sha256: createHash('sha256').update(data).digest('hex') };
}

function createFor(uid: string, f: { data: Buffer; sha256: string }) {
  return {
    recordingUid: uid, bytes: f.data.length, sha256: f.sha256, mimeType: 'audio/webm;codecs=opus',
    meta: { callUid: 'c', agent: '坐席甲', direction: 'inbound' as const, remoteNumber: '138', customerId: null, vehicleId: null, startedAt: '2026-05-01T00:00:00Z', endedAt: null, durationMs: 1000, channels: 1, pauses: [] },
  };
}

describe('recording upload', () => {
  it('resumes after a connection cut halfway, and the server copy matches the checksum', async () => {
    const server = await startUploadServer({ token: 't0k' });
    servers.push(server);
    const f = fileOf(300_000);
    const uid = '6f1b1a52-8a8f-4c36-9d8e-0d6a4f1f0a01';
    const target = { baseUrl: server.url, token: 't0k', chunkBytes: 32 * 1024 };
    server.cutAfterBytes(150_000);
    await expect(uploadRecordingFile(target, f.path, createFor(uid, f))).rejects.toSatisfy((e) => e instanceof UploadError && e.retryable);
    const storedBefore = [...server.uploads.values()][0].offset;
    expect(storedBefore).toBeGreaterThan(0);
    expect(storedBefore).toBeLessThan(f.data.length);
    // a new client (as after a restart) knows nothing but the recording: the server says where to go on
    const second = await uploadRecordingFile(target, f.path, createFor(uid, f));
    expect(second.resumedFrom).toBe(storedBefore);
    expect(second.sentBytes).toBe(f.data.length - storedBefore);
    expect(createHash('sha256').update(server.bytesOf(uid)!).digest('hex')).toBe(f.sha256);
    // never twice
    const putsBefore = server.puts.length;
    const third = await uploadRecordingFile(target, f.path, createFor(uid, f));
    expect(third.sentBytes).toBe(0);
    expect(server.puts.length).toBe(putsBefore);
    expect(server.uploads.size).toBe(1);
  });

  it('refuses to complete a file whose bytes do not match the checksum', async () => {
    const server = await startUploadServer();
    servers.push(server);
    const f = fileOf(10_000);
    const lie = { ...createFor('6f1b1a52-8a8f-4c36-9d8e-0d6a4f1f0a02', f), sha256: 'a'.repeat(64) };
    await expect(uploadRecordingFile({ baseUrl: server.url, token: '' }, f.path, lie)).rejects.toThrow(/complete: HTTP 422/);
    expect(server.bytesOf(lie.recordingUid)).toBeNull();
  });

  it('uploads pending recordings of a desk, backs off while the server is down, and retention deletes only confirmed copies', async () => {
    const server = await startUploadServer();
    servers.push(server);
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-up-desk-'));
    let now = new Date('2026-05-01T10:00:00Z');
    const d = createDesk({ dataDir, host: 'cli', now: () => now });
    desks.push(d);
    const { sqlite } = d.context;
    const insert = (uid: string, data: Buffer) => {
      const path = `recordings/2026/05/${uid}.webm`;
      mkdirSync(dirname(join(dataDir, path)), { recursive: true });
      writeFileSync(join(dataDir, path), data);
      sqlite.prepare(`INSERT INTO recordings (uid, agent, direction, remote_number, started_at, ended_at, duration_ms, bytes, mime_type, path, status, sha256)
        VALUES (?, '坐席甲', 'inbound', '138', '2026-05-01T09:00:00Z', '2026-05-01T09:01:00Z', 60000, ?, 'audio/webm', ?, 'finalized', ?)`)
        .run(uid, data.length, path, createHash('sha256').update(data).digest('hex'));
      return join(dataDir, path);
    };
    const a = insert('6f1b1a52-8a8f-4c36-9d8e-0d6a4f1f0a03', randomBytes(5000));
    const b = insert('6f1b1a52-8a8f-4c36-9d8e-0d6a4f1f0a04', randomBytes(7000));
    const settings = { ...loadRecordingSettings(sqlite), retentionDays: 30 };

    server.setDown(true);
    const down = await uploadPending(d.context, { baseUrl: server.url, token: '' });
    expect(down).toMatchObject({ uploaded: 0, failed: 1 });
    expect(sqlite.prepare('SELECT upload_error FROM recordings WHERE upload_error IS NOT NULL').pluck().get()).toMatch(/network/);
    // not confirmed: retention keeps the files however old they are
    now = new Date('2027-01-01T00:00:00Z');
    expect(applyRetention(d.context, settings)).toBe(0);
    expect(existsSync(a) && existsSync(b)).toBe(true);

    server.setDown(false);
    now = new Date('2026-05-01T10:05:00Z');
    expect(await uploadPending(d.context, { baseUrl: server.url, token: '' })).toMatchObject({ uploaded: 2, failed: 0 });
    expect(await uploadPending(d.context, { baseUrl: server.url, token: '' })).toMatchObject({ uploaded: 0, failed: 0 });
    now = new Date('2026-05-20T00:00:00Z');
    expect(applyRetention(d.context, settings)).toBe(0);
    now = new Date('2026-06-01T09:01:00Z');
    expect(applyRetention(d.context, settings)).toBe(2);
    expect(existsSync(a) || existsSync(b)).toBe(false);
    expect(sqlite.prepare('SELECT count(*) FROM recordings WHERE local_deleted_at IS NOT NULL').pluck().get()).toBe(2);
  });
});
