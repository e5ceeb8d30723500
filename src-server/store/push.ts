// Applying a desk's push (protocol: src-shared/domain/sync/protocol.ts). One transaction per
// push or per group of pushes (group commit, push-queue.ts), holding the dealership row lock
// from the first statement: revs are handed out under it,
// so rev order is commit order and a pull cursor `rev > N` never skips a late commit.
// Idempotency: mutation ids ≤ desks.last_mutation_id are skipped (a retried or duplicated
// push), an id past last+1 is a gap and stops the batch; applied_mutations holds one row per
// id (primary key desk_id, mutation_id), so a mutation can never be applied twice.
// A group's records are read and written in batches (push-writes.ts): mutations are decided one
// by one as before, against the group's cached rows, and the buffered writes reach the database
// before any statement that could see them.
import { customerNameKeys } from '../../src-shared/domain/customer-keys';
import {
  cascadeChildren, entityParents, requiredOnCreate, syncEntities, type SyncEntity, type WireFields, type WireValue,
} from '../../src-shared/domain/sync/entities';
import { madeAlready, mergeFields, type FieldConflict } from '../../src-shared/domain/sync/merge';
import type { Mutation, PushRequest, PushResponse } from '../../src-shared/domain/sync/protocol';
import type { Role } from '../../src-shared/domain/roles';
import { GroupWrites, type CachedRow } from './push-writes';
import { columnOf, fieldsOf } from './records';
import type { Sql } from './sql';
import { mutationProblem, statusProblem } from './validate';

/**
 * Fields a desk keeps unique (a UNIQUE index in its table): two desks may pick the same value
 * offline, so the server renumbers the later one and sends it back (desk-rows.ts and
 * record-tables.ts hold the provisional value meanwhile).
 */
const uniqueFields: Partial<Record<SyncEntity, string>> = { customers: 'number', kb_articles: 'slug', sales_orders: 'number', sales_contracts: 'number' };

/** Records referencing `parent`: cascadeChildren first, then every other reference (cascaded if required, like the desk's NOT NULL foreign keys). */
function referencesTo(parent: SyncEntity): { entity: SyncEntity; field: string; cascade: boolean }[] {
  const listed = cascadeChildren[parent].map((c) => ({ ...c, cascade: true }));
  const others = syncEntities.flatMap((entity) =>
    entityParents[entity]
      .filter((p) => p.entity === parent && !listed.some((l) => l.entity === entity && l.field === p.field))
      .map((p) => ({ entity, field: p.field, cascade: (requiredOnCreate[entity] as readonly string[]).includes(p.field) })),
  );
  return [...listed, ...others];
}

export interface PushActor {
  dealershipId: number;
  userId: number;
  userName: string;
  role: Role;
}

export type PushOutcome = { ok: true; response: PushResponse } | { ok: false; code: 'gap' | 'forbidden'; lastMutationId: number; message: string };

export interface PushFaults {
  /** Throws inside the transaction after a push's mutations were applied: a server crash mid-batch. */
  beforeCommit?: (deskId: string) => void;
}

export interface PushJob {
  actor: PushActor;
  request: PushRequest;
  now: Date;
}

export async function applyPush(sql: Sql, actor: PushActor, request: PushRequest, now: Date, faults?: PushFaults): Promise<PushOutcome> {
  const [outcome] = await applyPushGroup(sql, [{ actor, request, now }], faults);
  return outcome;
}

/**
 * Group commit: several pushes of one dealership (any desks, a desk even twice) applied one
 * after the other in one transaction under one acquisition of the dealership lock, each with its
 * own outcome. Revs continue from one push to the next, so rev order is still commit order. If
 * anything throws the whole group rolls back and nothing was acknowledged; the push queue then
 * retries its pushes one by one (src-server/store/push-queue.ts).
 */
