// Multi-row loading of shared records (demo data, benchmarks, migrations from other systems):
// PGlite takes ~18 s per 100,000 single-row inserts but is fast with 1,000-row statements.
// Revs come from the dealership's sequence like any write, so desks pull the load normally.
import { customerNameKeys } from '../../src-shared/domain/customer-keys';
import { entityFields, type SyncEntity, type WireFields } from '../../src-shared/domain/sync/entities';
import { columnOf } from './records';
import type { Sql } from './sql';

export interface LoadRow {
  uid: string;
  fields: WireFields;
}

const maxParams = 30_000;

export async function bulkLoad(sql: Sql, dealershipId: number, entity: SyncEntity, rows: LoadRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const own = entityFields[entity] as readonly string[];
  const names = entity === 'customers' ? [...own, 'pinyin', 'pinyinInitials'] : [...own];
  const columns = ['dealership_id', 'uid', 'rev', 'field_revs', ...names.map(columnOf)];
  const perRow = columns.length;
  const batch = Math.max(1, Math.floor(maxParams / perRow));
  const pinyinCache = new Map<string, { pinyin: string; pinyinInitials: string }>();
  return sql.transaction(async (tx) => {
    const [{ rev: start }] = await tx.query<{ rev: number }>('UPDATE dealerships SET rev = rev + $2 WHERE id = $1 RETURNING rev - $2 AS rev', [dealershipId, rows.length]);
    for (let offset = 0; offset < rows.length; offset += batch) {
      const slice = rows.slice(offset, offset + batch);
      const params: unknown[] = [];
      const tuples: string[] = [];
      slice.forEach((row, i) => {
        const rev = start + offset + i + 1;
        const fields = { ...row.fields };
        if (entity === 'customers' && (typeof fields.pinyin !== 'string' || typeof fields.pinyinInitials !== 'string')) {
          const name = String(fields.name ?? '');
          let keys = pinyinCache.get(name);
          if (!keys) {
            const derived = customerNameKeys(name);
            pinyinCache.set(name, (keys = { pinyin: derived.pinyin, pinyinInitials: derived.pinyinInitials }));
          }
          fields.pinyin = keys.pinyin;
          fields.pinyinInitials = keys.pinyinInitials;
        }
        const fieldRevs = JSON.stringify(Object.fromEntries(own.map((f) => [f, rev])));
        const base = params.length;
        params.push(dealershipId, row.uid, rev, fieldRevs, ...names.map((f) => fields[f] ?? null));
        tuples.push(`(${columns.map((_, c) => `$${base + c + 1}${c === 3 ? '::jsonb' : ''}`).join(', ')})`);
      });
      await tx.query(`INSERT INTO ${entity} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
    return rows.length;
  });
}
