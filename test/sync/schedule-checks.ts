// The invariants a fault schedule (schedules.ts) must leave behind once it has quiesced:
//  - every desk holds what the server holds, record by record, for every synced entity;
//  - every outbox is empty, every mutation a desk queued is in applied_mutations exactly once;
//  - a mutation the server rejected (permission, state machine, a deleted parent) is a conflict
//    record of kind 'rejected' in every whole-dealership desk's inbox, the rejecting desk's
//    included, never silently dropped; the rejecting desk holds the server's version of that
//    record again (a rejected create is gone, a rejected edit or delete undone), like every other;
//  - every acknowledged field write is still the current value or was overwritten by a later
//    write, and every overwrite by a desk that had not seen the value is a conflict record;
//  - a rule run on several desks made one work item per source key;
//  - SQLite integrity_check is ok.
import { isRecordTable } from '../../src-main/sync/record-tables';
import { syncState } from '../../src-main/sync/sync-state';
import { entityFields, parentOf, syncEntities, type SyncEntity, type WireValue } from '../../src-shared/domain/sync/entities';
import { columnOf } from '../../src-server/store/records';
import type { Sql } from '../../src-server/store/sql';
import { dumpDesk, dumpServer, type Dump, type TestDesk } from './desk-harness';

export interface LoggedMutation {
  deskId: string;
  id: number;
  entity: string;
  uid: string;
  op: string;
  fields: Record<string, WireValue>;
  baseRev: number;
}

export interface ScheduleResult {
  mutations: number;
  /** Of which on capability records (KB, work items and their history). */
  capabilityMutations: number;
  conflicts: number;
  rejected: number;
}

/** The conflict record the server writes for a rejected mutation (push.ts conflict()). */
export const rejectedConflictUid = (deskId: string, mutationId: number) => `${deskId}.${mutationId}.rejected.-`.slice(0, 64);

function firstDifference(desk: Dump, server: Dump): string | null {
  for (const entity of syncEntities) {
    const uids = new Set([...Object.keys(desk[entity]), ...Object.keys(server[entity])]);
    for (const uid of [...uids].sort()) {
      const d = desk[entity][uid];
      const s = server[entity][uid];
      if (JSON.stringify(d) === JSON.stringify(s)) continue;
      if (!d || !s) return `${entity} ${uid} is ${d ? 'only on the desk' : 'missing on the desk'}: ${JSON.stringify(d ?? s)}`;
      const fields = entityFields[entity as SyncEntity] as readonly string[];
      const diff = fields.flatMap((f, i) => (JSON.stringify(d[i]) === JSON.stringify(s[i]) ? [] : [`${f}: desk ${JSON.stringify(d[i])}, server ${JSON.stringify(s[i])}`]));
      return `${entity} ${uid}: ${diff.join('; ')}`;
    }
  }
  return null;
}