export async function applyPushGroup(sql: Sql, jobs: PushJob[], faults?: PushFaults): Promise<PushOutcome[]> {
  const dealershipId = jobs[0].actor.dealershipId;
  if (jobs.some((job) => job.actor.dealershipId !== dealershipId)) throw new Error('a push group holds one dealership');
  return sql.transaction(async (tx) => {
    const [dealership] = await tx.query<{ rev: number }>('SELECT rev FROM dealerships WHERE id = $1 FOR UPDATE', [dealershipId]);
    if (!dealership) throw new Error(`no dealership ${dealershipId}`);
    const desks = await upsertDesks(tx, jobs);
    const writes = new GroupWrites(tx, dealershipId, uniqueFields);
    await writes.prefetch(jobs.flatMap((job) => job.request.mutations));
    const startRev = dealership.rev;
    let rev = startRev;
    const outcomes: PushOutcome[] = [];
    for (const job of jobs) {
      const desk = desks.get(job.request.deskId)!;
      const result = await applyOne(writes, job, desk, rev);
      rev = result.rev;
      outcomes.push(result.outcome);
      faults?.beforeCommit?.(job.request.deskId);
    }
    const moved = [...desks].filter(([, desk]) => desk.last !== desk.stored);
    await writes.flush((param) => [
      ...(moved.length === 0 ? [] : [
        `UPDATE desks SET last_mutation_id = v.last FROM unnest(${param(moved.map(([id]) => id))}::text[], ${param(moved.map(([, desk]) => desk.last))}::bigint[]) AS v(id, last)
         WHERE desks.id = v.id`,
      ]),
      ...(rev === startRev ? [] : [`UPDATE dealerships SET rev = ${param(rev)}::bigint WHERE id = ${param(dealershipId)}::int`]),
    ]);
    return outcomes;
  }, { lane: 'push' });
}

interface DeskCursor {
  dealershipId: number;
  /** last_mutation_id as stored before this group, and as this group leaves it. */
  stored: number;
  last: number;
}

/** One statement registers (or touches) every desk of the group and reads its last mutation id. */
async function upsertDesks(tx: Sql, jobs: PushJob[]): Promise<Map<string, DeskCursor>> {
  const latest = new Map<string, PushJob>();
  for (const job of jobs) latest.set(job.request.deskId, job);
  const ids = [...latest.keys()].sort();
  const rows = await tx.query<{ id: string; last_mutation_id: number; dealership_id: number }>(
    `INSERT INTO desks (id, dealership_id, schema_version, last_user_id, last_seen_at)
     SELECT v.id, $1, v.schema_version, v.user_id, now() FROM unnest($2::text[], $3::int[], $4::int[]) AS v(id, schema_version, user_id)
     ON CONFLICT (id) DO UPDATE SET last_seen_at = now(), schema_version = excluded.schema_version, last_user_id = excluded.last_user_id
     RETURNING id, last_mutation_id, dealership_id`,
    [jobs[0].actor.dealershipId, ids, ids.map((id) => latest.get(id)!.request.schemaVersion), ids.map((id) => latest.get(id)!.actor.userId)],
  );
  return new Map(rows.map((row) => [row.id, { dealershipId: row.dealership_id, stored: row.last_mutation_id, last: row.last_mutation_id }]));
}

/** One push inside a group's transaction; `rev` is the last rev handed out so far. */
async function applyOne(writes: GroupWrites, { actor, request, now }: PushJob, desk: DeskCursor, rev: number): Promise<{ outcome: PushOutcome; rev: number }> {
  if (desk.dealershipId !== actor.dealershipId) {
    return { rev, outcome: { ok: false, code: 'forbidden', lastMutationId: 0, message: 'desk belongs to another dealership' } };
  }
  const state = new PushState(writes, actor, request.deskId, rev, now);
  let last = desk.last;
  let skipped = 0;
  const mutations = [...request.mutations].sort((a, b) => a.id - b.id);
  for (const mutation of mutations) {
    if (mutation.id <= last) {
      skipped++;
      continue;
    }
    if (mutation.id !== last + 1) {
      if (state.applied === 0 && state.rejected.length === 0) {
        return { rev, outcome: { ok: false, code: 'gap', lastMutationId: last, message: `expected mutation ${last + 1}, got ${mutation.id}` } };
      }
      break;
    }
    await state.apply(mutation);
    last = mutation.id;
  }
  desk.last = last;
  return {
    rev: state.rev,
    outcome: { ok: true, response: { lastMutationId: last, serverRev: state.rev, applied: state.applied, skipped, rejected: state.rejected, conflicts: state.conflicts } },
  };
}

