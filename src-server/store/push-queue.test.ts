// Group commit (push-queue.ts) on PGlite and on a real PostgreSQL cluster: many desks pushing at
// once are each applied exactly once with their own lastMutationId, revs stay contiguous and in
// commit order, a desk queued twice is applied once, and one desk's failing push does not fail
// the others in its group.
import { expect, it } from 'vitest';
import type { Mutation, PushRequest } from '../../src-shared/domain/sync/protocol';
import { describeOnEachStore } from '../../test/support/each-store';
import { ensureDealership } from './open-store';
import type { PushActor, PushOutcome } from './push';
import { PushQueue } from './push-queue';
import type { Sql } from './sql';

const now = new Date('2026-11-26T08:00:00Z');
let counter = 0;

function customerPush(deskId: string, firstId: number, count: number): PushRequest {
  const mutations: Mutation[] = [];
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const uid = `${deskId}-c${id}`;
    mutations.push({ id, entity: 'customers', uid, op: 'upsert', fields: { number: `N-${uid}`, name: '王五', customFields: '{}' }, baseRev: 0, at: now.toISOString() });
  }
  return { deskId, schemaVersion: 1, mutations };
}

function queueSuite(getSql: () => Sql): void {
  async function setup(options: ConstructorParameters<typeof PushQueue>[1] = {}) {
    const sql = getSql();
    const dealershipId = await ensureDealership(sql, `queue-${Date.now()}-${++counter}`);
    const actor: PushActor = { dealershipId, userId: 0, userName: 'agent', role: 'agent' };
    const groups: number[] = [];
    const queue = new PushQueue(sql, { ...options, onGroup: (n) => groups.push(n) });
    return { sql, dealershipId, actor, queue, groups };
  }
  const ok = (outcome: PushOutcome) => {
    if (!outcome.ok) throw new Error(`push refused: ${outcome.code} ${outcome.message}`);
    return outcome.response;
  };

  it('applies many desks pushing at once in groups, each once, with revs in commit order', async () => {
    const { sql, dealershipId, actor, queue, groups } = await setup();
    const desks = Array.from({ length: 30 }, (_, i) => `desk-group-${counter}-${i}`);
    // Three rounds per desk; each round is sent twice (a retry racing the original).
    const rounds = await Promise.all(
      desks.map(async (deskId, d) => {
        const seen: number[] = [];
        for (let round = 0; round < 3; round++) {
          const request = customerPush(deskId, round * 2 + 1, 1 + ((d + round) % 2));
          const full = customerPush(deskId, round * 2 + 1, 2);
          const [a, b] = await Promise.all([queue.push(actor, request, now), queue.push(actor, full, now)]);
          seen.push(ok(a).lastMutationId, ok(b).lastMutationId);
        }
        return seen;
      }),
    );
    for (const seen of rounds) expect(seen.filter((_, i) => i % 2 === 1)).toEqual([2, 4, 6]);
    expect(Math.max(...groups)).toBeGreaterThan(1);
    expect(groups.reduce((a, b) => a + b, 0)).toBe(desks.length * 6);

    const applied = await sql.query<{ desk_id: string; n: number; max: number }>(
      'SELECT desk_id, count(*)::int AS n, max(mutation_id)::int AS max FROM applied_mutations WHERE dealership_id = $1 GROUP BY desk_id',
      [dealershipId],
    );
    expect(applied).toHaveLength(desks.length);
    for (const row of applied) expect(row).toMatchObject({ n: 6, max: 6 });
    const lasts = await sql.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM desks WHERE dealership_id = $1', [dealershipId]);
    expect(lasts.map((r) => r.last_mutation_id)).toEqual(desks.map(() => 6));
    const revs = (await sql.query<{ rev: number }>('SELECT rev FROM customers WHERE dealership_id = $1 ORDER BY rev', [dealershipId])).map((r) => r.rev);
    expect(revs).toEqual(Array.from({ length: desks.length * 6 }, (_, i) => i + 1));
    const [{ rev }] = await sql.query<{ rev: number }>('SELECT rev FROM dealerships WHERE id = $1', [dealershipId]);
    expect(rev).toBe(desks.length * 6);
    // Each desk's mutations got increasing revs: the order it pushed them in.
    const byDesk = await sql.query<{ ordered: boolean }>(
      `SELECT bool_and(ordered) AS ordered FROM (
         SELECT rev > lag(rev, 1, 0::bigint) OVER (PARTITION BY desk_id ORDER BY mutation_id) AS ordered FROM applied_mutations WHERE dealership_id = $1) t`,
      [dealershipId],
    );
    expect(byDesk[0].ordered).toBe(true);
  });

  it('fails only the desk whose push throws; the rest of its group is applied', async () => {
    let failures = 0;
    const { sql, dealershipId, actor, queue, groups } = await setup({
      faults: {
        beforeCommit: (deskId) => {
          if (deskId.endsWith('-bad')) {
            failures++;
            throw new Error('injected failure for one desk');
          }
        },
      },
    });
    const desks = [...Array.from({ length: 6 }, (_, i) => `desk-fail-${counter}-${i}`), `desk-fail-${counter}-bad`];
    const first = queue.push(actor, customerPush('desk-warmup-' + counter, 1, 1), now);
    const results = await Promise.allSettled(desks.map((deskId) => queue.push(actor, customerPush(deskId, 1, 2), now)));
    ok(await first);
    expect(groups.slice(0, 2)).toEqual([1, desks.length]);
    expect(failures).toBe(2); // once in the group, once alone
    results.forEach((result, i) => {
      if (desks[i].endsWith('-bad')) expect(result).toMatchObject({ status: 'rejected', reason: { message: 'injected failure for one desk' } });
      else expect(result).toMatchObject({ status: 'fulfilled', value: { ok: true, response: { lastMutationId: 2, applied: 2 } } });
    });
    const applied = await sql.query<{ desk_id: string }>('SELECT DISTINCT desk_id FROM applied_mutations WHERE dealership_id = $1 ORDER BY desk_id', [dealershipId]);
    expect(applied.map((r) => r.desk_id)).toEqual([...desks.filter((d) => !d.endsWith('-bad')), `desk-warmup-${counter}`].sort());
    const [bad] = await sql.query('SELECT count(*)::int AS n FROM customers WHERE dealership_id = $1 AND uid LIKE $2', [dealershipId, '%-bad-%']);
    expect(bad).toEqual({ n: 0 });
    const revs = (await sql.query<{ rev: number }>('SELECT rev FROM customers WHERE dealership_id = $1 ORDER BY rev', [dealershipId])).map((r) => r.rev);
    expect(revs).toEqual(Array.from({ length: 1 + 6 * 2 }, (_, i) => i + 1));
  });

  it('decides each push of a group against what the pushes before it wrote', async () => {
    const { sql, dealershipId, actor, queue, groups } = await setup();
    const at = now.toISOString();
    const tag = `g${counter}`;
    const upsert = (id: number, entity: Mutation['entity'], uid: string, fields: Mutation['fields']): Mutation => ({ id, entity, uid, op: 'upsert', fields, baseRev: 0, at });
    const phone = (customer: string) => ({ customer, kind: 'mobile', raw: '13800138000', normalized: '13800138000', isPrimary: true });
    const desk = (name: string, mutations: Mutation[]): PushRequest => ({ deskId: `desk-${tag}-${name}`, schemaVersion: 1, mutations });
    const busy = queue.push(actor, customerPush(`desk-${tag}-warmup`, 1, 1), now);
    const [a, b, c, d] = await Promise.all([
      // A customer and its phone, then a second desk numbering a customer alike, an edit and a
      // delete of the first customer, and a phone for it after the delete: all in one group.
      queue.push(actor, desk('a', [upsert(1, 'customers', `${tag}-ca`, { number: `${tag}-N`, name: '王五', customFields: '{}' }), upsert(2, 'phones', `${tag}-pa`, phone(`${tag}-ca`))]), now),
      queue.push(actor, desk('b', [upsert(1, 'customers', `${tag}-cb`, { number: `${tag}-N`, name: '赵六', customFields: '{}' })]), now),
      queue.push(actor, desk('c', [upsert(1, 'customers', `${tag}-ca`, { address: '人民路 1 号' }), { id: 2, entity: 'customers', uid: `${tag}-ca`, op: 'delete', fields: {}, baseRev: 0, at }]), now),
      queue.push(actor, desk('d', [upsert(1, 'phones', `${tag}-pd`, phone(`${tag}-ca`))]), now),
    ]);
    ok(await busy);
    expect(groups.slice(0, 2)).toEqual([1, 4]);
    expect(ok(a)).toMatchObject({ applied: 2, conflicts: 0 });
    expect(ok(b)).toMatchObject({ applied: 1, conflicts: 1 });
    expect(ok(c)).toMatchObject({ applied: 2, conflicts: 0 });
    expect(ok(d)).toMatchObject({ applied: 0, rejected: [{ mutationId: 1, reason: `customer ${tag}-ca was deleted` }] });
    const rows = await sql.query('SELECT uid, number, address, deleted, rev FROM customers WHERE dealership_id = $1 AND uid LIKE $2 ORDER BY uid', [dealershipId, `${tag}-c%`]);
    expect(rows).toEqual([
      { uid: `${tag}-ca`, number: `${tag}-N`, address: '人民路 1 号', deleted: true, rev: 7 },
      { uid: `${tag}-cb`, number: `${tag}-N-2`, address: null, deleted: false, rev: 5 },
    ]);
    const phones = await sql.query('SELECT uid, deleted, rev FROM phones WHERE dealership_id = $1', [dealershipId]);
    expect(phones).toEqual([{ uid: `${tag}-pa`, deleted: true, rev: 8 }]);
    const conflicts = await sql.query<{ kind: string; rev: number }>('SELECT kind, rev FROM conflicts WHERE dealership_id = $1 ORDER BY rev', [dealershipId]);
    expect(conflicts).toEqual([{ kind: 'renumbered', rev: 4 }, { kind: 'rejected', rev: 9 }]);
    const [{ rev }] = await sql.query<{ rev: number }>('SELECT rev FROM dealerships WHERE id = $1', [dealershipId]);
    expect(rev).toBe(9);
  });

  it('answers a gap and a foreign desk in a group without disturbing the others', async () => {
    const { sql, actor, queue } = await setup();
    const other = await ensureDealership(sql, `queue-other-${++counter}`);
    const foreign = `desk-foreign-${counter}`;
    ok(await new PushQueue(sql).push({ ...actor, dealershipId: other }, customerPush(foreign, 1, 1), now));
    const [gap, stolen, fine] = await Promise.all([
      queue.push(actor, customerPush(`desk-gap-${counter}`, 3, 1), now),
      queue.push(actor, customerPush(foreign, 2, 1), now),
      queue.push(actor, customerPush(`desk-fine-${counter}`, 1, 1), now),
    ]);
    expect(gap).toMatchObject({ ok: false, code: 'gap', lastMutationId: 0 });
    expect(stolen).toMatchObject({ ok: false, code: 'forbidden' });
    expect(fine).toMatchObject({ ok: true, response: { lastMutationId: 1, applied: 1 } });
    const [desk] = await sql.query('SELECT dealership_id, last_mutation_id FROM desks WHERE id = $1', [foreign]);
    expect(desk).toEqual({ dealership_id: other, last_mutation_id: 1 });
  });
}

describeOnEachStore('push queue', (store) => queueSuite(() => store.sql()), { open: true });
