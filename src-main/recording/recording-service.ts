// The recording service of one desk: chunk files, metadata, finalize, recovery, playback reads.
// Invariants: a recording's row exists before its file (a crash never leaves an unknown file);
// a row in status 'recording' with no open writer in this process belongs to a process that died
// — it becomes 'interrupted' and is offered to the agent (keep = finalize what decodes, or
// discard). Write failures (disk full) are reported, never thrown into the call.
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DeskError } from '../../src-shared/contract/errors';
import type { DiskStatus, RecordingFilter, RecordingView } from '../../src-shared/contract/recording';
import { applyPauseMark, base64DecodedLength, closeSpans, maxChunkBytes, maxRecordingBytes, recordingScope } from '../../src-shared/domain/recording/policy';
import type { DeskContext } from '../host/context';
import { ChunkGapError, openChunkWriter, type ChunkWriter } from './chunk-writer';
import { diskStatus } from './disk-guard';
import { finalizeRecordingFile } from './finalize';
import {
  getRecording, insertRecording, linkFromCallRecord, listRecordings, pausesOf, recordingAgents, recordingView, replacePauses, updateRecording,
  type RecordingRow,
} from './recording-repo';
import { loadRecordingSettings } from './settings-store';

export const recordingsFolder = 'recordings';

export function relativePathFor(uid: string, startedAt: Date): string {
  const y = String(startedAt.getUTCFullYear());
  const m = String(startedAt.getUTCMonth() + 1).padStart(2, '0');
  return join(recordingsFolder, y, m, `${uid}.webm`);
}

export class RecordingService {
  private readonly writers = new Map<number, ChunkWriter>();
  private lastDiskWarning = 0;
  onFinalized: (id: number) => void = () => {};

  constructor(private readonly ctx: DeskContext) {
    this.markInterrupted();
  }

  /** Rows left in 'recording' by a process that died: offered for recovery. */
  markInterrupted(): number {
    const rows = this.ctx.sqlite.prepare("SELECT id, path FROM recordings WHERE status = 'recording'").all() as { id: number; path: string }[];
    let n = 0;
    for (const row of rows) {
      if (this.writers.has(row.id)) continue;
      const file = join(this.ctx.dataDir, row.path);
      updateRecording(this.ctx.sqlite, row.id, { status: 'interrupted', bytes: existsSync(file) ? statSync(file).size : 0 });
      n += 1;
    }
    return n;
  }

  disk(): DiskStatus {
    const settings = loadRecordingSettings(this.ctx.sqlite);
    return diskStatus(this.ctx.dataDir, settings);
  }

  start(input: { callUid: string; direction: 'inbound' | 'outbound'; remoteNumber: string; customerId: number | null; vehicleId: number | null; queue: string | null; startedAt: string; mimeType: string; channels: number }): { recordingId: number; disk: DiskStatus } {
    const disk = this.disk();
    this.warnDisk(disk);
    const uid = randomUUID();
    const path = relativePathFor(uid, this.ctx.now());
    const id = insertRecording(this.ctx.sqlite, { ...input, uid, agent: this.ctx.session.userName, path });
    const settings = loadRecordingSettings(this.ctx.sqlite);
    try {
      this.writers.set(id, openChunkWriter(join(this.ctx.dataDir, path), settings.fsync));
    } catch (error) {
      this.ctx.log.error('recording file could not be opened', { id, error: error instanceof Error ? error.message : String(error) });
      throw new DeskError('unavailable', 'recording file could not be opened');
    }
    this.ctx.log.info('recording started', { id, callUid: input.callUid });
    return { recordingId: id, disk };
  }

  append(input: { recordingId: number; seq: number; data: string }): { bytes: number; duplicate: boolean } {
    const row = this.owned(input.recordingId, 'write');
    const writer = this.writers.get(row.id);
    if (!writer || row.status !== 'recording') throw new DeskError('conflict', `recording ${row.id} is not being recorded here`);
    if (base64DecodedLength(input.data) > maxChunkBytes) throw new DeskError('invalid-input', 'chunk too large');
    const data = Buffer.from(input.data, 'base64');
    if (writer.bytes + data.length > maxRecordingBytes) throw new DeskError('invalid-input', 'recording too large');
    try {
      const appended = writer.append(input.seq, data, Date.now());
      return { bytes: writer.bytes, duplicate: !appended };
    } catch (error) {
      if (error instanceof ChunkGapError) throw new DeskError('conflict', error.message);
      // Disk full or I/O error: tell the renderer and the supervisor; the call goes on.
      this.ctx.log.error('recording chunk write failed', { id: row.id, error: error instanceof Error ? error.message : String(error) });
      this.warnDisk(this.disk(), true);
      throw new DeskError('unavailable', 'recording chunk could not be written');
    }
  }

  mark(input: { recordingId: number; kind: 'pause' | 'resume'; atMs: number }) {
    const row = this.owned(input.recordingId, 'write');
    const spans = applyPauseMark(pausesOf(this.ctx.sqlite, row.id), input);
    replacePauses(this.ctx.sqlite, row.id, spans);
    return { pauses: spans };
  }

