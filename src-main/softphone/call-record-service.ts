// Call records (call_log) and callbacks. A record is written as soon as the call ends and
// updated by the wrap-up (same uid), so a crash during wrap-up never loses the call itself.
// Talk time is derived here from answer/end, never trusted from the renderer.
import type Database from 'better-sqlite3';
import type { CallbackView, CallRecordInput, CallRecordView } from '../../src-shared/contract/softphone';

export function talkSeconds(answerAt: string | null, endAt: string | null): number | null {
  if (!answerAt || !endAt) return null;
  const ms = Date.parse(endAt) - Date.parse(answerAt);
  return Number.isFinite(ms) ? Math.max(0, Math.round(ms / 1000)) : null;
}

export function saveCallRecord(sqlite: Database.Database, record: CallRecordInput, agent: string): number {
  const customerExists = record.customerId === null || sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(record.customerId) !== undefined;
  const vehicleExists = record.vehicleId === null || sqlite.prepare('SELECT 1 FROM vehicles WHERE id = ?').get(record.vehicleId) !== undefined;
  const row = {
    uid: record.uid,
    direction: record.direction,
    localNumber: record.localNumber,
    remoteNumber: record.remoteNumber,
    remoteNormalized: record.remoteNormalized,
    customerId: customerExists ? record.customerId : null,
    vehicleId: vehicleExists ? record.vehicleId : null,
    agent,
    queue: record.queue,
    ivrChoice: record.ivrChoice,
    ringAt: record.ringAt,
    answerAt: record.answerAt,
    endAt: record.endAt,
    talkSeconds: talkSeconds(record.answerAt, record.endAt),
    disposition: record.disposition,
    notes: record.notes,
    inquiryCategory: record.inquiryCategory,
    outcome: record.outcome,
    transferredTo: record.transferredTo,
  };
  return sqlite
    .prepare(
      `INSERT INTO call_log (uid, direction, local_number, remote_number, remote_normalized, customer_id, vehicle_id, agent, queue, ivr_choice,
         ring_at, answer_at, end_at, talk_seconds, disposition, notes, inquiry_category, outcome, transferred_to)
       VALUES (@uid, @direction, @localNumber, @remoteNumber, @remoteNormalized, @customerId, @vehicleId, @agent, @queue, @ivrChoice,
         @ringAt, @answerAt, @endAt, @talkSeconds, @disposition, @notes, @inquiryCategory, @outcome, @transferredTo)
       ON CONFLICT(uid) DO UPDATE SET
         customer_id = excluded.customer_id, vehicle_id = excluded.vehicle_id, answer_at = excluded.answer_at, end_at = excluded.end_at,
         talk_seconds = excluded.talk_seconds, disposition = excluded.disposition, notes = excluded.notes,
         inquiry_category = excluded.inquiry_category, outcome = excluded.outcome, transferred_to = excluded.transferred_to
       RETURNING id`,
    )
    .pluck()
    .get(row) as number;
}

export interface CallFilter {
  direction?: 'inbound' | 'outbound';
  outcome?: CallRecordInput['outcome'];
  customerId?: number;
  number?: string;
  from?: string;
  to?: string;
  limit: number;
}

interface CallRow {
  id: number;
  uid: string;
  direction: 'inbound' | 'outbound';
  local_number: string | null;
  remote_number: string;
  remote_normalized: string | null;
  customer_id: number | null;
  customer_name: string | null;
  vehicle_id: number | null;
  agent: string | null;
  queue: string | null;
  ivr_choice: string | null;
  ring_at: string;
  answer_at: string | null;
  end_at: string | null;
  talk_seconds: number | null;
  disposition: string | null;
  notes: string | null;
  inquiry_category: CallRecordInput['inquiryCategory'];
  outcome: CallRecordInput['outcome'] | null;
  transferred_to: string | null;
}

export function listCallRecords(sqlite: Database.Database, filter: CallFilter): CallRecordView[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit };
  const add = (clause: string, key: string, value: unknown) => {
    if (value === undefined || value === '') return;
    where.push(clause);
    params[key] = value;
  };
  add('c.direction = @direction', 'direction', filter.direction);
  add('c.outcome = @outcome', 'outcome', filter.outcome);
  add('c.customer_id = @customerId', 'customerId', filter.customerId);
  add("instr(c.remote_number, @number) > 0 OR instr(ifnull(c.remote_normalized, ''), @number) > 0", 'number', filter.number);
  add('c.ring_at >= @from', 'from', filter.from);
  add('c.ring_at < @to', 'to', filter.to);
  const rows = sqlite
    .prepare(
      `SELECT c.*, cu.name AS customer_name FROM call_log c LEFT JOIN customers cu ON cu.id = c.customer_id
       ${where.length ? 'WHERE ' + where.map((w) => `(${w})`).join(' AND ') : ''}
       ORDER BY c.ring_at DESC, c.id DESC LIMIT @limit`,
    )
    .all(params) as CallRow[];
  return rows.map((r) => ({
    id: r.id,
    uid: r.uid,
    direction: r.direction,
    localNumber: r.local_number,
    remoteNumber: r.remote_number,
    remoteNormalized: r.remote_normalized,
    customerId: r.customer_id,
    customerName: r.customer_name,
    vehicleId: r.vehicle_id,
    agent: r.agent,
    queue: r.queue,
    ivrChoice: r.ivr_choice,
    ringAt: r.ring_at,
    answerAt: r.answer_at,
    endAt: r.end_at,
    talkSeconds: r.talk_seconds,
    disposition: r.disposition,
    notes: r.notes,
    inquiryCategory: r.inquiry_category,
    outcome: r.outcome ?? 'answered',
    transferredTo: r.transferred_to,
  }));
}

export function scheduleCallback(
  sqlite: Database.Database,
  cb: { callUid: string | null; customerId: number | null; phone: string; dueAt: string; note: string | null },
  agent: string,
  now: Date,
): number {
  return sqlite
    .prepare(
      `INSERT INTO callbacks (call_uid, customer_id, phone, due_at, note, agent, status, created_at)
       VALUES (?, (SELECT id FROM customers WHERE id = ?), ?, ?, ?, ?, 'open', ?) RETURNING id`,
    )
    .pluck()
    .get(cb.callUid, cb.customerId, cb.phone, cb.dueAt, cb.note, agent, now.toISOString()) as number;
}

/** `showPhone` masks a customer's number for roles that may not see it (the caller's own
 * number on an unknown call stays as the agent already saw it on the ringing panel). */
export function listCallbacks(
  sqlite: Database.Database,
  status: CallbackView['status'],
  limit: number,
  showPhone: (normalized: string) => string = (p) => p,
): CallbackView[] {
  const rows = sqlite
    .prepare(
      `SELECT cb.id, cb.call_uid, cb.customer_id, cu.name AS customer_name, cb.phone, cb.due_at, cb.note, cb.agent, cb.status, cb.created_at
       FROM callbacks cb LEFT JOIN customers cu ON cu.id = cb.customer_id WHERE cb.status = ? ORDER BY cb.due_at LIMIT ?`,
    )
    .all(status, limit) as { id: number; call_uid: string | null; customer_id: number | null; customer_name: string | null; phone: string; due_at: string; note: string | null; agent: string | null; status: CallbackView['status']; created_at: string }[];
  return rows.map((r) => ({
    id: r.id, callUid: r.call_uid, customerId: r.customer_id, customerName: r.customer_name, phone: r.customer_id !== null ? showPhone(r.phone) : r.phone,
    dueAt: r.due_at, note: r.note, agent: r.agent, status: r.status, createdAt: r.created_at,
  }));
}
