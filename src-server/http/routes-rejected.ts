// POST /sync/rejected (protocol: src-shared/domain/sync/rejected-records.ts): which of a desk's
// mutations the server rejected, with the current state of their records, so the desk can undo
// what the server refused (issue 6: every desk converges). Read-only, in one REPEATABLE READ
// snapshot like a pull; rows outside the caller's scope are answered as absent (`x`), never sent.
import type { FastifyInstance } from 'fastify';
import { entityFields, entityParents, syncEntities, type SyncEntity } from '../../src-shared/domain/sync/entities';
import { SYNC_SCHEMA_VERSION, schemaVersionHeader, type Change } from '../../src-shared/domain/sync/protocol';
import {
  RejectedRecordsRequestSchema, rejectedRecordsPath, type RejectedRecordsRequest, type RejectedRecordsResponse,
} from '../../src-shared/domain/sync/rejected-records';
import { columnOf, selectColumns, valuesOf, type StoredRow } from '../store/records';
import { parseScopeKey, scopeCondition, type Scope } from '../store/scope';
import type { Sql } from '../store/sql';
import { claimsOf, everyRole, type ServerContext } from './app';
import { parseOrRefuse, refuse } from './errors';

export async function rejectedRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post(rejectedRecordsPath, { config: { roles: everyRole } }, async (request) => {
    // Rows travel as tuples of one schema version: the same check as a pull's.
    const version = Number(request.headers[schemaVersionHeader] ?? NaN);
    if (!Number.isInteger(version) || version < ctx.minDeskSchema) refuse('desk-outdated', `this desk speaks sync schema ${version}; update the desk`, { minSchemaVersion: ctx.minDeskSchema });
    if (version > SYNC_SCHEMA_VERSION) refuse('server-outdated', `the server speaks sync schema ${SYNC_SCHEMA_VERSION}, the desk ${version}`);
    const claims = claimsOf(request);
    const body = parseOrRefuse(RejectedRecordsRequestSchema, request.body);
    return rejectedRecords(ctx.sql, claims.did, parseScopeKey(claims.scope), body);
  });
}

interface Reader {
  tx: Sql;
  dealershipId: number;
  scope: Scope;
}

export async function rejectedRecords(sql: Sql, dealershipId: number, scope: Scope, request: RejectedRecordsRequest): Promise<RejectedRecordsResponse> {
  return sql.transaction(
    async (tx) => {
      const reader: Reader = { tx, dealershipId, scope };
      const outcomes = await tx.query<{ mutation_id: number; entity: string; uid: string }>(
        `SELECT mutation_id, entity, uid FROM applied_mutations
         WHERE dealership_id = $1 AND desk_id = $2 AND mutation_id = ANY($3::bigint[]) AND outcome = 'rejected'`,
        [dealershipId, request.deskId, request.mutations.map((m) => m.id)],
      );
      const byId = new Map(outcomes.map((o) => [Number(o.mutation_id), o]));
      // Only what the server recorded for that mutation: a desk cannot name other records.
      const rejected = request.mutations.filter((m) => byId.get(m.id)?.entity === m.entity && byId.get(m.id)?.uid === m.uid);
      const found = new Map<string, Change>();
      const add = (change: Change) => found.set(`${change.e}|${change.u}`, change);
      for (const entity of syncEntities) {
        const wanted = rejected.filter((m) => m.entity === entity);
        if (wanted.length === 0) continue;
        const rows = new Map((await scopedRows(reader, entity, 't.uid = ANY($2::text[])', [wanted.map((m) => m.uid)])).map((row) => [row.uid, row]));
        for (const m of wanted) {
          const row = rows.get(m.uid);
          add(row ? toChange(entity, row) : { e: entity, u: m.uid, r: 0, x: true });
          if (m.withChildren && row && !row.deleted) for (const child of await descendants(reader, entity, row.uid)) add(child);
        }
      }
      for (const parent of await parentsOf(reader, [...found.values()])) if (!found.has(`${parent.e}|${parent.u}`)) add(parent);
      return { rejected: rejected.map((m) => m.id), records: [...found.values()] };
    },
    { repeatableRead: true, readOnly: true },
  );
}

function toChange(entity: SyncEntity, row: StoredRow): Change {
  return row.deleted ? { e: entity, u: row.uid, r: Number(row.rev), d: true } : { e: entity, u: row.uid, r: Number(row.rev), v: valuesOf(entity, row) };
}

/** Rows of `entity` matching `where` (parameters from $2 on) that the reader's scope holds. */
async function scopedRows(reader: Reader, entity: SyncEntity, where: string, params: unknown[]): Promise<StoredRow[]> {
  const advisorParam = `$${params.length + 2}`;
  const condition = scopeCondition(entity, reader.scope, advisorParam);
  if (!condition) return [];
  const advisor = reader.scope.kind === 'advisor' && condition.includes(advisorParam) ? [reader.scope.advisor] : [];
  return reader.tx.query<StoredRow>(
    `SELECT ${selectColumns(entity)} FROM ${entity} t WHERE t.dealership_id = $1 AND ${where} AND ${condition}`,
    [reader.dealershipId, ...params, ...advisor],
  );
}

/** Live rows referencing the record, and the rows referencing those, as far as they go. */
async function descendants(reader: Reader, entity: SyncEntity, uid: string): Promise<Change[]> {
  const out: Change[] = [];
  const seen = new Set([`${entity}|${uid}`]);
  let level: { entity: SyncEntity; uids: string[] }[] = [{ entity, uids: [uid] }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const parent of level) {
      for (const child of syncEntities) {
        for (const ref of entityParents[child].filter((p) => p.entity === parent.entity)) {
          const rows = await scopedRows(reader, child, `t.${columnOf(ref.field)} = ANY($2::text[]) AND NOT t.deleted`, [parent.uids]);
          const fresh = rows.filter((row) => !seen.has(`${child}|${row.uid}`));
          fresh.forEach((row) => seen.add(`${child}|${row.uid}`));
          out.push(...fresh.map((row) => toChange(child, row)));
          if (fresh.length > 0) next.push({ entity: child, uids: fresh.map((row) => row.uid) });
        }
      }
    }
    level = next;
  }
  return out;
}

/** Current rows of the parents the live rows reference, and theirs (a pull sends them the same way). */
async function parentsOf(reader: Reader, changes: Change[]): Promise<Change[]> {
  const out: Change[] = [];
  const seen = new Set(changes.map((c) => `${c.e}|${c.u}`));
  let level = changes;
  while (level.length > 0) {
    const wanted = new Map<SyncEntity, Set<string>>();
    for (const c of level) {
      if (!c.v) continue;
      for (const { field, entity } of entityParents[c.e]) {
        const uid = c.v[(entityFields[c.e] as readonly string[]).indexOf(field)];
        if (typeof uid !== 'string' || seen.has(`${entity}|${uid}`)) continue;
        seen.add(`${entity}|${uid}`);
        if (!wanted.has(entity)) wanted.set(entity, new Set());
        wanted.get(entity)!.add(uid);
      }
    }
    const next: Change[] = [];
    for (const [entity, uids] of wanted) {
      const rows = await reader.tx.query<StoredRow>(
        `SELECT ${selectColumns(entity)} FROM ${entity} WHERE dealership_id = $1 AND uid = ANY($2::text[]) AND NOT deleted`,
        [reader.dealershipId, [...uids]],
      );
      next.push(...rows.map((row) => toChange(entity, row)));
    }
    out.push(...next);
    level = next;
  }
  return out;
}
