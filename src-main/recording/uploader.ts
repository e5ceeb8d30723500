// Background upload of finalized recordings to the dealership server, and the retention sweep.
// Runs in main on a timer and after each finalize; one upload at a time (a desk records one
// call at a time, and the dealership's uplink is shared with the calls themselves).
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { RecordingSettings } from '../../src-shared/contract/recording';
import { localCopyExpired } from '../../src-shared/domain/recording/policy';
import { uploadBackoffMs } from '../../src-shared/domain/recording/upload-protocol';
import type { DeskContext } from '../host/context';
import { pausesOf, updateRecording, type RecordingRow } from './recording-repo';
import { loadRecordingSettings } from './settings-store';
import { uploadTargetFor } from './server-auth';
import { uploadRecordingFile, UploadError, type UploadTarget } from './upload-client';

export { uploadTargetFor };

export interface UploadRound {
  uploaded: number;
  failed: number;
  lastError: string | null;
}

export function pendingUploads(sqlite: Database.Database): RecordingRow[] {
  return sqlite
    .prepare("SELECT * FROM recordings WHERE status = 'finalized' AND uploaded_at IS NULL AND sha256 IS NOT NULL AND local_deleted_at IS NULL ORDER BY id")
    .all() as RecordingRow[];
}

export async function uploadPending(ctx: DeskContext, target: UploadTarget, options: { notBefore?: Map<number, number> } = {}): Promise<UploadRound> {
  const round: UploadRound = { uploaded: 0, failed: 0, lastError: null };
  for (const row of pendingUploads(ctx.sqlite)) {
    const wait = options.notBefore?.get(row.id);
    if (wait && wait > Date.now()) continue;
    const file = join(ctx.dataDir, row.path);
    if (!existsSync(file)) continue;
    try {
      const outcome = await uploadRecordingFile(target, file, {
        recordingUid: row.uid,
        bytes: row.bytes,
        sha256: row.sha256!,
        mimeType: row.mime_type,
        meta: {
          callUid: row.call_uid, agent: row.agent, direction: row.direction, remoteNumber: row.remote_number, customerId: row.customer_id, vehicleId: row.vehicle_id,
          startedAt: row.started_at, endedAt: row.ended_at, durationMs: row.duration_ms, channels: row.channels, pauses: pausesOf(ctx.sqlite, row.id),
        },
      });
      updateRecording(ctx.sqlite, row.id, { upload_id: outcome.uploadId, uploaded_at: ctx.now().toISOString(), upload_error: null, upload_failures: 0 });
      options.notBefore?.delete(row.id);
      round.uploaded += 1;
      ctx.emit('recording.changed', { id: row.id });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failures = row.upload_failures + 1;
      updateRecording(ctx.sqlite, row.id, { upload_error: message.slice(0, 300), upload_failures: failures });
      options.notBefore?.set(row.id, Date.now() + uploadBackoffMs(failures));
      round.failed += 1;
      round.lastError = message;
      // The server is unreachable: the rest would fail the same way; try again next round.
      if (error instanceof UploadError && error.retryable) break;
    }
  }
  return round;
}

/** Deletes local files that the server confirmed and whose retention passed; rows stay. */
export function applyRetention(ctx: DeskContext, settings: RecordingSettings): number {
  const rows = ctx.sqlite
    .prepare("SELECT id, path, ended_at, uploaded_at, local_deleted_at FROM recordings WHERE status = 'finalized' AND uploaded_at IS NOT NULL AND local_deleted_at IS NULL")
    .all() as { id: number; path: string; ended_at: string | null; uploaded_at: string | null; local_deleted_at: string | null }[];
  let deleted = 0;
  const now = ctx.now();
  for (const row of rows) {
    if (!localCopyExpired({ endedAt: row.ended_at, uploadedAt: row.uploaded_at, localDeletedAt: row.local_deleted_at }, now, settings.retentionDays)) continue;
    rmSync(join(ctx.dataDir, row.path), { force: true });
    updateRecording(ctx.sqlite, row.id, { local_deleted_at: now.toISOString() });
    deleted += 1;
  }
  return deleted;
}

export interface Uploader {
  kick(): void;
  stop(): void;
  lastError(): string | null;
}

export function startUploader(ctx: DeskContext, intervalMs = 60_000): Uploader {
  const notBefore = new Map<number, number>();
  let running = false;
  let again = false;
  let lastError: string | null = null;
  let stopped = false;
  const round = async () => {
    if (stopped || !ctx.sqlite.open) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const settings = loadRecordingSettings(ctx.sqlite);
      const target = uploadTargetFor(ctx.sqlite, settings);
      if (target) lastError = (await uploadPending(ctx, target, { notBefore })).lastError;
      if (ctx.sqlite.open) applyRetention(ctx, settings);
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        void round();
      }
    }
  };
  const timer = setInterval(() => void round(), intervalMs);
  timer.unref();
  const first = setTimeout(() => void round(), 5_000);
  first.unref();
  return {
    kick: () => void round(),
    stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(first);
    },
    lastError: () => lastError,
  };
}
