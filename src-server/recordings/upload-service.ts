// The server side of the recording upload protocol (src-shared/domain/recording/upload-protocol.ts,
// issue 6). Invariants: received_bytes in the database is the only truth about what arrived, and
// the partial file is cut back to it before every write; a chunk is stored only when its sha256
// matches, it starts exactly at that offset and stays within the declared size; a recording is
// moved into the store only when the whole file hashes to the declared sha256. Each outcome is a
// value that the routes turn into the protocol's status code.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { UploadCreate, UploadStatus } from '../../src-shared/domain/recording/upload-protocol';
import type { ServerError } from '../../src-shared/domain/sync/protocol';
import type { Sql } from '../store/sql';
import { defaultMaxRecordingBytes, fileExtension, recordingContainer, startsLike, type RecordingStoreOptions } from './config';
import { ensurePart, fileSize, hashFile, moveInto, partPath, removeFile, storedRelativePath, truncateTo, writeChunkAt } from './upload-files';
import { statusOf, uploadReads, uploadWrites, type UploadRow } from './upload-repo';

export interface UploadActor {
  dealershipId: number;
  userId: number;
  userName: string;
  sessionId: string;
}

export type UploadOutcome =
  | { http: 200 | 409; status: UploadStatus }
  | { http: 400 | 403 | 404 | 413 | 415 | 422; code: ServerError['code']; reason: string; message: string };

const refusal = (http: 400 | 403 | 404 | 413 | 415 | 422, code: ServerError['code'], reason: string, message: string): UploadOutcome => ({ http, code, reason, message });
const ok = (row: UploadRow): UploadOutcome => ({ http: 200, status: statusOf(row) });
const behind = (row: UploadRow): UploadOutcome => ({ http: 409, status: statusOf(row) });

export class RecordingUploads {
  readonly dir: string;
  readonly maxBytes: number;

