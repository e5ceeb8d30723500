// The desk's uploader against the real dealership server (src-server, issue 6), through the same
// path the desk takes: the server URL from the sync settings, the access token from the sync
// session (registered with setRecordingServerAuth), a refused token renewed once, the recording
// a real WebM/Opus file when ffmpeg is there.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../src-main/host/desk';
import { setRecordingServerAuth } from '../../src-main/recording/server-auth';
import { loadRecordingSettings } from '../../src-main/recording/settings-store';
import { uploadPending, uploadTargetFor } from '../../src-main/recording/uploader';
import { syncState } from '../../src-main/sync/sync-state';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';

function opusRecording(dir: string): Buffer {
  const out = join(dir, 'tone.webm');
  try {
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', '-c:a', 'libopus', '-b:a', '32k', out], { timeout: 30_000 });
    return readFileSync(out);
  } catch {
    return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(60_000)]);
  }
}

describe('desk uploader → dealership server', () => {
  let server: TestServer;
  let desk: Desk;
  const recordingsDir = mkdtempSync(join(tmpdir(), 'dd-rec-e2e-store-'));
  beforeAll(async () => {
    server = await startTestServer({ recordings: { dir: recordingsDir } });
  }, 180_000);
  afterAll(async () => {
    desk?.close();
    const closing = server?.close();
    server?.app.server.closeAllConnections();
    await closing;
  });

  it('uploads a finalized recording to the server the desk syncs with, using the sync session token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-e2e-desk-'));
    desk = createDesk({ dataDir, host: 'cli', now: () => new Date('2026-05-01T10:00:00Z') });
    const ctx = desk.context;
    const { sqlite } = ctx;
    const data = opusRecording(dataDir);
    const uid = '7a2c1b63-9b90-4d47-8e9f-1e7b5f2a0b01';
    const path = `recordings/2026/05/${uid}.webm`;
    mkdirSync(dirname(join(dataDir, path)), { recursive: true });
    writeFileSync(join(dataDir, path), data);
    const sha256 = createHash('sha256').update(data).digest('hex');
    sqlite.prepare(`INSERT INTO recordings (uid, agent, direction, remote_number, started_at, ended_at, duration_ms, bytes, mime_type, path, status, sha256)
      VALUES (?, 'agent1', 'outbound', '13900139000', '2026-05-01T09:00:00Z', '2026-05-01T09:00:04Z', 4000, ?, 'audio/webm;codecs=opus', ?, 'finalized', ?)`)
      .run(uid, data.length, path, sha256);
    syncState.setServer(sqlite, { url: server.url, username: 'agent1' });

    // Connected, but no sync session yet: the server refuses, the recording waits.
    const unsigned = await uploadPending(ctx, uploadTargetFor(sqlite, loadRecordingSettings(sqlite))!);
    expect(unsigned).toMatchObject({ uploaded: 0, failed: 1 });
    expect(unsigned.lastError).toMatch(/401/);

    // The sync session hands out its token; the first one it has is stale, and it is asked again.
    const asked: (string | null)[] = [];
    setRecordingServerAuth(ctx, {
      async accessToken(refused) {
        asked.push(refused);
        if (asked.length === 1) return 'stale.token';
        const res = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'agent1', password: testPassword, deskId: 'desk-e2e-0001' }) });
        return ((await res.json()) as { accessToken: string }).accessToken;
      },
    });
    const target = uploadTargetFor(sqlite, loadRecordingSettings(sqlite))!;
    expect(target.baseUrl).toBe(server.url);
    expect(await uploadPending(ctx, { ...target, chunkBytes: 16 * 1024 })).toMatchObject({ uploaded: 1, failed: 0 });
    expect(asked).toEqual([null, 'stale.token']);

    const local = sqlite.prepare('SELECT upload_id, uploaded_at, upload_error FROM recordings WHERE uid = ?').get(uid) as { upload_id: string; uploaded_at: string; upload_error: string | null };
    expect(local).toMatchObject({ uploaded_at: '2026-05-01T10:00:00.000Z', upload_error: null });
    const [stored] = await server.sql.query<{ upload_id: string; stored_path: string; user_name: string; direction: string }>('SELECT upload_id, stored_path, user_name, direction FROM recording_uploads WHERE recording_uid = $1', [uid]);
    expect(stored).toMatchObject({ upload_id: local.upload_id, user_name: 'agent1', direction: 'outbound' });
    expect(readFileSync(join(recordingsDir, stored.stored_path)).equals(data)).toBe(true);
    expect(await uploadPending(ctx, target)).toMatchObject({ uploaded: 0, failed: 0 });
    setRecordingServerAuth(ctx, null);
  });
});
