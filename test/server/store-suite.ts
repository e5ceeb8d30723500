// The server store's behaviour, run against PGlite and against a real PostgreSQL cluster
// (store.test.ts): idempotent push, gaps, per-field merge and conflict records, tombstones
// with cascade, paged pull without skips, resumable snapshot, number collisions, rejections,
// scopes with move-in/move-out.
import { expect, it } from 'vitest';
import type { Mutation, PullResponse } from '../../src-shared/domain/sync/protocol';
import { applyPush, type PushActor } from '../../src-server/store/push';
import { pullChanges, snapshotPage } from '../../src-server/store/pull';
import { encodedSnapshotPage, snapshotBoundaries } from '../../src-server/store/snapshot-page';
import type { Sql } from '../../src-server/store/sql';
import { ensureDealership } from '../../src-server/store/open-store';

let counter = 0;
const now = new Date('2026-11-26T08:00:00Z');

export function storeSuite(getSql: () => Sql): void {
  async function dealership() {
    const sql = getSql();
    const id = await ensureDealership(sql, `suite-${Date.now()}-${++counter}`);
    const actor = (role: PushActor['role'] = 'agent'): PushActor => ({ dealershipId: id, userId: 0, userName: role, role });
    return { sql, id, actor };
  }
  const m = (id: number, entity: Mutation['entity'], uid: string, fields: Mutation['fields'], baseRev = 0, op: Mutation['op'] = 'upsert'): Mutation => ({ id, entity, uid, op, fields, baseRev, at: now.toISOString() });
  const customer = (number: string, extra: Mutation['fields'] = {}) => ({ number, name: '王五', customFields: '{}', ...extra });
  const push = async (sql: Sql, actor: PushActor, deskId: string, mutations: Mutation[]) => applyPush(sql, actor, { deskId, schemaVersion: 1, mutations }, now);
  const pullAll = async (sql: Sql, dealershipId: number, after: number, limit: number, deskId = 'reader-desk-1') => {
    const pages: PullResponse[] = [];
    for (;;) {
      const page = await pullChanges(sql, { dealershipId, deskId, scope: { kind: 'all' } }, pages.length ? pages[pages.length - 1].nextRev : after, limit);
      pages.push(page);
      if (page.upToDate) return pages;
    }
  };

  it('applies a push once however often it is retried, and refuses gaps', async () => {
    const { sql, id, actor } = await dealership();
    const batch = [m(1, 'customers', 'c1', customer('C1')), m(2, 'phones', 'p1', { customer: 'c1', kind: 'mobile', raw: '138', normalized: '138', isPrimary: true })];
    const first = await push(sql, actor(), 'desk-aaaa-01', batch);
    const again = await push(sql, actor(), 'desk-aaaa-01', batch);
    expect(first).toMatchObject({ ok: true, response: { applied: 2, skipped: 0, lastMutationId: 2 } });
    expect(again).toMatchObject({ ok: true, response: { applied: 0, skipped: 2, lastMutationId: 2 } });
    const gap = await push(sql, actor(), 'desk-aaaa-01', [m(4, 'customers', 'c2', customer('C2'))]);
    expect(gap).toMatchObject({ ok: false, code: 'gap', lastMutationId: 2 });
    const [{ n }] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM applied_mutations WHERE dealership_id = $1', [id]);
    expect(n).toBe(2);
    expect(await sql.query('SELECT uid FROM customers WHERE dealership_id = $1', [id])).toEqual([{ uid: 'c1' }]);
  });

  it('merges different fields and records the losing value of a same-field edit', async () => {
    const { sql, id, actor } = await dealership();
    await push(sql, actor(), 'desk-bbbb-01', [m(1, 'customers', 'c1', customer('C1', { address: 'old', email: 'old@x' }))]);
    const [{ rev }] = await sql.query<{ rev: number }>('SELECT rev FROM customers WHERE dealership_id = $1', [id]);
    await push(sql, actor(), 'desk-bbbb-01', [m(2, 'customers', 'c1', { address: 'A' }, rev)]);
    await push(sql, actor(), 'desk-bbbb-02', [m(1, 'customers', 'c1', { email: 'b@x' }, rev)]);
    expect(await sql.query('SELECT count(*)::int AS n FROM conflicts WHERE dealership_id = $1', [id])).toEqual([{ n: 0 }]);
    const r = await push(sql, actor(), 'desk-bbbb-02', [m(2, 'customers', 'c1', { address: 'B' }, rev)]);
    expect(r).toMatchObject({ ok: true, response: { conflicts: 1 } });
    const [row] = await sql.query('SELECT address, email FROM customers WHERE dealership_id = $1', [id]);
    expect(row).toEqual({ address: 'B', email: 'b@x' });
    const [conflict] = await sql.query('SELECT kind, field, lost_value, won_value, lost_desk FROM conflicts WHERE dealership_id = $1', [id]);
    expect(conflict).toEqual({ kind: 'overwritten', field: 'address', lost_value: '"A"', won_value: '"B"', lost_desk: 'desk-bbbb-01' });
    // The same desk editing its own field again is sequential, not a conflict.
    await push(sql, actor(), 'desk-bbbb-02', [m(3, 'customers', 'c1', { address: 'B2' }, rev)]);
    expect(await sql.query('SELECT count(*)::int AS n FROM conflicts WHERE dealership_id = $1', [id])).toEqual([{ n: 1 }]);
  });

  it('tombstones a deleted customer with its children, and keeps an edit of it as a conflict', async () => {
    const { sql, id, actor } = await dealership();
    await push(sql, actor(), 'desk-cccc-01', [
      m(1, 'customers', 'c1', customer('C1')),
      m(2, 'vehicles', 'v1', { customer: 'c1', plate: '粤A12345' }),
      m(3, 'service_visits', 's1', { customer: 'c1', vehicle: 'v1', visitDate: '2026-01-02', kind: 'repair' }),
    ]);
    await push(sql, actor(), 'desk-cccc-01', [m(4, 'customers', 'c1', {}, 3, 'delete')]);
    const pages = await pullAll(sql, id, 3, 100);
    const tombstones = pages.flatMap((p) => p.changes).filter((c) => c.d).map((c) => `${c.e}:${c.u}`).sort();
    expect(tombstones).toEqual(['customers:c1', 'service_visits:s1', 'vehicles:v1']);
    const r = await push(sql, actor(), 'desk-cccc-02', [m(1, 'customers', 'c1', { address: 'late edit' }, 1)]);
    expect(r).toMatchObject({ ok: true, response: { conflicts: 1 } });
    expect(await sql.query('SELECT kind, lost_value FROM conflicts WHERE dealership_id = $1', [id])).toEqual([{ kind: 'deleted', lost_value: '{"address":"late edit"}' }]);
  });

  it('pages pulls by rev without skipping or repeating a change', async () => {
    const { sql, id, actor } = await dealership();
    const mutations = Array.from({ length: 37 }, (_, i) => m(i + 1, 'customers', `c${i}`, customer(`C${i}`)));
    await push(sql, actor(), 'desk-dddd-01', mutations);
    const pages = await pullAll(sql, id, 0, 5);
    const uids = pages.flatMap((p) => p.changes.map((c) => c.u));
    expect(uids).toHaveLength(37);
    expect(new Set(uids).size).toBe(37);
    expect(pages.length).toBe(8);
    expect(pages[pages.length - 1].nextRev).toBe(37);
    expect(pages[pages.length - 1].lastMutationId).toBe(0);
    const own = await pullChanges(sql, { dealershipId: id, deskId: 'desk-dddd-01', scope: { kind: 'all' } }, 0, 10);
    expect(own.lastMutationId).toBe(10);
  });

  it('streams a snapshot by uid pages that can resume anywhere', async () => {
    const { sql, id, actor } = await dealership();
    await push(sql, actor(), 'desk-eeee-01', Array.from({ length: 25 }, (_, i) => m(i + 1, 'customers', `c${String(i).padStart(2, '0')}`, customer(`C${i}`))));
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await snapshotPage(sql, { dealershipId: id, deskId: 'x-desk-01', scope: { kind: 'all' } }, 'customers', after, 10);
      seen.push(...page.rows.map((r) => r[0] as string));
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `c${String(i).padStart(2, '0')}`));
  });

  it('tells where full snapshot pages end, and serves a page by its range', async () => {
    const { sql, id, actor } = await dealership();
    await push(sql, actor(), 'desk-eeee-02', Array.from({ length: 25 }, (_, i) => m(i + 1, 'customers', `c${String(i).padStart(2, '0')}`, customer(`C${i}`))));
    await push(sql, actor(), 'desk-eeee-02', [m(26, 'customers', 'c07', {}, 0, 'delete')]);
    const all = { dealershipId: id, deskId: 'x-desk-02', scope: { kind: 'all' } } as const;
    // Every 10th row, tombstones counted as pages count them.
    expect(await snapshotBoundaries(sql, all, 'customers', '', 10)).toEqual(['c09', 'c19']);
    expect(await snapshotBoundaries(sql, all, 'customers', 'c09', 10)).toEqual(['c19']);
    expect(await snapshotBoundaries(sql, { ...all, scope: { kind: 'advisor', advisor: '王顾问' } }, 'customers', '', 10)).toEqual([]);
    const range = await snapshotPage(sql, all, 'customers', 'c09', 10, 'c19');
    expect(range.rows.map((r) => r[0])).toEqual(Array.from({ length: 10 }, (_, i) => `c${10 + i}`));
    expect(range.nextAfter).toBe('c19');
    const withTombstone = await encodedSnapshotPage(sql, all, 'customers', '', 10, 'c09');
    expect(JSON.parse(`[${withTombstone.deletedJson}]`)).toEqual(['c07']);
    expect(withTombstone.nextAfter).toBe('c09');
    // A range holding more rows than a page (rows added since its boundaries were read) ends at its last row.
    const filled = await snapshotPage(sql, all, 'customers', '', 4, 'c09');
    expect(filled.rows.map((r) => r[0])).toEqual(['c00', 'c01', 'c02', 'c03']);
    expect(filled.nextAfter).toBe('c03');
  });

  it('renumbers a customer whose number another desk took, visibly', async () => {
    const { sql, id, actor } = await dealership();
    await push(sql, actor(), 'desk-ffff-01', [m(1, 'customers', 'c1', customer('C00000009'))]);
    await push(sql, actor(), 'desk-ffff-02', [m(1, 'customers', 'c2', customer('C00000009'))]);
    expect(await sql.query('SELECT uid, number FROM customers WHERE dealership_id = $1 ORDER BY uid', [id])).toEqual([
      { uid: 'c1', number: 'C00000009' },
      { uid: 'c2', number: 'C00000009-2' },
    ]);
    expect(await sql.query('SELECT kind FROM conflicts WHERE dealership_id = $1', [id])).toEqual([{ kind: 'renumbered' }]);
  });

  it('rejects what it cannot apply without blocking the queue, and records why', async () => {
    const { sql, id, actor } = await dealership();
    const r = await push(sql, actor(), 'desk-gggg-01', [
      m(1, 'customers', 'c1', { number: 'C1', name: 'x', bogus: 1 }),
      m(2, 'phones', 'p1', { customer: 'nobody', kind: 'mobile', raw: '1', normalized: '1' }),
      m(3, 'conflicts', 'k1', { resolved: true }),
      m(4, 'customers', 'c2', customer('C2')),
    ]);
    expect(r.ok && r.response.rejected.map((x) => x.mutationId)).toEqual([1, 2, 3]);
    expect(r.ok && r.response.lastMutationId).toBe(4);
    expect(await sql.query('SELECT uid FROM customers WHERE dealership_id = $1', [id])).toEqual([{ uid: 'c2' }]);
    const reasons = await sql.query<{ reason: string }>(`SELECT reason FROM conflicts WHERE dealership_id = $1 AND kind = 'rejected' ORDER BY rev`, [id]);
    expect(reasons.map((x) => x.reason)).toEqual(['unknown field customers.bogus', 'unknown customer nobody', 'role agent may not resolve conflicts']);
  });

  it("gives an advisor desk its book, and moves customers in and out of it", async () => {
    const { sql, id, actor } = await dealership();
    await push(sql, actor(), 'desk-hhhh-01', [
      m(1, 'customers', 'mine', customer('C1', { advisor: '王顾问' })),
      m(2, 'phones', 'mine-p', { customer: 'mine', kind: 'mobile', raw: '1', normalized: '1', isPrimary: true }),
      m(3, 'customers', 'other', customer('C2', { advisor: '李顾问' })),
      m(4, 'vehicles', 'other-v', { customer: 'other', plate: '粤A1' }),
    ]);
    // Rows that hang off the customer's policy go to every desk, which drops them without it.
    const insured = await push(sql, actor('supervisor'), 'desk-hhhh-02', [
      m(1, 'policies', 'other-pol', { vehicle: 'other-v', customer: 'other', insurer: '平安', kind: 'commercial', startDate: '2026-01-01', endDate: '2026-12-31', premiumYuan: 5000, createdAt: now.toISOString() }),
      m(2, 'policy_items', 'other-item', { policy: 'other-pol', code: 'vehicle_damage', premiumYuan: 3000 }),
      m(3, 'renewals', 'other-ren', { policy: 'other-pol', stage: 'due', expiryDate: '2026-12-31', updatedAt: now.toISOString() }),
    ]);
    expect(insured.ok && insured.response.rejected).toEqual([]);
    const scope = { kind: 'advisor' as const, advisor: '王顾问' };
    const first = await pullChanges(sql, { dealershipId: id, deskId: 'adv-desk-01', scope }, 0, 100);
    expect(first.changes.filter((c) => !c.x && (c.e === 'customers' || c.e === 'phones' || c.e === 'vehicles')).map((c) => c.u).sort()).toEqual(['mine', 'mine-p']);
    const snap = await snapshotPage(sql, { dealershipId: id, deskId: 'adv-desk-01', scope }, 'vehicles', '', 100);
    expect(snap.rows).toEqual([]);
    // 'other' moves in (with its vehicle, whose own rev is old), 'mine' moves out.
    await push(sql, actor(), 'desk-hhhh-01', [m(5, 'customers', 'other', { advisor: '王顾问' }, 3), m(6, 'customers', 'mine', { advisor: '李顾问' }, 1)]);
    const next = await pullChanges(sql, { dealershipId: id, deskId: 'adv-desk-01', scope }, first.nextRev, 100);
    const context = next.parents.map((c) => `${c.e}:${c.u}`);
    expect(context).toContain('vehicles:other-v');
    expect(context).toEqual(expect.arrayContaining(['policies:other-pol', 'policy_items:other-item', 'renewals:other-ren']));
    // Parents before what hangs off them, as the desk applies them.
    expect(context.indexOf('policies:other-pol')).toBeLessThan(context.indexOf('policy_items:other-item'));
    expect(next.changes.some((c) => c.u === 'other' && !c.x)).toBe(true);
    expect(next.changes.filter((c) => c.x).map((c) => c.u)).toEqual(['mine']);
  });
}
