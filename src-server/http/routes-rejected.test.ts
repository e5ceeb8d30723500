// POST /sync/rejected's reads: only mutations the server rejected, only as the desk named them,
// the records' current state within the caller's scope, a refused delete with its children.
import { expect, it } from 'vitest';
import type { Mutation } from '../../src-shared/domain/sync/protocol';
import { describeOnEachStore } from '../../test/support/each-store';
import { ensureDealership } from '../store/open-store';
import { applyPush } from '../store/push';
import { rejectedRecords } from './routes-rejected';

const now = new Date('2026-11-26T08:00:00Z');
const at = now.toISOString();
const m = (id: number, entity: Mutation['entity'], uid: string, fields: Mutation['fields'], op: Mutation['op'] = 'upsert', baseRev = 0): Mutation => ({
  id, entity, uid, op, fields, baseRev, at,
});
const article = { slug: 'maintenance/first', title: '首保', body: '首保免费', category: 'maintenance', status: 'published' };

describeOnEachStore('rejected records', (store) => {
  async function setup() {
    const sql = store.sql();
    const tag = Math.random().toString(36).slice(2, 10);
    const dealershipId = await ensureDealership(sql, `rejected-${tag}`);
    const deskId = `desk-agent-${tag}`;
    const agent = { dealershipId, userId: 0, userName: 'agent', role: 'agent' as const };
    const supervisor = { ...agent, userName: 'super', role: 'supervisor' as const };
    await applyPush(sql, supervisor, { deskId: `desk-super-${tag}`, schemaVersion: 1, mutations: [m(1, 'kb_articles', 'a1', article), m(2, 'kb_article_versions', 'v1', { article: 'a1', version: 1, title: '首保', body: '首保免费', fields: '{}' })] }, now);
    const pushed = await applyPush(sql, agent, {
      deskId, schemaVersion: 1, mutations: [
        m(1, 'kb_articles', 'a2', { ...article, slug: 'x' }), // refused: agents may not write the KB
        m(2, 'customers', 'c1', { number: 'N1', name: '张三', advisor: '王顾问', customFields: '{}' }),
        m(3, 'customers', 'c1', { gender: 'X' }, 'upsert', 1), // refused: not a gender
        m(4, 'customers', 'c2', { number: 'N2', name: '李四', advisor: '李顾问', customFields: '{}' }),
        m(5, 'customers', 'c2', { gender: 'X' }, 'upsert', 1),
        m(6, 'kb_articles', 'a1', {}, 'delete', 1), // refused
      ],
    }, now);
    expect(pushed.ok && pushed.response.rejected.map((r) => r.mutationId)).toEqual([1, 3, 5, 6]);
    return { sql, dealershipId, deskId };
  }

  it('answers only the rejected mutations, with their records as the server holds them now', async () => {
    const { sql, dealershipId, deskId } = await setup();
    const answer = await rejectedRecords(sql, dealershipId, { kind: 'all' }, {
      deskId,
      mutations: [
        { id: 1, entity: 'kb_articles', uid: 'a2', withChildren: false },
        { id: 2, entity: 'customers', uid: 'c1', withChildren: false },
        { id: 3, entity: 'customers', uid: 'c1', withChildren: false },
        { id: 5, entity: 'customers', uid: 'c1', withChildren: false }, // not what mutation 5 wrote
      ],
    });
    expect(answer.rejected).toEqual([1, 3]);
    expect(answer.records.find((r) => r.u === 'a2')).toEqual({ e: 'kb_articles', u: 'a2', r: 0, x: true });
    const c1 = answer.records.find((r) => r.u === 'c1');
    expect(c1?.v?.slice(0, 3)).toEqual(['N1', '张三', null]);
    expect(answer.records).toHaveLength(2);
  });

  it('sends a refused delete back with the rows referencing the record', async () => {
    const { sql, dealershipId, deskId } = await setup();
    const answer = await rejectedRecords(sql, dealershipId, { kind: 'all' }, { deskId, mutations: [{ id: 6, entity: 'kb_articles', uid: 'a1', withChildren: true }] });
    expect(answer.records.map((r) => `${r.e}:${r.u}`).sort()).toEqual(['kb_article_versions:v1', 'kb_articles:a1']);
    expect(answer.records.every((r) => r.v && !r.d && !r.x)).toBe(true);
  });

  it('answers a record outside the caller scope as absent, without its values', async () => {
    const { sql, dealershipId, deskId } = await setup();
    const mutations = [{ id: 3, entity: 'customers' as const, uid: 'c1', withChildren: false }, { id: 5, entity: 'customers' as const, uid: 'c2', withChildren: false }];
    const answer = await rejectedRecords(sql, dealershipId, { kind: 'advisor', advisor: '王顾问' }, { deskId, mutations });
    expect(answer.records.find((r) => r.u === 'c1')?.v?.[1]).toBe('张三');
    expect(answer.records.find((r) => r.u === 'c2')).toEqual({ e: 'customers', u: 'c2', r: 0, x: true });
  });

  it('tells nothing about another dealership desk', async () => {
    const { sql, deskId } = await setup();
    const other = await ensureDealership(sql, `other-${Math.random()}`);
    const answer = await rejectedRecords(sql, other, { kind: 'all' }, { deskId, mutations: [{ id: 3, entity: 'customers', uid: 'c1', withChildren: false }] });
    expect(answer).toEqual({ rejected: [], records: [] });
  });
}, { open: true });
