// The per-customer pass of the churn job (seed 003 rules, src-shared/domain/churn.ts), one slice
// of customers by id range at a time. Invariant: after a complete pass, churn_snapshot holds exactly
// one row per customer (and per customer id that has visits but no customers row, advisor null),
// equal in every column but as_of to a rebuild from an empty table; only rows whose values changed
// are written, with as_of = the day they took their present values (a night usually changes a few
// thousand rows: the day's visits and the customers crossing a month-6/12/24 boundary). The
// snapshot's own as-of date is the figures' asOf in settings (churn-job.ts).
// Each slice reads in one read transaction and writes its changed rows in a short IMMEDIATE
// transaction, so a desk writer waits at most one slice's writes. The same pass tallies the
// class/status counts and each advisor's book and churn at every reported month end.
import type Database from 'better-sqlite3';
import { churnStatus, countsAgainstAdvisorChurn, visitClassOfCount, type ChurnRules, type ChurnStatus, type VisitClass } from '../../src-shared/domain/churn';

// Unit separator: cannot occur in a date, so group_concat lists split back exactly.
export const listSeparator = '\u001f';

export interface ChurnPassParams {
  today: string;
  rules: ChurnRules;
  /** Reported month ends, oldest first. */
  monthEnds: readonly string[];
  /** First day of the oldest reported month. */
  firstDay: string;
  classStart: string;
  /** Customers per slice. */
  sliceCustomers: number;
}

export interface AdvisorMonths {
  book: Float64Array;
  churn: Float64Array;
}

type CustomerRow = [id: number, advisorId: number | null];
type AggregateRow = [id: number, last: string, inWindow: number, prior: string | null, listed: string | null, visits: number];
type SnapshotRow = [id: number, advisorId: number | null, visitClass: string, status: string, lastVisit: string | null, countsAgainst: number];

const above = Number.MAX_VALUE;

export class CustomerChurnPass {
  /** Class → status → customers. */
  readonly classCounts = new Map<string, Map<string, number>>();
  readonly advisorMonths = new Map<number | null, AdvisorMonths>();
  customers = 0;
  visits = 0;
  changed = 0;
  private lo = -Number.MAX_VALUE;
  private done = false;
  private readonly ruleMemo = new Map<string, [ChurnStatus, number]>();
  private readonly classMemo = new Map<number, VisitClass>();
  private readonly monthMemo = new Map<string, Uint8Array>();
  private readonly stmts;

  constructor(private readonly sqlite: Database.Database, private readonly p: ChurnPassParams) {
    this.stmts = {
      // The next id after a slice in any of the three tables: one index seek each, so id gaps
      // (deleted customers, orphan visits, stale snapshot rows) never make empty slices.
      nextId: sqlite.prepare(`SELECT min(id) FROM (SELECT min(id) AS id FROM customers WHERE id > @lo
        UNION ALL SELECT min(customer_id) FROM service_visits WHERE customer_id > @lo UNION ALL SELECT min(customer_id) FROM churn_snapshot WHERE customer_id > @lo)`).pluck(),
      customers: sqlite.prepare('SELECT id, advisor_id FROM customers WHERE id > ? AND id <= ? ORDER BY id').raw(),
      // Index-only over service_visits_customer_date, grouped in index order (no sort): last
      // visit, distinct valid visit days in the class window, the last visit before the first
      // reported month, the visit dates inside the reported months, and the number of visit rows.
      aggregates: sqlite.prepare(`SELECT customer_id, max(visit_date), count(DISTINCT visit_date) FILTER (WHERE visit_date > @classStart AND date(visit_date) IS visit_date),
          max(visit_date) FILTER (WHERE visit_date < @firstDay), group_concat(visit_date, @sep) FILTER (WHERE visit_date >= @firstDay), count(*)
        FROM service_visits WHERE customer_id > @lo AND customer_id <= @hi AND visit_date <= @today GROUP BY customer_id`).raw(),
      snapshot: sqlite.prepare('SELECT customer_id, advisor_id, visit_class, status, last_visit, counts_against FROM churn_snapshot WHERE customer_id > ? AND customer_id <= ? ORDER BY customer_id').raw(),
      upsert: sqlite.prepare(`INSERT INTO churn_snapshot (customer_id, advisor_id, visit_class, status, last_visit, counts_against, as_of) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(customer_id) DO UPDATE SET advisor_id = excluded.advisor_id, visit_class = excluded.visit_class, status = excluded.status,
          last_visit = excluded.last_visit, counts_against = excluded.counts_against, as_of = excluded.as_of`),
      remove: sqlite.prepare('DELETE FROM churn_snapshot WHERE customer_id = ?'),
    };
  }

  /** Processes the next slice; false once every customer has been. */
  next(): boolean {
    if (this.done) return false;
    const { p, stmts, lo } = this;
    const read = this.sqlite.transaction(() => {
      const first = stmts.nextId.get({ lo }) as number | null;
      if (first === null) return null;
      // Ids are usually dense: a slice is the next `sliceCustomers` ids from the first one.
      const hi = first - 1 + p.sliceCustomers;
      return {
        hi,
        customers: stmts.customers.all(lo, hi) as CustomerRow[],
        aggregates: stmts.aggregates.all({ lo, hi, today: p.today, classStart: p.classStart, firstDay: p.firstDay, sep: listSeparator }) as AggregateRow[],
        snapshot: stmts.snapshot.all(lo, hi) as SnapshotRow[],
      };
    });
    const slice = read();
    if (!slice) {
      this.done = true;
      return false;
    }
    const writes = this.classifySlice(slice.customers, slice.aggregates, slice.snapshot);
    if (writes.length) {
      this.sqlite.transaction(() => {
        for (const w of writes) {
          if (w.length === 1) stmts.remove.run(w[0]);
          else stmts.upsert.run(...w, p.today);
        }
      }).immediate();
      this.changed += writes.length;
    }
    this.lo = slice.hi;
    return true;
  }