class PushState {
  applied = 0;
  conflicts = 0;
  rejected: { mutationId: number; reason: string }[] = [];

  constructor(
    private readonly writes: GroupWrites,
    private readonly actor: PushActor,
    private readonly deskId: string,
    public rev: number,
    private readonly now: Date,
  ) {}

  async apply(m: Mutation): Promise<void> {
    const current = await this.writes.load(m.entity, m.uid);
    const problem = mutationProblem(m, this.actor.role, !current) ?? (m.op === 'delete' ? null : this.statusProblem(m, current));
    if (problem) return this.reject(m, problem);
    let rowRev = this.rev;
    let outcome = 'noop';
    if (current && !current.deleted && madeAlready(m, current.source_key as WireValue | undefined)) {
      outcome = 'exists';
    } else if (m.op === 'delete') {
      if (current && !current.deleted) {
        rowRev = await this.tombstone(m.entity, m.uid);
        outcome = 'deleted';
      }
    } else if (!current) {
      const parentProblem = await this.parentProblem(m.entity, m.fields);
      if (parentProblem) return this.reject(m, parentProblem);
      rowRev = await this.insert(m, m.fields);
      outcome = 'created';
    } else if (current.deleted && m.op === 'undelete') {
      const parentProblem = await this.parentProblem(m.entity, m.fields);
      if (parentProblem) return this.reject(m, parentProblem);
      rowRev = await this.update(m, current, m.fields, true);
      outcome = 'undeleted';
    } else if (current.deleted) {
      // Edit versus delete: the delete wins, the edit is kept so a supervisor can restore it.
      await this.conflict(m, { kind: 'deleted', field: null, lostValue: JSON.stringify(m.fields), wonValue: null, lostRev: current.rev });
      outcome = 'conflict-deleted';
    } else {
      const merge = mergeFields(
        { values: fieldsOf(m.entity, current), fieldRevs: (current.field_revs ?? {}) as Record<string, number>, deleted: false },
        m.fields,
        m.baseRev,
        () => false,
      );
      merge.conflicts = await this.withoutOwnWrites(merge.conflicts);
      if (Object.keys(merge.apply).length > 0) {
        if (entityParents[m.entity].some((p) => p.field in merge.apply)) {
          const parentProblem = await this.parentProblem(m.entity, merge.apply);
          if (parentProblem) return this.reject(m, parentProblem);
        }
        rowRev = await this.update(m, current, merge.apply, false);
        outcome = 'updated';
      }
      for (const c of merge.conflicts) await this.fieldConflict(m, c, rowRev);
    }
    await this.record(m, rowRev, outcome);
    this.applied++;
  }

  private statusProblem(m: Mutation, current: CachedRow | null): string | null {
    const live = current && !current.deleted ? fieldsOf(m.entity, current) : null;
    return statusProblem(m.entity, this.actor.role, live ? { kind: live.kind, status: live.status } : null, m.fields);
  }

  /**
   * A history entry written again, or a rule-made work item that another desk's run of the
   * same rule already created (same uid from the same source key): nothing to do, no conflict.
   */
  /** Revs written by this push (all this desk's). */
  private readonly ownRevs = new Set<number>();

  /** A desk's second edit of a field it already changed is sequential, not a conflict. */
  private async withoutOwnWrites(conflicts: FieldConflict[]): Promise<FieldConflict[]> {
    conflicts = conflicts.filter((c) => !this.ownRevs.has(c.lostRev));
    if (conflicts.length === 0) return conflicts;
    const revs = [...new Set(conflicts.map((c) => c.lostRev))];
    const rows = await this.writes.direct<{ rev: number; desk_id: string }>(
      'SELECT rev, desk_id FROM applied_mutations WHERE dealership_id = $1 AND rev = ANY($2::bigint[])',
      [this.actor.dealershipId, revs],
    );
    const own = new Set(rows.filter((r) => r.desk_id === this.deskId).map((r) => Number(r.rev)));
    return conflicts.filter((c) => !own.has(c.lostRev));
  }

