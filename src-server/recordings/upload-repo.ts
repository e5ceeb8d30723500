// SQL over recording_uploads (src-server/db/schema.ts). Reads and writes are split; every write
// that depends on the current offset runs inside a transaction holding the row lock.
import type { UploadCreate, UploadStatus } from '../../src-shared/domain/recording/upload-protocol';
import type { Sql } from '../store/sql';

export interface UploadRow {
  upload_id: string;
  dealership_id: number;
  recording_uid: string;
  user_id: number;
  user_name: string;
  desk_id: string | null;
  agent: string;
  call_uid: string | null;
  direction: string;
  remote_number: string;
  started_at: string;
  duration_ms: number | null;
  mime_type: string;
  bytes: number;
  sha256: string;
  meta: UploadCreate['meta'];
  received_bytes: number;
  stored_path: string | null;
  completed_at: Date | string | null;
}

export function statusOf(row: UploadRow): UploadStatus {
  return { uploadId: row.upload_id, offset: row.received_bytes, bytes: row.bytes, complete: row.completed_at !== null };
}

export const uploadReads = {
  async byId(sql: Sql, dealershipId: number, uploadId: string, lock = false): Promise<UploadRow | null> {
    const [row] = await sql.query<UploadRow>(`SELECT * FROM recording_uploads WHERE upload_id = $1 AND dealership_id = $2${lock ? ' FOR UPDATE' : ''}`, [uploadId, dealershipId]);
    return row ?? null;
  },
  async byRecording(sql: Sql, dealershipId: number, recordingUid: string, lock = false): Promise<UploadRow | null> {
    const [row] = await sql.query<UploadRow>(`SELECT * FROM recording_uploads WHERE dealership_id = $1 AND recording_uid = $2${lock ? ' FOR UPDATE' : ''}`, [dealershipId, recordingUid]);
    return row ?? null;
  },
  async deskOfSession(sql: Sql, sessionId: string): Promise<string | null> {
    const [row] = await sql.query<{ desk_id: string }>('SELECT desk_id FROM sessions WHERE id = $1', [sessionId]);
    return row?.desk_id ?? null;
  },
};

export interface NewUpload {
  uploadId: string;
  dealershipId: number;
  userId: number;
  userName: string;
  deskId: string | null;
  create: UploadCreate;
  at: Date;
}

const describedBy = (c: UploadCreate) => [
  c.meta.agent, c.meta.callUid, c.meta.direction, c.meta.remoteNumber, c.meta.startedAt, c.meta.durationMs, c.mimeType, c.bytes, c.sha256, JSON.stringify(c.meta),
];

export const uploadWrites = {
  /** Inserts unless the recording already has an upload (a concurrent create won); returns whether it did. */
  async insert(sql: Sql, u: NewUpload): Promise<boolean> {
    const rows = await sql.query(
      `INSERT INTO recording_uploads (upload_id, dealership_id, recording_uid, user_id, user_name, desk_id,
         agent, call_uid, direction, remote_number, started_at, duration_ms, mime_type, bytes, sha256, meta, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
       ON CONFLICT (dealership_id, recording_uid) DO NOTHING RETURNING upload_id`,
      [u.uploadId, u.dealershipId, u.create.recordingUid, u.userId, u.userName, u.deskId, ...describedBy(u.create), u.at.toISOString()],
    );
    return rows.length === 1;
  },
  /** The desk re-finalised the recording (other size or checksum): start its upload over. */
  async restart(sql: Sql, uploadId: string, create: UploadCreate, at: Date): Promise<void> {
    await sql.query(
      `UPDATE recording_uploads SET agent = $2, call_uid = $3, direction = $4, remote_number = $5, started_at = $6, duration_ms = $7,
         mime_type = $8, bytes = $9, sha256 = $10, meta = $11, received_bytes = 0, updated_at = $12 WHERE upload_id = $1`,
      [uploadId, ...describedBy(create), at.toISOString()],
    );
  },
  async setReceived(sql: Sql, uploadId: string, receivedBytes: number, at: Date): Promise<void> {
    await sql.query('UPDATE recording_uploads SET received_bytes = $2, updated_at = $3 WHERE upload_id = $1', [uploadId, receivedBytes, at.toISOString()]);
  },
  async complete(sql: Sql, uploadId: string, storedPath: string, at: Date): Promise<void> {
    await sql.query('UPDATE recording_uploads SET stored_path = $2, completed_at = $3, updated_at = $3 WHERE upload_id = $1', [uploadId, storedPath, at.toISOString()]);
  },
};

export interface RecordingListQuery {
  dealershipId: number;
  /** Only these recordings: uploaded by this user or recorded by this agent (desk display name). */
  owner: { userId: number; agent: string } | null;
  agent?: string;
  from?: string;
  to?: string;
  before?: { startedAt: string; recordingUid: string };
  limit: number;
}

export async function listCompleted(sql: Sql, q: RecordingListQuery): Promise<UploadRow[]> {
  const where = ['dealership_id = $1', 'completed_at IS NOT NULL'];
  const params: unknown[] = [q.dealershipId];
  const add = (clause: (n: number) => string, ...values: unknown[]) => {
    where.push(clause(params.length + 1));
    params.push(...values);
  };
  if (q.owner) add((n) => `(user_id = $${n} OR agent = $${n + 1})`, q.owner.userId, q.owner.agent);
  if (q.agent) add((n) => `agent = $${n}`, q.agent);
  if (q.from) add((n) => `started_at >= $${n}`, q.from);
  if (q.to) add((n) => `started_at < $${n}`, q.to);
  if (q.before) add((n) => `(started_at, recording_uid) < ($${n}, $${n + 1})`, q.before.startedAt, q.before.recordingUid);
  params.push(q.limit);
  return sql.query<UploadRow>(`SELECT * FROM recording_uploads WHERE ${where.join(' AND ')} ORDER BY started_at DESC, recording_uid DESC LIMIT $${params.length}`, params);
}