  /** Merges the three id-ordered lists; returns the snapshot rows to write ([id] alone: delete). */
  private classifySlice(customers: CustomerRow[], aggregates: AggregateRow[], snapshot: SnapshotRow[]): (SnapshotRow | [number])[] {
    const writes: (SnapshotRow | [number])[] = [];
    let c = 0, a = 0, s = 0;
    while (c < customers.length || a < aggregates.length) {
      const cid = c < customers.length ? customers[c][0] : above;
      const aid = a < aggregates.length ? aggregates[a][0] : above;
      const id = cid <= aid ? cid : aid;
      const advisorId = cid === id ? customers[c++][1] : null;
      const agg = aid === id ? aggregates[a++] : null;
      const row = this.classifyCustomer(id, advisorId, agg);
      while (s < snapshot.length && snapshot[s][0] < id) writes.push([snapshot[s++][0]]);
      const old = s < snapshot.length && snapshot[s][0] === id ? snapshot[s++] : null;
      if (!old || old[1] !== row[1] || old[2] !== row[2] || old[3] !== row[3] || old[4] !== row[4] || old[5] !== row[5]) writes.push(row);
    }
    while (s < snapshot.length) writes.push([snapshot[s++][0]]);
    return writes;
  }

  private classifyCustomer(id: number, advisorId: number | null, agg: AggregateRow | null): SnapshotRow {
    this.customers += 1;
    if (!agg) {
      this.countClass('D', 'new');
      return [id, advisorId, 'D', 'new', null, 0];
    }
    const [, last, inWindow, prior, listed, visits] = agg;
    this.visits += visits;
    const [status, against] = this.rule(last);
    const visitClass = this.visitClass(inWindow);
    this.countClass(visitClass, status);
    this.tallyAdvisor(advisorId, prior, listed);
    return [id, advisorId, visitClass, status, last, against];
  }

  private rule(last: string): [ChurnStatus, number] {
    let r = this.ruleMemo.get(last);
    if (!r) this.ruleMemo.set(last, (r = [churnStatus(last, this.p.today, this.p.rules), countsAgainstAdvisorChurn(last, this.p.today, this.p.rules) ? 1 : 0]));
    return r;
  }

  private visitClass(n: number): VisitClass {
    let k = this.classMemo.get(n);
    if (!k) this.classMemo.set(n, (k = visitClassOfCount(n, this.p.rules)));
    return k;
  }

  private countClass(visitClass: string, status: string): void {
    let byStatus = this.classCounts.get(visitClass);
    if (!byStatus) this.classCounts.set(visitClass, (byStatus = new Map()));
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }

  /**
   * Per reported month end, the code of a last visit: 0 out of the active book (permanently
   * lost), 1 in the book, 2 counting against the advisor. A desk has a few thousand distinct
   * dates: memoised per date.
   */
  private monthCodes(last: string): Uint8Array {
    let codes = this.monthMemo.get(last);
    if (!codes) {
      const { monthEnds, rules } = this.p;
      codes = new Uint8Array(monthEnds.length);
      for (let i = 0; i < monthEnds.length; i++) {
        codes[i] = churnStatus(last, monthEnds[i], rules) === 'permanently_lost' ? 0 : countsAgainstAdvisorChurn(last, monthEnds[i], rules) ? 2 : 1;
      }
      this.monthMemo.set(last, codes);
    }
    return codes;
  }

  private tallyAdvisor(advisorId: number | null, prior: string | null, listed: string | null): void {
    const n = this.p.monthEnds.length;
    let rows = this.advisorMonths.get(advisorId);
    if (!rows) this.advisorMonths.set(advisorId, (rows = { book: new Float64Array(n), churn: new Float64Array(n) }));
    if (listed === null) {
      if (prior === null) return;
      const codes = this.monthCodes(prior);
      for (let i = 0; i < n; i++) {
        if (codes[i] === 0) continue;
        rows.book[i] += 1;
        if (codes[i] === 2) rows.churn[i] += 1;
      }
      return;
    }
    const dates = listed.split(listSeparator);
    if (dates.length > 1) dates.sort();
    // The last visit as of each month end (lastVisitAsOf, falling back to `prior`), walking the
    // ascending dates and month ends together.
    const { monthEnds } = this.p;
    let j = 0;
    let codes = prior === null ? null : this.monthCodes(prior);
    for (let i = 0; i < n; i++) {
      if (j < dates.length && dates[j] <= monthEnds[i]) {
        while (j < dates.length && dates[j] <= monthEnds[i]) j++;
        codes = this.monthCodes(dates[j - 1]);
      }
      const code = codes === null ? 0 : codes[i];
      if (code === 0) continue;
      rows.book[i] += 1;
      if (code === 2) rows.churn[i] += 1;
    }
  }
}
