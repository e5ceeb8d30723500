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

function statements(sqlite: Database.Database) {
  const range = {} as Record<ProbeColumn, Database.Statement>;
  const exact = {} as Record<ProbeColumn, Database.Statement>;
  for (const [column, q] of Object.entries(probeSql) as [ProbeColumn, (typeof probeSql)[ProbeColumn]][]) {
    const select = `SELECT ${q.id} AS id, ${q.key} AS key, ${q.shown} AS shown FROM ${q.table}`;
    range[column] = sqlite.prepare(`${select} WHERE ${q.key} >= ? AND ${q.key} < ? ORDER BY ${q.key} LIMIT ?`);
    exact[column] = sqlite.prepare(`${select} WHERE ${q.key} = ? LIMIT ?`);
  }
  return {
    range,
    exact,
    customers: sqlite.prepare(
      `SELECT id, number, name, membership_tier AS membershipTier FROM customers WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    phones: sqlite.prepare(
      `SELECT customer_id AS id, normalized FROM phones WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY is_primary DESC, id`,
    ),
    plates: sqlite.prepare(
      `SELECT customer_id AS id, plate FROM vehicles WHERE customer_id IN (SELECT value FROM json_each(?)) AND plate IS NOT NULL ORDER BY id`,
    ),
  };
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
  const perProbe = Math.max(options.limit * 2, 50);
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

function hydrate(sqlite: Database.Database, top: [number, Candidate][], revealPhones: boolean): CustomerHit[] {
  if (top.length === 0) return [];
  const s = prepared(sqlite);
  const ids = JSON.stringify(top.map(([id]) => id));
  const customers = new Map((s.customers.all(ids) as { id: number; number: string; name: string; membershipTier: string | null }[]).map((c) => [c.id, c]));
  const phones = groupBy(s.phones.all(ids) as { id: number; normalized: string }[], (p) => (revealPhones ? formatPhone(p.normalized) : maskPhone(p.normalized)));
  const plates = groupBy(s.plates.all(ids) as { id: number; plate: string }[], (p) => formatPlate(p.plate));
  return top.flatMap(([id, candidate]) => {
    const customer = customers.get(id);
    if (!customer) return [];
    const matched = candidate.match === 'phone' || candidate.match === 'phone_tail'
      ? (revealPhones ? formatPhone(candidate.matched) : maskPhone(candidate.matched))
      : candidate.match === 'plate' ? formatPlate(candidate.matched) : candidate.matched;
    return [{ ...customer, phones: phones.get(id) ?? [], plates: plates.get(id) ?? [], match: candidate.match, matched, score: candidate.score }];
  });
}

function groupBy<T extends { id: number }>(rows: T[], show: (row: T) => string): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const row of rows) {
    const list = groups.get(row.id);
    if (list) list.push(show(row));
    else groups.set(row.id, [show(row)]);
  }
  return groups;
}

/** Screen-pop and quick checks: customers owning exactly this normalized number. */
export function customersByPhone(sqlite: Database.Database, normalized: string): number[] {
  return [...new Set((prepared(sqlite).exact.phone.all(normalized, 20) as ProbeRow[]).map((row) => row.id))];
}