  constructor(
    private readonly sql: Sql,
    options: RecordingStoreOptions,
    private readonly now: () => Date,
  ) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? defaultMaxRecordingBytes;
  }

  async create(actor: UploadActor, input: UploadCreate): Promise<UploadOutcome> {
    if (!recordingContainer(input.mimeType)) return refusal(415, 'invalid-input', 'content-type', `recordings must be Opus in WebM or Ogg, not ${input.mimeType}`);
    if (input.bytes > this.maxBytes) return refusal(413, 'too-large', 'too-large', `recording of ${input.bytes} bytes is over the limit of ${this.maxBytes}`);
    const deskId = await uploadReads.deskOfSession(this.sql, actor.sessionId);
    return this.sql.transaction(async (tx) => {
      let row = await uploadReads.byRecording(tx, actor.dealershipId, input.recordingUid, true);
      if (!row) {
        const uploadId = randomUUID();
        await ensurePart(partPath(this.dir, uploadId));
        if (await uploadWrites.insert(tx, { uploadId, dealershipId: actor.dealershipId, userId: actor.userId, userName: actor.userName, deskId, create: input, at: this.now() })) {
          return ok((await uploadReads.byId(tx, actor.dealershipId, uploadId))!);
        }
        await removeFile(partPath(this.dir, uploadId));
        row = (await uploadReads.byRecording(tx, actor.dealershipId, input.recordingUid, true))!;
      }
      // Already in the store: the desk is told so and sends nothing, whoever asks.
      if (row.completed_at !== null) return ok(row);
      if (!this.mayContinue(actor, deskId, row)) return refusal(403, 'forbidden', 'not-yours', 'this recording is being uploaded by another user at another desk');
      if (row.bytes !== input.bytes || row.sha256 !== input.sha256 || row.mime_type !== input.mimeType) {
        await uploadWrites.restart(tx, row.upload_id, input, this.now());
        await truncateTo(partPath(this.dir, row.upload_id), 0).catch(() => ensurePart(partPath(this.dir, row.upload_id)));
        return ok((await uploadReads.byId(tx, actor.dealershipId, row.upload_id))!);
      }
      return ok(await this.reconciled(tx, row));
    });
  }

  async status(actor: UploadActor, uploadId: string): Promise<UploadOutcome> {
    const row = await uploadReads.byId(this.sql, actor.dealershipId, uploadId);
    if (!row) return refusal(404, 'not-found', 'no-upload', 'no such upload');
    if (!(await this.allowed(actor, row))) return refusal(403, 'forbidden', 'not-yours', 'this upload belongs to another user');
    return ok(row);
  }

  async putChunk(actor: UploadActor, uploadId: string, input: { offset: string | undefined; sha256: string | undefined; body: Buffer }): Promise<UploadOutcome> {
    const offset = Number(input.offset);
    if (input.offset === undefined || !/^\d+$/.test(input.offset) || !Number.isSafeInteger(offset)) return refusal(400, 'invalid-input', 'offset', 'offset must be a non-negative integer');
    if (!input.sha256 || !/^[0-9a-f]{64}$/.test(input.sha256)) return refusal(400, 'invalid-input', 'checksum-header', 'x-chunk-sha256 must be the hex sha256 of the body');
    if (input.body.length === 0) return refusal(400, 'invalid-input', 'empty', 'empty chunk');
    const row = await uploadReads.byId(this.sql, actor.dealershipId, uploadId);
    if (!row) return refusal(404, 'not-found', 'no-upload', 'no such upload');
    if (!(await this.allowed(actor, row))) return refusal(403, 'forbidden', 'not-yours', 'this upload belongs to another user');
    if (createHash('sha256').update(input.body).digest('hex') !== input.sha256) {
      return refusal(422, 'invalid-input', 'checksum', 'the chunk does not match its x-chunk-sha256; nothing was stored, send it again');
    }
    if (row.completed_at !== null) return behind(row);
    if (offset + input.body.length > row.bytes) return refusal(413, 'too-large', 'past-end', `chunk ends at ${offset + input.body.length}, past the declared ${row.bytes} bytes`);
    if (offset === 0 && !startsLike(recordingContainer(row.mime_type)!, input.body)) {
      return refusal(415, 'invalid-input', 'content-type', `the file does not start like ${row.mime_type}`);
    }
    return this.sql.transaction(async (tx) => {
      const locked = await this.reconciled(tx, (await uploadReads.byId(tx, actor.dealershipId, uploadId, true))!);
      // A replayed chunk (already written) or one from the future: nothing written, the desk continues from here.
      if (locked.completed_at !== null || offset !== locked.received_bytes) return behind(locked);
      await writeChunkAt(partPath(this.dir, uploadId), offset, input.body);
      await uploadWrites.setReceived(tx, uploadId, offset + input.body.length, this.now());
      return ok((await uploadReads.byId(tx, actor.dealershipId, uploadId))!);
    });
  }

  async complete(actor: UploadActor, uploadId: string, sha256: string): Promise<UploadOutcome> {
    const row = await uploadReads.byId(this.sql, actor.dealershipId, uploadId);
    if (!row) return refusal(404, 'not-found', 'no-upload', 'no such upload');
    if (!(await this.allowed(actor, row))) return refusal(403, 'forbidden', 'not-yours', 'this upload belongs to another user');
    if (row.completed_at !== null) return ok(row);
    if (row.received_bytes !== row.bytes) return behind(row);
    const part = partPath(this.dir, uploadId);
    const relative = this.finalPath(row);
    const final = join(this.dir, relative);
    // A crash between the move and its commit left the file in the store and the row incomplete.
    if (!existsSync(part) && existsSync(final)) await moveInto(final, part);
    const size = await fileSize(part);
    const actual = size !== null && size >= row.bytes ? await hashFile(part, row.bytes) : null;
    return this.sql.transaction(async (tx) => {
      const locked = (await uploadReads.byId(tx, actor.dealershipId, uploadId, true))!;
      if (locked.completed_at !== null) return ok(locked);
      if (locked.received_bytes !== locked.bytes) return behind(locked);
      if (actual === null || actual !== locked.sha256 || actual !== sha256) {
        await uploadWrites.setReceived(tx, uploadId, 0, this.now());
        await ensurePart(part);
        await truncateTo(part, 0);
        return refusal(422, 'invalid-input', 'checksum', 'the uploaded file does not match its sha256; it was discarded, upload it again');
      }
      await truncateTo(part, locked.bytes);
      await moveInto(part, final);
      try {
        await uploadWrites.complete(tx, uploadId, relative, this.now());
      } catch (error) {
        await moveInto(final, part).catch(() => undefined);
        throw error;
      }
      return ok((await uploadReads.byId(tx, actor.dealershipId, uploadId))!);
    });
  }

  /** Absolute path of a completed recording's file. */
  storedFile(row: UploadRow): string | null {
    return row.stored_path ? join(this.dir, row.stored_path) : null;
  }

  private finalPath(row: UploadRow): string {
    return storedRelativePath({ dealershipId: row.dealership_id, recordingUid: row.recording_uid, startedAt: row.started_at, extension: fileExtension(recordingContainer(row.mime_type)!) });
  }

  /** The partial file lost bytes the row says arrived (disk trouble, restore): continue from what is there. */
  private async reconciled(tx: Sql, row: UploadRow): Promise<UploadRow> {
    if (row.completed_at !== null || row.received_bytes === 0) return row;
    const size = (await fileSize(partPath(this.dir, row.upload_id))) ?? 0;
    if (size >= row.received_bytes) return row;
    await uploadWrites.setReceived(tx, row.upload_id, size, this.now());
    return { ...row, received_bytes: size };
  }

  private mayContinue(actor: UploadActor, deskId: string | null, row: UploadRow): boolean {
    return row.user_id === actor.userId || (deskId !== null && row.desk_id === deskId);
  }

  /** The user who started the upload, or anyone signed in at the same desk (a shift change mid-upload). */
  private async allowed(actor: UploadActor, row: UploadRow): Promise<boolean> {
    if (row.user_id === actor.userId) return true;
    return this.mayContinue(actor, await uploadReads.deskOfSession(this.sql, actor.sessionId), row);
  }
}