  private async parentProblem(entity: SyncEntity, fields: WireFields): Promise<string | null> {
    for (const { field, entity: parent } of entityParents[entity]) {
      const uid = fields[field];
      if (uid === undefined || uid === null) continue;
      if (typeof uid !== 'string') return `${field} must reference a ${parent} uid`;
      const row = await this.writes.load(parent, uid);
      if (!row) return `unknown ${field} ${uid}`;
      if (row.deleted) return `${field} ${uid} was deleted`;
    }
    return null;
  }

  private derived(entity: SyncEntity, fields: WireFields): WireFields {
    if (entity === 'customers' && typeof fields.name === 'string') {
      const keys = customerNameKeys(fields.name);
      return { pinyin: keys.pinyin, pinyinInitials: keys.pinyinInitials };
    }
    return {};
  }

  private async uniqueNumber(m: Mutation, fields: WireFields): Promise<WireFields> {
    const field = uniqueFields[m.entity];
    if (!field || typeof fields[field] !== 'string') return fields;
    const wanted = fields[field];
    if (this.writes.knownFree(m.entity, wanted, m.uid)) return fields;
    const taken = async (n: string) =>
      (await this.writes.direct(`SELECT 1 FROM ${m.entity} WHERE dealership_id = $1 AND ${columnOf(field)} = $2 AND NOT deleted AND uid <> $3`, [this.actor.dealershipId, n, m.uid])).length > 0;
    if (!(await taken(wanted))) return fields;
    let k = 2;
    while (await taken(`${wanted}-${k}`)) k++;
    const renumbered = `${wanted}-${k}`;
    // Two desks numbered a new customer (or named a new article) alike while offline: the later one is renumbered, visibly.
    await this.conflict(m, { kind: 'renumbered', field, lostValue: JSON.stringify(wanted), wonValue: JSON.stringify(renumbered), lostRev: 0 });
    return { ...fields, [field]: renumbered };
  }

  private async insert(m: Mutation, given: WireFields): Promise<number> {
    const fields = await this.uniqueNumber(m, given);
    const rev = ++this.rev;
    const fieldRevs = Object.fromEntries(Object.keys(fields).map((f) => [f, rev]));
    this.writes.insert(m.entity, m.uid, rev, { ...fields, ...this.derived(m.entity, fields) }, fieldRevs);
    return rev;
  }

  private async update(m: Mutation, current: CachedRow, given: WireFields, undelete: boolean): Promise<number> {
    const field = uniqueFields[m.entity];
    const fields = field && field in given ? await this.uniqueNumber(m, given) : given;
    const rev = ++this.rev;
    const fieldRevs = Object.fromEntries(Object.keys(fields).map((f) => [f, rev]));
    this.writes.update(m.entity, current, rev, { ...fields, ...this.derived(m.entity, fields) }, fieldRevs);
    if (m.entity === 'customers') {
      const before = (current.advisor as string | null) ?? null;
      const after = 'advisor' in fields ? (fields.advisor as string | null) : before;
      if (undelete || before !== after) await this.scopeMove(m.uid, rev, undelete ? null : before, after);
    }
    return rev;
  }

  private async scopeMove(customerUid: string, rev: number, from: string | null, to: string | null): Promise<void> {
    await this.writes.direct('INSERT INTO scope_moves (dealership_id, rev, customer_uid, from_advisor, to_advisor) VALUES ($1, $2, $3, $4, $5)', [
      this.actor.dealershipId, rev, customerUid, from, to,
    ]);
  }

  /** Tombstones the record and, with one rev each, the records hanging off it. */
  private async tombstone(entity: SyncEntity, uid: string): Promise<number> {
    const rev = ++this.rev;
    await this.writes.direct(`UPDATE ${entity} SET deleted = true, rev = $3 WHERE dealership_id = $1 AND uid = $2`, [this.actor.dealershipId, uid, rev]);
    this.writes.tombstoned(entity, uid, rev);
    await this.followReferences(entity, [uid]);
    return rev;
  }

