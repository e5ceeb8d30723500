// Ranked one-box search over the customer cache. The plan (src-shared/domain/customer-search-plan)
// says which indexed keys to probe; each probe is one prepared range scan, results are merged per
// customer keeping the best score, and only the top `limit` customers are hydrated.
import type Database from 'better-sqlite3';
import type { CustomerHit, MatchKind } from '../../src-shared/contract/customers';
import { planCustomerSearch, prefixUpperBound, type ProbeColumn, type SearchProbe } from '../../src-shared/domain/customer-search-plan';
import { formatPhone, maskPhone } from '../../src-shared/domain/phone';
import { formatPlate } from '../../src-shared/domain/plate';

const probeSql: Record<ProbeColumn, { table: string; id: string; key: string; shown: string }> = {
  phone: { table: 'phones', id: 'customer_id', key: 'normalized', shown: 'normalized' },
  phone_reversed: { table: 'phones', id: 'customer_id', key: 'reversed', shown: 'normalized' },
  plate_local: { table: 'vehicles', id: 'customer_id', key: 'plate_local', shown: 'plate' },
  plate_reversed: { table: 'vehicles', id: 'customer_id', key: 'plate_reversed', shown: 'plate' },
  vin_reversed: { table: 'vehicles', id: 'customer_id', key: 'vin_reversed', shown: 'vin' },
  name: { table: 'customers', id: 'id', key: 'name', shown: 'name' },
  name_reversed: { table: 'customers', id: 'id', key: 'name_reversed', shown: 'name' },
  pinyin: { table: 'customers', id: 'id', key: 'pinyin', shown: 'name' },
  pinyin_initials: { table: 'customers', id: 'id', key: 'pinyin_initials', shown: 'name' },
  number: { table: 'customers', id: 'id', key: 'number', shown: 'number' },
};

interface ProbeRow {
  id: number;
  key: string;
  shown: string | null;
}

/** The SQL of one probe: a prefix range scan or an exact match on its indexed key. */
export function probeQuery(column: ProbeColumn, kind: 'range' | 'exact'): string {
  const q = probeSql[column];
  const select = `SELECT ${q.id} AS id, ${q.key} AS key, ${q.shown} AS shown FROM ${q.table}`;
  return kind === 'range' ? `${select} WHERE ${q.key} >= ? AND ${q.key} < ? ORDER BY ${q.key} LIMIT ?` : `${select} WHERE ${q.key} = ? LIMIT ?`;
}

// One statement hydrates a page of hits: the customer's number, name and tier, its phones and its
// plates (ASCII unit separator between values; neither can contain it), all from covering
// indexes, so an encrypted desk decrypts no table page for a hit.
export const hydrateQuery = `SELECT c.id, c.number, c.name, c.membership_tier AS membershipTier,
        (SELECT group_concat(normalized, char(31) ORDER BY is_primary DESC, id) FROM phones WHERE customer_id = c.id) AS phones,
        (SELECT group_concat(plate, char(31) ORDER BY id) FROM vehicles WHERE customer_id = c.id AND plate IS NOT NULL) AS plates
   FROM customers c INDEXED BY customers_search_hit WHERE c.id IN (SELECT value FROM json_each(?))`;

function statements(sqlite: Database.Database) {
  const range = {} as Record<ProbeColumn, Database.Statement>;
  const exact = {} as Record<ProbeColumn, Database.Statement>;
  for (const column of Object.keys(probeSql) as ProbeColumn[]) {
    range[column] = sqlite.prepare(probeQuery(column, 'range'));
    exact[column] = sqlite.prepare(probeQuery(column, 'exact'));
  }
  return { range, exact, hits: sqlite.prepare(hydrateQuery) };
}

const cache = new WeakMap<Database.Database, ReturnType<typeof statements>>();
function prepared(sqlite: Database.Database) {
  let s = cache.get(sqlite);
  if (!s) cache.set(sqlite, (s = statements(sqlite)));
  return s;
}

interface Candidate {
  score: number;
  match: MatchKind;
  matched: string;
}

function runProbe(sqlite: Database.Database, probe: SearchProbe, limit: number): ProbeRow[] {
  const s = prepared(sqlite);
  if (probe.column === 'phone' || (probe.exact && probe.column === 'vin_reversed')) {
    return s.exact[probe.column].all(probe.key, limit) as ProbeRow[];
  }
  return s.range[probe.column].all(probe.key, prefixUpperBound(probe.key), limit) as ProbeRow[];
}

function scoreOf(probe: SearchProbe, row: ProbeRow): number {
  let score = probe.score;
  if (!probe.exact && row.key === probe.key) score += 25;
  if (probe.province && row.shown && !row.shown.startsWith(probe.province)) score -= 30;
  return Math.min(score, 100);
}

export interface SearchOptions {
  limit: number;
  revealPhones: boolean;
}

export function searchCustomers(sqlite: Database.Database, query: string, options: SearchOptions): CustomerHit[] {
  const probes = planCustomerSearch(query);
  if (probes.length === 0) return [];
  // Within one probe every row scores the same except an exact key, which a range scan returns
  // first (the shortest key sorts first), so `limit` rows per probe are enough.
  const perProbe = options.limit + 5;
  const best = new Map<number, Candidate>();
  for (const probe of probes) {
    for (const row of runProbe(sqlite, probe, perProbe)) {
      const score = scoreOf(probe, row);
      const current = best.get(row.id);
      if (!current || score > current.score) best.set(row.id, { score, match: probe.match, matched: row.shown ?? row.key });
    }
  }
  const top = [...best.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, options.limit);
  return hydrate(sqlite, top, options.revealPhones);
}

interface HitRow {
  id: number;
  number: string;
  name: string;
  membershipTier: string | null;
  phones: string | null;
  plates: string | null;
}

const unitSeparator = String.fromCharCode(31);
const split = (list: string | null) => (list ? list.split(unitSeparator) : []);

function hydrate(sqlite: Database.Database, top: [number, Candidate][], revealPhones: boolean): CustomerHit[] {
  if (top.length === 0) return [];
  const showPhone = revealPhones ? formatPhone : maskPhone;
  const rows = new Map((prepared(sqlite).hits.all(JSON.stringify(top.map(([id]) => id))) as HitRow[]).map((row) => [row.id, row]));
  return top.flatMap(([id, candidate]) => {
    const row = rows.get(id);
    if (!row) return [];
    const matched = candidate.match === 'phone' || candidate.match === 'phone_tail'
      ? showPhone(candidate.matched)
      : candidate.match === 'plate' ? formatPlate(candidate.matched) : candidate.matched;
    return [{
      id,
      number: row.number,
      name: row.name,
      membershipTier: row.membershipTier,
      phones: split(row.phones).map(showPhone),
      plates: split(row.plates).map(formatPlate),
      match: candidate.match,
      matched,
      score: candidate.score,
    }];
  });
}

/** Screen-pop and quick checks: customers owning exactly this normalized number. */
export function customersByPhone(sqlite: Database.Database, normalized: string): number[] {
  return [...new Set((prepared(sqlite).exact.phone.all(normalized, 20) as ProbeRow[]).map((row) => row.id))];
}
