import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';

describe('migration 0008-sales-insurance-membership-supervisor', () => {
  it('adds the sales, insurance, membership, win-back, audit and figure tables and nothing else', () => {
    const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-mig-')), 'desk.sqlite'));
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]);
    for (const t of ['leads', 'stock_cars', 'arrival_requests', 'sales_orders', 'deliveries', 'sales_contracts', 'policies', 'policy_items', 'renewals', 'membership_points', 'win_backs', 'audit_log', 'card_views', 'churn_snapshot', 'kpi_monthly']) {
      expect(tables).toContain(t);
    }
    sqlite.prepare(`INSERT INTO card_views (actor, hour) VALUES ('a', '2024-06-01T09')`).run();
    expect(sqlite.prepare('SELECT count, alerted FROM card_views').get()).toEqual({ count: 0, alerted: 0 });
    expect(() => sqlite.prepare(`INSERT INTO card_views (actor, hour) VALUES ('a', '2024-06-01T09')`).run()).toThrow(/UNIQUE|PRIMARY/);
  });
});
