// Snapshot pages encoded by the database (issue 6, initial sync of 1 M customers in ≤ 60 s).
// PostgreSQL builds each row's JSON tuple [uid, rev, ...wire values] and joins a page into one
// text value, so the server neither parses ~4 M rows into objects nor stringifies them again:
// it wraps the text in the page envelope. Values come out as valuesOf (records.ts) gives them:
// text, integers, floats and booleans as JSON scalars, timestamps as ISO strings in UTC,
// anything else as its text form.
// Tombstones: a page also lists the uids of deleted rows in its uid range ("deleted", beside
// "rows"; a desk without this ignores it). The pull after a snapshot starts at R0, past every
// delete made before the snapshot began, so a desk that already held such a row (its own
// create, pushed before a crash cut its first snapshot page; a restored backup) learns of the
// delete only here.
// The scan walks the (dealership_id, uid) primary key in order. Rev order would read the heap
// nearly sequentially (uid order reads one heap page per row), but the desk would then insert
// into its unique uid indexes at random: at 1 M customers every page commit rewrote thousands
// of encrypted index pages: writing the 1 M pages took 414 s against 186 s in uid order
// (desk alone, same loaded machine).
// Right after a bulk load the table has no statistics yet and the planner picks a bitmap
// scan + sort of every remaining row per page (quadratic: 285 s for 1 M customers); a
// whole-dealership page is always an index range read, so sorts and bitmap scans are switched
// off for that transaction.
import type { SyncEntity } from '../../src-shared/domain/sync/entities';
import { columnOf, wireFieldsOf } from './records';
import { scopeCondition, scopeKey } from './scope';
import type { Reader } from './pull';
import type { Sql } from './sql';

export interface EncodedSnapshotPage {
  entity: SyncEntity;
  /** The page's row tuples as JSON, comma-separated, without the enclosing brackets. */
  rowsJson: string;
  /** uids of the deleted rows in the page's range as JSON strings, comma-separated. */
  deletedJson: string;
  /** Rows and tombstones in the page. */
  count: number;
  nextAfter: string | null;
  serverRev: number;
  scope: string;
}

const asIs = new Set(['text', 'character varying', 'integer', 'bigint', 'smallint', 'boolean', 'double precision', 'real']);

function valueSql(column: string, type: string | undefined): string {
  const c = `t.${column}`;
  if (type === undefined || asIs.has(type)) return c;
  if (type === 'timestamp with time zone') return `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `${c}::text`;
}

const tupleCache = new WeakMap<Sql, Map<SyncEntity, Promise<string>>>();

/** `json_build_array(t.uid, t.rev, …)` for the entity's wire tuple, by the columns' types. */
function tupleSql(sql: Sql, entity: SyncEntity): Promise<string> {
  let byEntity = tupleCache.get(sql);
  if (!byEntity) tupleCache.set(sql, (byEntity = new Map()));
  let cached = byEntity.get(entity);
  if (!cached) {
    cached = sql
      .query<{ name: string; type: string }>(
        `SELECT attname AS name, format_type(atttypid, NULL) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [entity],
      )
      .then((columns) => {
        const types = new Map(columns.map((c) => [c.name, c.type]));
        const values = ['uid', 'rev', ...wireFieldsOf(entity).map(columnOf)].map((c) => valueSql(c, types.get(c)));
        return `json_build_array(${values.join(', ')})`;
      });
    cached.catch(() => byEntity.delete(entity));
    byEntity.set(entity, cached);
  }
  return cached;
}

/**
 * One page of the rows of one entity by uid, tombstones included (keyset: nothing held open
 * between pages). With `untilUid` the page covers (afterUid, untilUid] and its nextAfter is
 * untilUid once that range is done; a range that grew past `limit` rows since its boundaries
 * were read ends at its last row instead, and the desk asks for the rest.
 */
