// Shared pulls: desks asking the same question at once share one read but each gets its own
// lastMutationId; a read that started before a push transaction ended is never joined, so a
// desk poked for a rev always gets a snapshot holding it.
import { expect, it } from 'vitest';
import type { Mutation, PullResponse } from '../../src-shared/domain/sync/protocol';
import { describeOnEachStore } from '../../test/support/each-store';
import { ensureDealership } from '../store/open-store';
import { PushQueue } from '../store/push-queue';
import { SharedPulls } from './pull-share';

const now = new Date('2026-11-26T08:00:00Z');
const create = (id: number, uid: string): Mutation => ({
  id, entity: 'customers', uid, op: 'upsert', fields: { number: `N-${uid}`, name: '王五', customFields: '{}' }, baseRev: 0, at: now.toISOString(),
});

describeOnEachStore('shared pulls', (store) => {
  async function setup() {
    const sql = store.sql();
    const dealershipId = await ensureDealership(sql, `share-${Math.random()}`);
    const pulls = new SharedPulls(sql);
    const pushes = new PushQueue(sql, { onSettled: (id) => pulls.settled(id) });
    const actor = { dealershipId, userId: 0, userName: 'agent', role: 'agent' as const };
    const reader = (deskId: string) => ({ dealershipId, deskId, scope: { kind: 'all' as const } });
    return { dealershipId, pulls, pushes, actor, reader };
  }

  it('answers identical concurrent pulls with one read, each with its own acknowledgement', async () => {
    const { pulls, pushes, actor, reader } = await setup();
    await pushes.push(actor, { deskId: 'desk-share-a', schemaVersion: 1, mutations: [create(1, 'a1'), create(2, 'a2')] }, now);
    await pushes.push(actor, { deskId: 'desk-share-b', schemaVersion: 1, mutations: [create(1, 'b1')] }, now);
    const desks = ['desk-share-a', 'desk-share-b', 'desk-share-c', 'desk-share-d'];
    const bodies = await Promise.all(desks.map((d) => pulls.pull(reader(d), 0, 100)));
    expect(pulls.counts).toEqual({ reads: 1, joined: 3 });
    const pages = bodies.map((b) => JSON.parse(b) as PullResponse);
    expect(pages.map((p) => p.lastMutationId)).toEqual([2, 1, 0, 0]);
    for (const page of pages) {
      expect(page).toMatchObject({ nextRev: 3, serverRev: 3, upToDate: true, parents: [] });
      expect(page.changes.map((c) => c.u)).toEqual(['a1', 'a2', 'b1']);
    }
    expect(pulls.pulling(actor.dealershipId)).toBe(0);
  });

  it('never joins a read that started before a push transaction ended', async () => {
    const { pulls, pushes, actor, reader } = await setup();
    await pushes.push(actor, { deskId: 'desk-fresh-a', schemaVersion: 1, mutations: [create(1, 'x1')] }, now);
    const early = pulls.pull(reader('desk-fresh-b'), 0, 100);
    const joined = pulls.pull(reader('desk-fresh-c'), 0, 100);
    // A push transaction ends while the early read is in flight: a desk poked for it reads anew.
    pulls.settled(actor.dealershipId);
    const late = pulls.pull(reader('desk-fresh-d'), 0, 100);
    await Promise.all([early, joined, late]);
    expect(pulls.counts).toEqual({ reads: 2, joined: 1 });
    // And through the queue: the pull after an acknowledged push holds it.
    const pending = pulls.pull(reader('desk-fresh-e'), 0, 100);
    await pushes.push(actor, { deskId: 'desk-fresh-a', schemaVersion: 1, mutations: [create(2, 'x2')] }, now);
    const after = JSON.parse(await pulls.pull(reader('desk-fresh-f'), 0, 100)) as PullResponse;
    expect(after.changes.map((c) => c.u)).toEqual(['x1', 'x2']);
    await pending;
  });
}, { open: true });
