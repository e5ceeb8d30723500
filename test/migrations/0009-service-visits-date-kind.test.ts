import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';

describe('migration 0009-service-visits-date-kind', () => {
  it('covers the supervisor job’s visits-by-day pass with an index', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-mig-')), 'desk.sqlite'));
    const cols = sqlite.prepare(`SELECT name FROM pragma_index_info('service_visits_date_kind') ORDER BY seqno`).pluck().all();
    expect(cols).toEqual(['visit_date', 'kind', 'by_appointment', 'advisor']);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN SELECT visit_date, kind, by_appointment, advisor, count(*) FROM service_visits WHERE visit_date >= '2024-01-01' AND visit_date <= '2024-06-30' GROUP BY visit_date, kind, by_appointment, advisor`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(';')).toMatch(/COVERING INDEX service_visits_date_kind/);
  });
});