  /**
   * What the desks' foreign keys do when these records go, the server does too (one rev per
   * row): records that need them are tombstoned (ON DELETE CASCADE), optional references to
   * them — a work item's customer, a call's vehicle — are cleared (ON DELETE SET NULL). Else
   * the server would keep a reference every desk has emptied (fault schedules: a work item of
   * a deleted customer).
   */
  private async followReferences(entity: SyncEntity, uids: string[]): Promise<void> {
    for (const ref of referencesTo(entity)) {
      const column = columnOf(ref.field);
      const change = ref.cascade ? 'deleted = true' : `${column} = NULL, field_revs = t.field_revs || jsonb_build_object('${ref.field}', $3 + s.n)`;
      const rows = await this.writes.direct<{ uid: string }>(
        `UPDATE ${ref.entity} t SET ${change}, rev = $3 + s.n
         FROM (SELECT uid, row_number() OVER (ORDER BY uid) AS n FROM ${ref.entity}
               WHERE dealership_id = $1 AND ${column} = ANY($2::text[]) AND NOT deleted) s
         WHERE t.dealership_id = $1 AND t.uid = s.uid RETURNING t.uid`,
        [this.actor.dealershipId, uids, this.rev],
      );
      this.rev += rows.length;
      if (rows.length > 0) this.writes.forget(ref.entity);
      if (ref.cascade && rows.length > 0) await this.followReferences(ref.entity, rows.map((r) => r.uid));
    }
  }

  private async fieldConflict(m: Mutation, c: FieldConflict, wonRev: number): Promise<void> {
    await this.conflict(m, { kind: 'overwritten', field: c.field, lostValue: JSON.stringify(c.lostValue), wonValue: JSON.stringify(c.wonValue), lostRev: c.lostRev, wonRev });
  }

  private async conflict(
    m: Mutation,
    c: { kind: string; field: string | null; lostValue: string | null; wonValue: string | null; lostRev: number; wonRev?: number; reason?: string },
  ): Promise<void> {
    const rev = ++this.rev;
    // The uid is a function of the mutation, so a conflict can never be recorded twice.
    const uid = `${this.deskId}.${m.id}.${c.kind}.${c.field ?? '-'}`.slice(0, 64);
    let lostDesk: string | null = this.deskId;
    let lostUser: string | null = this.actor.userName;
    if (c.kind === 'overwritten' && !this.ownRevs.has(c.lostRev)) {
      const [writer] = await this.writes.direct<{ desk_id: string; user_name: string | null }>(
        `SELECT a.desk_id, u.display_name AS user_name FROM applied_mutations a LEFT JOIN users u ON u.id = a.user_id WHERE a.dealership_id = $1 AND a.rev = $2 LIMIT 1`,
        [this.actor.dealershipId, c.lostRev],
      );
      lostDesk = writer?.desk_id ?? null;
      lostUser = writer?.user_name ?? null;
    }
    const values: WireFields = {
      kind: c.kind, entity: m.entity, recordUid: m.uid, field: c.field, lostValue: c.lostValue, wonValue: c.wonValue, lostRev: c.lostRev,
      wonRev: c.wonRev ?? rev, lostDesk, lostUser, detectedAt: this.now.toISOString(), resolved: false, resolvedBy: null, reason: c.reason ?? null,
    };
    const names = Object.keys(values);
    const fieldRevs = Object.fromEntries(names.map((f) => [f, rev]));
    await this.writes.direct(
      `INSERT INTO conflicts (dealership_id, uid, rev, deleted, field_revs${names.map((f) => `, ${columnOf(f)}`).join('')})
       VALUES ($1, $2, $3, false, $4::jsonb${names.map((_, i) => `, $${i + 5}`).join('')}) ON CONFLICT DO NOTHING`,
      [this.actor.dealershipId, uid, rev, JSON.stringify(fieldRevs), ...names.map((f) => values[f] as WireValue)],
    );
    this.writes.forget('conflicts', uid);
    this.conflicts++;
  }

  private async reject(m: Mutation, reason: string): Promise<void> {
    await this.conflict(m, { kind: 'rejected', field: null, lostValue: JSON.stringify({ op: m.op, fields: m.fields }), wonValue: null, lostRev: 0, reason });
    await this.record(m, this.rev, 'rejected');
    this.rejected.push({ mutationId: m.id, reason });
  }

  private async record(m: Mutation, rev: number, outcome: string): Promise<void> {
    this.ownRevs.add(rev);
    this.writes.record({ deskId: this.deskId, mutationId: m.id, rev, entity: m.entity, uid: m.uid, outcome, userId: this.actor.userId });
  }
}
