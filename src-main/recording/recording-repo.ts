// SQLite access for recordings and their pause spans. Reads join the call record (by call uid)
// for the disposition and for the customer/vehicle chosen in the wrap-up after the recording.
import type Database from 'better-sqlite3';
import type { RecordingFilter, RecordingView } from '../../src-shared/contract/recording';
import type { PauseSpan } from '../../src-shared/domain/recording/policy';

export type RecordingStatus = RecordingView['status'];

export interface RecordingRow {
  id: number;
  uid: string;
  call_uid: string | null;
  agent: string;
  direction: 'inbound' | 'outbound';
  remote_number: string;
  customer_id: number | null;
  vehicle_id: number | null;
  queue: string | null;
  started_at: string;
  ended_at: string | null;
  duration_ms: number | null;
  bytes: number;
  channels: number;
  mime_type: string;
  path: string;
  status: RecordingStatus;
  remuxed: number;
  sha256: string | null;
  upload_id: string | null;
  uploaded_at: string | null;
  upload_error: string | null;
  upload_failures: number;
  local_deleted_at: string | null;
}

export interface NewRecording {
  uid: string;
  callUid: string;
  agent: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  customerId: number | null;
  vehicleId: number | null;
  queue: string | null;
  startedAt: string;
  mimeType: string;
  channels: number;
  path: string;
}

export function insertRecording(sqlite: Database.Database, r: NewRecording): number {
  return sqlite
    .prepare(
      `INSERT INTO recordings (uid, call_uid, agent, direction, remote_number, customer_id, vehicle_id, queue, started_at, mime_type, channels, path, status)
       VALUES (@uid, @callUid, @agent, @direction, @remoteNumber,
         (SELECT id FROM customers WHERE id = @customerId), (SELECT id FROM vehicles WHERE id = @vehicleId),
         @queue, @startedAt, @mimeType, @channels, @path, 'recording') RETURNING id`,
    )
    .pluck()
    .get(r) as number;
}

export function getRecording(sqlite: Database.Database, id: number): RecordingRow | undefined {
  return sqlite.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as RecordingRow | undefined;
}

export function updateRecording(sqlite: Database.Database, id: number, patch: Partial<Omit<RecordingRow, 'id' | 'uid'>>): void {
  const keys = Object.keys(patch);
  if (keys.length === 0) return;
  const values = Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v]));
  sqlite.prepare(`UPDATE recordings SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...values, id });
}

export function pausesOf(sqlite: Database.Database, id: number): PauseSpan[] {
  return (sqlite.prepare('SELECT start_ms AS startMs, end_ms AS endMs FROM recording_pauses WHERE recording_id = ? ORDER BY start_ms, id').all(id) as PauseSpan[]);
}

export function replacePauses(sqlite: Database.Database, id: number, spans: readonly PauseSpan[]): void {
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM recording_pauses WHERE recording_id = ?').run(id);
    const insert = sqlite.prepare('INSERT INTO recording_pauses (recording_id, start_ms, end_ms) VALUES (?, ?, ?)');
    for (const s of spans) insert.run(id, s.startMs, s.endMs);
  })();
}

/** Takes the customer and vehicle from the call record when the recording has none yet. */
export function linkFromCallRecord(sqlite: Database.Database, id: number): void {
  sqlite
    .prepare(
      `UPDATE recordings SET
         customer_id = ifnull(customer_id, (SELECT customer_id FROM call_log WHERE uid = recordings.call_uid)),
         vehicle_id = ifnull(vehicle_id, (SELECT vehicle_id FROM call_log WHERE uid = recordings.call_uid))
       WHERE id = ?`,
    )
    .run(id);
}

interface ListRow extends RecordingRow {
  customer_name: string | null;
  plate: string | null;
  disposition: string | null;
  linked_customer_id: number | null;
  linked_vehicle_id: number | null;
}

const selectView = `
  SELECT r.*, ifnull(r.customer_id, c.customer_id) AS linked_customer_id, ifnull(r.vehicle_id, c.vehicle_id) AS linked_vehicle_id,
         cu.name AS customer_name, v.plate AS plate, c.disposition AS disposition
  FROM recordings r
  LEFT JOIN call_log c ON c.uid = r.call_uid
  LEFT JOIN customers cu ON cu.id = ifnull(r.customer_id, c.customer_id)
  LEFT JOIN vehicles v ON v.id = ifnull(r.vehicle_id, c.vehicle_id)`;

export interface ListScope {
  /** null = everyone's recordings (supervisor). */
  agent: string | null;
}

export function listRecordings(sqlite: Database.Database, filter: RecordingFilter, scope: ListScope): RecordingView[] {
  const where: string[] = ["r.status != 'discarded'"];
  const params: Record<string, unknown> = { limit: filter.limit };
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(clause);
    params[key] = value;
  };
  add('r.agent = @scopeAgent', 'scopeAgent', scope.agent ?? undefined);
  add('r.agent = @agent', 'agent', filter.agent);
  const digits = filter.customer?.replace(/[\s-]/g, '');
  if (filter.customer) {
    where.push(/^[\d+]+$/.test(digits ?? '') ? 'instr(r.remote_number, @customerDigits) > 0' : 'instr(cu.name, @customer) > 0');
    if (/^[\d+]+$/.test(digits ?? '')) params.customerDigits = digits;
    else params.customer = filter.customer;
  }
  add('r.started_at >= @from', 'from', filter.from);
  add('r.started_at < @to', 'to', filter.to);
  add('r.direction = @direction', 'direction', filter.direction);
  add('c.disposition = @disposition', 'disposition', filter.disposition);
  add('r.duration_ms >= @minMs', 'minMs', filter.minSeconds === undefined ? undefined : filter.minSeconds * 1000);
  add('r.duration_ms <= @maxMs', 'maxMs', filter.maxSeconds === undefined ? undefined : filter.maxSeconds * 1000);
  add('r.status = @status', 'status', filter.status);
  const rows = sqlite.prepare(`${selectView} WHERE ${where.map((w) => `(${w})`).join(' AND ')} ORDER BY r.started_at DESC, r.id DESC LIMIT @limit`).all(params) as ListRow[];
  return rows.map((row) => toView(sqlite, row));
}

export function recordingView(sqlite: Database.Database, id: number): RecordingView | null {
  const row = sqlite.prepare(`${selectView} WHERE r.id = ?`).get(id) as ListRow | undefined;
  return row ? toView(sqlite, row) : null;
}

export function recordingAgents(sqlite: Database.Database, scope: ListScope): string[] {
  return scope.agent ? [scope.agent] : (sqlite.prepare("SELECT DISTINCT agent FROM recordings WHERE status != 'discarded' ORDER BY agent").pluck().all() as string[]);
}

function toView(sqlite: Database.Database, r: ListRow): RecordingView {
  return {
    id: r.id,
    uid: r.uid,
    callUid: r.call_uid,
    agent: r.agent,
    direction: r.direction,
    remoteNumber: r.remote_number,
    customerId: r.linked_customer_id,
    customerName: r.customer_name,
    vehicleId: r.linked_vehicle_id,
    plate: r.plate,
    queue: r.queue,
    disposition: r.disposition,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    durationMs: r.duration_ms,
    bytes: r.bytes,
    channels: r.channels,
    mimeType: r.mime_type,
    status: r.status,
    remuxed: r.remuxed === 1,
    pauses: pausesOf(sqlite, r.id),
    uploaded: r.uploaded_at !== null,
    localAvailable: r.local_deleted_at === null && r.status !== 'discarded',
  };
}
