// Pull and snapshot (protocol: src-shared/domain/sync/protocol.ts). Both read inside one
// REPEATABLE READ transaction, so every table is read at the same snapshot: pushes commit in
// rev order under the dealership lock, hence a snapshot holds a prefix of the revs and a page
// ending at rev N leaves nothing ≤ N for later. A page never ends between two items of equal
// rev (a customer change and its scope move share one).
import { entityFields, entityParents, syncEntities, type SyncEntity } from '../../src-shared/domain/sync/entities';
import type { Change, PullResponse, SnapshotPage } from '../../src-shared/domain/sync/protocol';
import { changeOf, columnOf, selectColumns, type StoredRow } from './records';
import { customerPath, scopeCondition, scopeKey, type Scope } from './scope';
import { encodedSnapshotPage } from './snapshot-page';
import type { Sql } from './sql';

export interface Reader {
  dealershipId: number;
  deskId: string;
  scope: Scope;
}

interface Item {
  key: number;
  change: Change;
  /** Current rows the desk must hold before this item (a customer moving into the scope). */
  context?: Change[];
}

export async function pullChanges(sql: Sql, reader: Reader, after: number, limit: number): Promise<PullResponse & { scope: string }> {
  return sql.transaction(
    async (tx) => {
      const advisor = reader.scope.kind === 'advisor' ? reader.scope.advisor : null;
      const { serverRev, rows } = await changedRows(tx, reader, after, limit + 1);
      const items: Item[] = [];
      for (const [entity, entityRows] of rows) for (const row of entityRows) items.push({ key: row.rev, change: changeOf(entity, row) });
      if (advisor !== null) items.push(...(await scopeMoves(tx, reader, advisor, after, limit)));
      items.sort((a, b) => a.key - b.key);
      let page = items;
      let upToDate = true;
      if (items.length > limit) {
        upToDate = false;
        let end = limit;
        while (end < items.length && items[end].key === items[end - 1].key) end++;
        page = items.slice(0, end);
      }
      const nextRev = upToDate ? Math.max(after, serverRev) : page[page.length - 1].key;
      const context = page.flatMap((item) => item.context ?? []);
      const parents = [...context, ...(await referencedParents(tx, reader.dealershipId, page.map((i) => i.change)))];
      const acked = await lastAcknowledged(tx, [reader.deskId], nextRev);
      return {
        changes: page.map((i) => i.change),
        parents,
        nextRev,
        upToDate,
        lastMutationId: acked.get(reader.deskId) ?? 0,
        serverRev,
        scope: scopeKey(reader.scope),
      };
    },
    { repeatableRead: true, readOnly: true },
  );
}

/**
 * The first `limit` rows past `after` of every entity in the reader's scope, and the
 * dealership's rev, in one statement: each entity's rows come back as one JSON array (its
 * columns are text, bigint, double precision and boolean, which JSON carries unchanged), so a
 * pull costs one round trip however many entities sync.
 */
async function changedRows(tx: Sql, reader: Reader, after: number, limit: number): Promise<{ serverRev: number; rows: [SyncEntity, StoredRow[]][] }> {
  const params: unknown[] = [reader.dealershipId, after, limit];
  const entities: SyncEntity[] = [];
  const selects: string[] = [];
  for (const entity of syncEntities) {
    const condition = scopeCondition(entity, reader.scope, '$4::text');
    if (!condition) continue;
    if (condition.includes('$4') && params.length === 3) params.push((reader.scope as { advisor: string }).advisor);
    selects.push(
      `(SELECT coalesce(json_agg(x ORDER BY x.rev), '[]') FROM (SELECT ${selectColumns(entity)} FROM ${entity} t
        WHERE t.dealership_id = $1 AND t.rev > $2 AND ${condition} ORDER BY t.rev LIMIT $3) x) AS e${entities.length}`,
    );
    entities.push(entity);
  }
  const [row] = await tx.query<Record<string, unknown>>(`SELECT (SELECT rev FROM dealerships WHERE id = $1) AS server_rev, ${selects.join(', ')}`, params);
  return { serverRev: Number(row.server_rev), rows: entities.map((entity, i) => [entity, row[`e${i}`] as StoredRow[]]) };
}

/**
 * What a pull acknowledges to each desk: its highest mutation id applied at a rev ≤ nextRev,
 * 0 if none. Every such row committed before a snapshot holding nextRev was taken (revs are
 * handed out in commit order) and none is added later, so the answer is the same inside the
 * pull's snapshot or after it (shared pulls, http/pull-share.ts, ask once for all who joined).
 */
export async function lastAcknowledged(sql: Sql, deskIds: string[], nextRev: number): Promise<Map<string, number>> {
  if (deskIds.length === 0) return new Map();
  const rows = await sql.query<{ desk_id: string; mutation_id: number }>(
    `SELECT d.id AS desk_id, a.mutation_id FROM unnest($1::text[]) AS d(id)
     CROSS JOIN LATERAL (SELECT mutation_id FROM applied_mutations WHERE desk_id = d.id AND rev <= $2 ORDER BY mutation_id DESC LIMIT 1) a`,
    [deskIds, nextRev],
  );
  return new Map(rows.map((row) => [row.desk_id, row.mutation_id]));
}

