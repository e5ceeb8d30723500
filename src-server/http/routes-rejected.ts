// POST /sync/rejected (protocol: src-shared/domain/sync/rejected-records.ts): which of a desk's
// mutations the server rejected, with the current state of their records, so the desk can undo
// what the server refused (issue 6: every desk converges). Read-only, in one REPEATABLE READ
// snapshot like a pull; rows outside the caller's scope are answered as absent (`x`), never sent.
import type { FastifyInstance } from 'fastify';
import { entityParents, syncEntities, type SyncEntity } from '../../src-shared/domain/sync/entities';
import type { Change } from '../../src-shared/domain/sync/protocol';
import {
  RejectedRecordsRequestSchema, rejectedRecordsPath, type RejectedRecordsRequest, type RejectedRecordsResponse,
} from '../../src-shared/domain/sync/rejected-records';
import { referencedParents } from '../store/pull';
import { changeOf, columnOf, selectColumns, type StoredRow } from '../store/records';
import { parseScopeKey, scopeCondition, type Scope } from '../store/scope';
import type { Sql } from '../store/sql';
import { claimsOf, everyRole, type ServerContext } from './app';
import { parseOrRefuse } from './errors';
import { checkSchema, headerVersion } from './routes-sync';

export async function rejectedRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post(rejectedRecordsPath, { config: { roles: everyRole } }, async (request) => {
    // Rows travel as tuples of one schema version: the same check as a pull's.
    checkSchema(ctx, headerVersion(request));
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
          add(row ? changeOf(entity, row) : { e: entity, u: m.uid, r: 0, x: true });
          if (m.withChildren && row && !row.deleted) for (const child of await descendants(reader, entity, row.uid)) add(child);
        }
      }
      // The parents the live rows reference, and theirs, as a pull sends them.
      for (const parent of await referencedParents(tx, dealershipId, [...found.values()])) if (!found.has(`${parent.e}|${parent.u}`)) add(parent);
      return { rejected: rejected.map((m) => m.id), records: [...found.values()] };
    },
    { repeatableRead: true, readOnly: true },
  );
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
          out.push(...fresh.map((row) => changeOf(child, row)));
          if (fresh.length > 0) next.push({ entity: child, uids: fresh.map((row) => row.uid) });
        }
      }
    }
    level = next;
  }
  return out;
}