  async finish(input: { recordingId: number; endedAt: string; durationMs: number }): Promise<RecordingView> {
    const row = this.owned(input.recordingId, 'write');
    this.writers.get(row.id)?.close();
    this.writers.delete(row.id);
    if (row.status === 'finalized') return recordingView(this.ctx.sqlite, row.id)!;
    await this.finalize(row, { endedAt: input.endedAt, durationMs: input.durationMs });
    return recordingView(this.ctx.sqlite, row.id)!;
  }

  private async finalize(row: RecordingRow, timing: { endedAt: string | null; durationMs: number | null }): Promise<void> {
    const file = join(this.ctx.dataDir, row.path);
    const result = await finalizeRecordingFile(file);
    if (result.error) this.ctx.log.error('recording kept as recorded (not remuxed)', { id: row.id, reason: result.error });
    const durationMs = result.durationMs ?? timing.durationMs;
    const endedAt = timing.endedAt ?? (durationMs !== null ? new Date(Date.parse(row.started_at) + durationMs).toISOString() : null);
    this.ctx.sqlite.transaction(() => {
      updateRecording(this.ctx.sqlite, row.id, {
        status: 'finalized', ended_at: endedAt, duration_ms: durationMs, bytes: result.bytes, sha256: result.sha256 || null, remuxed: result.remuxed ? 1 : 0,
      });
      replacePauses(this.ctx.sqlite, row.id, closeSpans(pausesOf(this.ctx.sqlite, row.id), durationMs ?? Number.MAX_SAFE_INTEGER));
      linkFromCallRecord(this.ctx.sqlite, row.id);
    })();
    this.ctx.emit('recording.changed', { id: row.id });
    this.onFinalized(row.id);
  }

  list(filter: RecordingFilter): { recordings: RecordingView[]; agents: string[] } {
    const scope = { agent: recordingScope(this.ctx.session.role) === 'all' ? null : this.ctx.session.userName };
    return { recordings: listRecordings(this.ctx.sqlite, filter, scope), agents: recordingAgents(this.ctx.sqlite, scope) };
  }

  read(input: { id: number; offset: number; length: number }): { data: string; totalBytes: number } {
    const row = this.owned(input.id, 'read');
    const file = join(this.ctx.dataDir, row.path);
    if (row.local_deleted_at || !existsSync(file)) throw new DeskError('not-found', 'the local copy of this recording is gone (kept on the dealership server)');
    const fd = openSync(file, 'r');
    try {
      const total = statSync(file).size;
      const length = Math.max(0, Math.min(input.length, total - input.offset));
      const buf = Buffer.alloc(length);
      let read = 0;
      while (read < length) {
        const n = readSync(fd, buf, read, length - read, input.offset + read);
        if (n === 0) break;
        read += n;
      }
      return { data: buf.subarray(0, read).toString('base64'), totalBytes: total };
    } finally {
      closeSync(fd);
    }
  }

  recoveryList(): RecordingView[] {
    return this.list({ status: 'interrupted', limit: 100 }).recordings;
  }

  async resolve(input: { id: number; action: 'keep' | 'discard' }): Promise<RecordingView | null> {
    const row = this.owned(input.id, 'read');
    if (row.status !== 'interrupted') throw new DeskError('conflict', `recording ${row.id} is ${row.status}`);
    if (input.action === 'discard') {
      rmSync(join(this.ctx.dataDir, row.path), { force: true });
      updateRecording(this.ctx.sqlite, row.id, { status: 'discarded', local_deleted_at: this.ctx.now().toISOString() });
      this.ctx.emit('recording.changed', { id: row.id });
      return null;
    }
    await this.finalize(row, { endedAt: null, durationMs: null });
    return recordingView(this.ctx.sqlite, row.id);
  }

  /** Closes open files (desk shutdown); their rows become 'interrupted' at the next start. */
  closeAll(): void {
    for (const w of this.writers.values()) w.close();
    this.writers.clear();
  }

  private owned(id: number, mode: 'read' | 'write'): RecordingRow {
    const row = getRecording(this.ctx.sqlite, id);
    if (!row || row.status === 'discarded') throw new DeskError('not-found', `recording ${id} not found`);
    const mine = row.agent === this.ctx.session.userName;
    const allowed = mode === 'write' ? mine : mine || recordingScope(this.ctx.session.role) === 'all';
    // Same answer as a missing row: an agent cannot probe for colleagues' recordings.
    if (!allowed) throw new DeskError('not-found', `recording ${id} not found`);
    return row;
  }

  private warnDisk(disk: DiskStatus, force = false): void {
    if (disk.level === 'ok') return;
    const now = Date.now();
    if (!force && now - this.lastDiskWarning < 60_000) return;
    this.lastDiskWarning = now;
    this.ctx.log.error('recording disk space low', { freeBytes: disk.freeBytes, level: disk.level });
    this.ctx.emit('recording.diskLow', disk);
  }
}
