import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertCustomers } from '../customers/customer-writer';
import { createDesk, type Desk } from '../host/desk';
import { sha256File } from './finalize';

/** A real Opus WebM of `seconds`, cut into ~1 KB "chunks" like MediaRecorder's timeslices. */
function opusChunks(seconds: number): Buffer[] {
  const file = join(mkdtempSync(join(tmpdir(), 'dd-rec-src-')), 'src.webm');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `sine=f=440:d=${seconds}`, '-c:a', 'libopus', '-b:a', '32k', file]);
  const all = readFileSync(file);
  const chunks: Buffer[] = [];
  for (let i = 0; i < all.length; i += 1024) chunks.push(all.subarray(i, i + 1024));
  return chunks;
}

const desks: Desk[] = [];
function desk(dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-')), userName = '坐席甲', role: 'agent' | 'supervisor' = 'agent'): Desk {
  const d = createDesk({ dataDir, host: 'cli', role });
  d.context.session.userName = userName;
  desks.push(d);
  return d;
}
async function ok<T>(d: Desk, method: string, input: unknown): Promise<T> {
  const r = await d.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const startInput = { callUid: 'call-0001', direction: 'inbound', remoteNumber: '13812345678', customerId: null, vehicleId: null, queue: null, startedAt: '2026-05-01T02:00:00.000Z', mimeType: 'audio/webm;codecs=opus', channels: 1 };

afterEach(() => {
  for (const d of desks.splice(0)) d.close();
  delete process.env.DEALERDESK_FFMPEG;
});

describe('recording service', () => {
  it('appends chunks to a file and finalizes it with a known duration', async () => {
    const d = desk();
    const { recordingId } = await ok<{ recordingId: number }>(d, 'recording.start', startInput);
    const chunks = opusChunks(3);
    for (const [seq, c] of chunks.entries()) await ok(d, 'recording.appendChunk', { recordingId, seq, data: c.toString('base64') });
    // a replayed chunk is acknowledged and not written twice
    expect(await ok(d, 'recording.appendChunk', { recordingId, seq: 0, data: chunks[0].toString('base64') })).toMatchObject({ duplicate: true });
    await ok(d, 'recording.mark', { recordingId, kind: 'pause', atMs: 1000 });
    await ok(d, 'recording.mark', { recordingId, kind: 'resume', atMs: 2000 });
    await ok(d, 'recording.mark', { recordingId, kind: 'pause', atMs: 2500 });
    const view = await ok<{ status: string; remuxed: boolean; durationMs: number; bytes: number; pauses: unknown[] }>(d, 'recording.finish', { recordingId, endedAt: '2026-05-01T02:00:03.000Z', durationMs: 3100 });
    expect(view).toMatchObject({ status: 'finalized', remuxed: true });
    expect(Math.abs(view.durationMs - 3000)).toBeLessThan(100);
    expect(view.pauses).toEqual([{ startMs: 1000, endMs: 2000 }, { startMs: 2500, endMs: view.durationMs }]);
    const row = d.context.sqlite.prepare('SELECT path, sha256, bytes FROM recordings WHERE id = ?').get(recordingId) as { path: string; sha256: string; bytes: number };
    expect(row.sha256).toBe(await sha256File(join(d.context.dataDir, row.path)));
    expect(row.bytes).toBe(statSync(join(d.context.dataDir, row.path)).size);
  });

  it('refuses gaps, oversize and malformed chunks', async () => {
    const d = desk();
    const { recordingId } = await ok<{ recordingId: number }>(d, 'recording.start', startInput);
    expect(await d.dispatch('recording.appendChunk', { recordingId, seq: 1, data: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await d.dispatch('recording.appendChunk', { recordingId, seq: 0, data: Buffer.alloc(300 * 1024).toString('base64') })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await d.dispatch('recording.appendChunk', { recordingId, seq: 0, data: 'not base64!' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await d.dispatch('recording.start', { ...startInput, mimeType: 'video/mp4' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps the original file when ffmpeg fails', async () => {
    process.env.DEALERDESK_FFMPEG = '/bin/false';
    const d = desk();
    const { recordingId } = await ok<{ recordingId: number }>(d, 'recording.start', startInput);
    const chunks = opusChunks(2);
    for (const [seq, c] of chunks.entries()) await ok(d, 'recording.appendChunk', { recordingId, seq, data: c.toString('base64') });
    const view = await ok<{ remuxed: boolean; durationMs: number; bytes: number; status: string }>(d, 'recording.finish', { recordingId, endedAt: '2026-05-01T02:00:02.000Z', durationMs: 2040 });
    expect(view).toMatchObject({ remuxed: false, durationMs: 2040, status: 'finalized', bytes: Buffer.concat(chunks).length });
  });

  it('shows agents only their own recordings and supervisors everyone’s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-'));
    const a = desk(dataDir, '坐席甲');
    const { recordingId } = await ok<{ recordingId: number }>(a, 'recording.start', startInput);
    await ok(a, 'recording.appendChunk', { recordingId, seq: 0, data: opusChunks(1)[0].toString('base64') });
    a.context.session.userName = '坐席乙';
    expect((await ok<{ recordings: unknown[] }>(a, 'recording.list', {})).recordings).toHaveLength(0);
    expect(await a.dispatch('recording.read', { id: recordingId, offset: 0, length: 100 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await a.dispatch('recording.appendChunk', { recordingId, seq: 1, data: 'AAAA' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await a.dispatch('recording.settings.set', { mode: 'none' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    a.context.session.role = 'supervisor';
    const list = await ok<{ recordings: { agent: string }[]; agents: string[] }>(a, 'recording.list', {});
    expect(list.recordings.map((r) => r.agent)).toEqual(['坐席甲']);
    expect(list.agents).toEqual(['坐席甲']);
    const read = await ok<{ data: string; totalBytes: number }>(a, 'recording.read', { id: recordingId, offset: 0, length: 100 });
    expect(Buffer.from(read.data, 'base64').length).toBe(100);
  });

  it('offers a recording interrupted by a crash at the next start, and keeps what decodes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-'));
    const before = desk(dataDir);
    const { recordingId } = await ok<{ recordingId: number }>(before, 'recording.start', startInput);
    const chunks = opusChunks(4);
    const half = Math.floor(chunks.length / 2);
    for (let seq = 0; seq < half; seq++) await ok(before, 'recording.appendChunk', { recordingId, seq, data: chunks[seq].toString('base64') });
    // the process dies: no finish; a new desk on the same folder
    const after = desk(dataDir);
    const offered = await ok<{ recordings: { id: number; status: string }[] }>(after, 'recording.recovery.list', {});
    expect(offered.recordings).toMatchObject([{ id: recordingId, status: 'interrupted' }]);
    const kept = await ok<{ recording: { status: string; durationMs: number; remuxed: boolean } }>(after, 'recording.recovery.resolve', { id: recordingId, action: 'keep' });
    expect(kept.recording).toMatchObject({ status: 'finalized', remuxed: true });
    expect(kept.recording.durationMs).toBeGreaterThan(1000);
    expect(kept.recording.durationMs).toBeLessThan(3500);
    expect((await ok<{ recordings: unknown[] }>(after, 'recording.recovery.list', {})).recordings).toHaveLength(0);
  });

  it('discards an interrupted recording on request', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-'));
    const before = desk(dataDir);
    const { recordingId } = await ok<{ recordingId: number }>(before, 'recording.start', startInput);
    await ok(before, 'recording.appendChunk', { recordingId, seq: 0, data: opusChunks(1)[0].toString('base64') });
    const path = join(dataDir, before.context.sqlite.prepare('SELECT path FROM recordings').pluck().get() as string);
    const after = desk(dataDir);
    await ok(after, 'recording.recovery.list', {});
    await ok(after, 'recording.recovery.resolve', { id: recordingId, action: 'discard' });
    expect(existsSync(path)).toBe(false);
    expect((await ok<{ recordings: unknown[] }>(after, 'recording.list', {})).recordings).toHaveLength(0);
  });

  it('links the customer and vehicle from the call record and filters the list', async () => {
    const d = desk();
    const { sqlite } = d.context;
    const [customerId] = insertCustomers(sqlite, [{ name: '王建国', phones: [{ raw: '13812345678' }], vehicles: [] }] as never, new Date());
    d.context.session.role = 'supervisor';
    const { recordingId } = await ok<{ recordingId: number }>(d, 'recording.start', startInput);
    await ok(d, 'recording.appendChunk', { recordingId, seq: 0, data: Buffer.concat(opusChunks(1)).toString('base64') });
    await ok(d, 'softphone.calls.save', {
      uid: 'call-0001', direction: 'inbound', localNumber: null, remoteNumber: '13812345678', remoteNormalized: '13812345678', customerId, vehicleId: null, queue: null, ivrChoice: null,
      ringAt: '2026-05-01T01:59:50.000Z', answerAt: '2026-05-01T02:00:00.000Z', endAt: '2026-05-01T02:00:01.000Z', outcome: 'answered', transferredTo: null, disposition: 'resolved', inquiryCategory: null, notes: null,
    });
    await ok(d, 'recording.finish', { recordingId, endedAt: '2026-05-01T02:00:01.000Z', durationMs: 1000 });
    const list = async (f: object) => (await ok<{ recordings: { id: number; customerName: string | null; disposition: string | null }[] }>(d, 'recording.list', f)).recordings;
    expect(await list({ customer: '王建' })).toMatchObject([{ id: recordingId, customerName: '王建国', disposition: 'resolved' }]);
    expect(await list({ customer: '1234' })).toHaveLength(1);
    expect(await list({ customer: '李' })).toHaveLength(0);
    expect(await list({ disposition: 'resolved', direction: 'inbound', agent: '坐席甲' })).toHaveLength(1);
    expect(await list({ direction: 'outbound' })).toHaveLength(0);
    expect(await list({ minSeconds: 5 })).toHaveLength(0);
    expect(await list({ maxSeconds: 5, from: '2026-05-01', to: '2026-05-02' })).toHaveLength(1);
    expect(await list({ from: '2026-05-02' })).toHaveLength(0);
  });
});