export async function checkSchedule(sql: Sql, dealershipId: number, desks: TestDesk[], log: Map<string, LoggedMutation>): Promise<ScheduleResult> {
  const applied = await sql.query<{ desk_id: string; mutation_id: number; rev: number; outcome: string }>(
    'SELECT desk_id, mutation_id, rev, outcome FROM applied_mutations WHERE dealership_id = $1 ORDER BY rev, mutation_id',
    [dealershipId],
  );
  const conflicts = await sql.query<{ uid: string; record_uid: string; field: string; lost_value: string; kind: string }>(
    `SELECT uid, record_uid, field, lost_value, kind FROM conflicts WHERE dealership_id = $1`,
    [dealershipId],
  );
  const conflictByUid = new Map(conflicts.map((c) => [c.uid, c]));

  // Rejections: each one a 'rejected' conflict record.
  const rejected = applied.filter((a) => a.outcome === 'rejected');
  for (const a of rejected) {
    const m = log.get(`${a.desk_id}:${a.mutation_id}`);
    if (!m) throw new Error(`rejected mutation ${a.desk_id}:${a.mutation_id} was never queued`);
    const record = conflictByUid.get(rejectedConflictUid(a.desk_id, a.mutation_id));
    if (!record || record.kind !== 'rejected' || record.record_uid !== m.uid) throw new Error(`rejected mutation ${a.desk_id}:${a.mutation_id} (${m.entity} ${m.uid}) has no 'rejected' conflict record`);
  }

  const server = await dumpServer(sql, dealershipId);
  desks.forEach((desk, i) => {
    const deskId = syncState.deskId(desk.sqlite);
    const dump = dumpDesk(desk.sqlite);
    const difference = firstDifference(dump, server);
    if (difference) throw new Error(`desk ${i} differs from the server: ${difference}`);
    for (const a of rejected) {
      if (a.desk_id === deskId && !dump.conflicts[rejectedConflictUid(a.desk_id, a.mutation_id)]) throw new Error(`desk ${i} lacks the rejection of its mutation ${a.mutation_id}`);
    }
    const integrity = desk.sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`desk ${i} integrity_check: ${integrity}`);
    const pending = desk.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
    if (pending) throw new Error(`desk ${i} still has ${pending} outbox entries`);
  });

  const seen = new Set(applied.map((a) => `${a.desk_id}:${a.mutation_id}`));
  if (seen.size !== applied.length) throw new Error('a mutation was applied twice');
  for (const key of log.keys()) if (!seen.has(key)) throw new Error(`acknowledged mutation ${key} is not on the server`);
  if (applied.length !== log.size) throw new Error(`server applied ${applied.length} mutations, desks queued ${log.size}`);

  const twice = await sql.query<{ source_key: string }>(
    `SELECT source_key FROM work_items WHERE dealership_id = $1 AND source_key IS NOT NULL AND NOT deleted GROUP BY source_key HAVING count(*) > 1`,
    [dealershipId],
  );
  if (twice.length) throw new Error(`rule ${twice[0].source_key} made more than one work item`);

  const conflictKeys = new Set(conflicts.filter((c) => c.kind === 'overwritten').map((c) => `${c.record_uid}|${c.field}|${c.lost_value}`));
  // A customer number or an article slug another desk took meanwhile is renumbered by the server, visibly.
  const renumbered = new Set(conflicts.filter((c) => c.kind === 'renumbered').map((c) => `${c.record_uid}|${c.field}`));
  // Replay the server's order: who last wrote each field, and whether each overwrite was blind.
  const writers = new Map<string, { deskId: string; rev: number; value: WireValue }>();
  for (const a of applied) {
    if (!['created', 'updated', 'undeleted'].includes(a.outcome)) continue;
    const m = log.get(`${a.desk_id}:${a.mutation_id}`)!;
    for (const [field, value] of Object.entries(m.fields)) {
      if (renumbered.has(`${m.uid}|${field}`)) continue;
      const key = `${m.entity}|${m.uid}|${field}`;
      const previous = writers.get(key);
      if (previous && previous.value === value) continue;
      if (previous && previous.deskId !== m.deskId && m.baseRev < previous.rev && !conflictKeys.has(`${m.uid}|${field}|${JSON.stringify(previous.value)}`)) {
        throw new Error(`blind overwrite of ${key} (${JSON.stringify(previous.value)} → ${JSON.stringify(value)}) has no conflict record`);
      }
      writers.set(key, { deskId: m.deskId, rev: a.rev, value });
    }
  }
  const isDeleted = async (entity: SyncEntity, uid: WireValue) =>
    (await sql.query<{ deleted: boolean }>(`SELECT deleted FROM ${entity} WHERE dealership_id = $1 AND uid = $2`, [dealershipId, uid]))[0]?.deleted === true;
  for (const [key, writer] of writers) {
    const [entity, uid, field] = key.split('|');
    const [row] = await sql.query<Record<string, unknown>>(`SELECT * FROM ${entity} WHERE dealership_id = $1 AND uid = $2`, [dealershipId, uid]);
    if (!row || row.deleted) continue;
    const parent = parentOf(entity as SyncEntity, field);
    if (parent && row[columnOf(field)] === null && (await isDeleted(parent, writer.value))) continue; // cleared with its parent (push.ts followReferences)
    if ((row[columnOf(field)] ?? null) !== writer.value) throw new Error(`last write of ${key} (${JSON.stringify(writer.value)}) was lost: ${JSON.stringify(row[columnOf(field)])}`);
  }
  const capabilityMutations = [...log.values()].filter((m) => isRecordTable(m.entity as SyncEntity)).length;
  return { mutations: log.size, capabilityMutations, conflicts: conflicts.length, rejected: rejected.length };
}