/** Move-out: remove the customer (and what hangs off it) locally. Move-in: its current rows and theirs. */
async function scopeMoves(tx: Sql, reader: Reader, advisor: string, after: number, limit: number): Promise<Item[]> {
  const moves = await tx.query<{ rev: number; customer_uid: string; from_advisor: string | null; to_advisor: string | null }>(
    `SELECT rev, customer_uid, from_advisor, to_advisor FROM scope_moves
     WHERE dealership_id = $1 AND rev > $2 AND (from_advisor = $3 OR to_advisor = $3) AND from_advisor IS DISTINCT FROM to_advisor
     ORDER BY rev LIMIT $4`,
    [reader.dealershipId, after, advisor, limit + 1],
  );
  const items: Item[] = [];
  for (const move of moves) {
    if (move.to_advisor !== advisor) {
      items.push({ key: move.rev, change: { e: 'customers', u: move.customer_uid, r: move.rev, x: true } });
      continue;
    }
    const context: Change[] = [];
    const sent = new Map<SyncEntity, string[]>();
    for (const entity of syncEntities) {
      const path = customerPath[entity];
      if (path === 'none') continue;
      let rows: StoredRow[];
      if (path === 'everyone') {
        // Everyone's rows that hang off a row sent here (a policy's items and renewal, an order's
        // contract): the desk dropped them while it did not hold their parent. Parents come
        // first in syncEntities, so they are in `sent` already.
        const links = entityParents[entity].filter((p) => sent.get(p.entity)?.length);
        if (links.length === 0) continue;
        rows = await tx.query<StoredRow>(
          `SELECT ${selectColumns(entity)} FROM ${entity} WHERE dealership_id = $1 AND NOT deleted
             AND (${links.map((p, i) => `${columnOf(p.field)} = ANY($${i + 2}::text[])`).join(' OR ')}) ORDER BY uid`,
          [reader.dealershipId, ...links.map((p) => sent.get(p.entity))],
        );
      } else {
        const by =
          path === 'self' ? 'uid = $2'
          : path === 'customer' ? 'customer_uid = $2'
          : 'work_item_uid IN (SELECT uid FROM work_items WHERE dealership_id = $1 AND customer_uid = $2 AND NOT deleted)';
        rows = await tx.query<StoredRow>(
          `SELECT ${selectColumns(entity)} FROM ${entity} WHERE dealership_id = $1 AND ${by} AND NOT deleted ORDER BY uid`,
          [reader.dealershipId, move.customer_uid],
        );
      }
      const changes = rows.map((row) => changeOf(entity, row));
      sent.set(entity, changes.map((c) => c.u));
      context.push(...changes);
    }
    if (context.length === 0) continue;
    items.push({ key: move.rev, change: context[0], context: context.slice(1) });
  }
  return items;
}

/**
 * Current rows of the parents the page's rows reference. Sent even when the parent is in the
 * page too: its change may come later in rev order than the child's (a customer edited after
 * its phone was added), and the desk applies parents first.
 */
export async function referencedParents(tx: Sql, dealershipId: number, changes: Change[]): Promise<Change[]> {
  const wanted = new Map<SyncEntity, Set<string>>();
  const want = (c: Change) => {
    if (!c.v) return;
    for (const { field, entity } of entityParents[c.e]) {
      const uid = c.v[entityFields[c.e].indexOf(field as never)];
      if (typeof uid !== 'string') continue;
      if (!wanted.has(entity)) wanted.set(entity, new Set());
      wanted.get(entity)!.add(uid);
    }
  };
  changes.forEach(want);
  // Children before parents in reverse list order, so a parent's own parents are wanted too
  // (a history entry's work item, and that work item's customer); sent parents-first.
  const found = new Map<SyncEntity, Change[]>();
  for (const entity of [...syncEntities].reverse()) {
    const uids = wanted.get(entity);
    if (!uids?.size) continue;
    const rows = await tx.query<StoredRow>(
      `SELECT ${selectColumns(entity)} FROM ${entity} WHERE dealership_id = $1 AND uid = ANY($2::text[]) AND NOT deleted`,
      [dealershipId, [...uids]],
    );
    const parents = rows.map((row) => changeOf(entity, row));
    parents.forEach(want);
    found.set(entity, parents);
  }
  return syncEntities.flatMap((entity) => found.get(entity) ?? []);
}

/** One page of the current rows of one entity, by uid (keyset: nothing held open between pages). */
export async function snapshotPage(sql: Sql, reader: Reader, entity: SyncEntity, afterUid: string, limit: number, untilUid?: string): Promise<SnapshotPage & { scope: string }> {
  const page = await encodedSnapshotPage(sql, reader, entity, afterUid, limit, untilUid);
  return { entity, rows: JSON.parse(`[${page.rowsJson}]`) as SnapshotPage['rows'], nextAfter: page.nextAfter, serverRev: page.serverRev, scope: page.scope };
}