export async function encodedSnapshotPage(sql: Sql, reader: Reader, entity: SyncEntity, afterUid: string, limit: number, untilUid?: string): Promise<EncodedSnapshotPage> {
  const tuple = await tupleSql(sql, entity);
  return sql.transaction(
    async (tx) => {
      const scope = scopeKey(reader.scope);
      const [{ rev: serverRev }] = await tx.query<{ rev: number }>('SELECT rev FROM dealerships WHERE id = $1', [reader.dealershipId]);
      const condition = scopeCondition(entity, reader.scope, '$5');
      if (!condition) return { entity, rowsJson: '', deletedJson: '', count: 0, nextAfter: null, serverRev, scope };
      if (reader.scope.kind === 'all') {
        await tx.query('SET LOCAL enable_sort = off');
        await tx.query('SET LOCAL enable_bitmapscan = off');
      }
      const params: unknown[] = [reader.dealershipId, afterUid, limit + 1, limit];
      if (reader.scope.kind === 'advisor' && condition.includes('$5')) params.push(reader.scope.advisor);
      let range = '';
      if (untilUid !== undefined) {
        params.push(untilUid);
        range = `AND t.uid <= $${params.length}`;
      }
      // One row past the limit says whether another page follows; n numbers the rows in uid order.
      const [page] = await tx.query<{ n: number; last: string | null; rows: string | null; deleted: string | null }>(
        `SELECT count(*)::int AS n, max(p.uid) FILTER (WHERE p.n <= $4) AS last,
           string_agg(p.j::text, ',' ORDER BY p.n) FILTER (WHERE p.n <= $4 AND NOT p.deleted) AS rows,
           string_agg(to_json(p.uid)::text, ',' ORDER BY p.n) FILTER (WHERE p.n <= $4 AND p.deleted) AS deleted
         FROM (SELECT s.uid, s.deleted, s.j, row_number() OVER (ORDER BY s.uid) AS n FROM (
           SELECT t.uid, t.deleted, CASE WHEN t.deleted THEN NULL ELSE ${tuple} END AS j
           FROM ${entity} t WHERE t.dealership_id = $1 AND t.uid > $2 ${range} AND ${condition} ORDER BY t.uid LIMIT $3
         ) s) p`,
        params,
      );
      const more = page.n > limit;
      const nextAfter = more ? page.last : (untilUid ?? null);
      return { entity, rowsJson: page.rows ?? '', deletedJson: page.deleted ?? '', count: Math.min(page.n, limit), nextAfter, serverRev, scope };
    },
    { repeatableRead: true, readOnly: true },
  );
}

/** The HTTP body of a snapshot page (protocol.ts SnapshotPage), built without re-encoding the rows. */
export function snapshotPageBody(page: EncodedSnapshotPage): string {
  return `{"entity":${JSON.stringify(page.entity)},"rows":[${page.rowsJson}],"deleted":[${page.deletedJson}],"nextAfter":${JSON.stringify(page.nextAfter)},"serverRev":${page.serverRev}}`;
}

/**
 * Where an entity's snapshot pages after `afterUid` end: the uid of every `limit`-th row, tombstones
 * counted as the pages count them. With them a desk asks for two pages at once, (b₁, b₂] and
 * (b₂, b₃], so that the server builds one while it builds the other and the desk writes a third.
 * Only whole-dealership desks get them: an advisor's scope would need its joins here too, and its
 * snapshot is small. The uids come from the (dealership_id, uid) primary key in order.
 */
export async function snapshotBoundaries(sql: Sql, reader: Reader, entity: SyncEntity, afterUid: string, limit: number): Promise<string[]> {
  if (reader.scope.kind !== 'all') return [];
  return sql.transaction(
    async (tx) => {
      await tx.query('SET LOCAL enable_sort = off');
      const rows = await tx.query<{ uid: string }>(
        `SELECT uid FROM (SELECT t.uid, row_number() OVER (ORDER BY t.uid) AS n FROM ${entity} t WHERE t.dealership_id = $1 AND t.uid > $2) s
         WHERE n % $3 = 0 ORDER BY n`,
        [reader.dealershipId, afterUid, limit],
      );
      return rows.map((r) => r.uid);
    },
    { readOnly: true },
  );
}
