// Capability records travel with the same sync as customers (issues 6, 7, 8): a KB article a
// supervisor writes on one desk is searchable on another and its history comes along; a work
// item's status changes and history reach every desk, and the server enforces the work-item
// state machine and the KB's editing permission; a rule that runs on two desks makes one item.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/domain/roles';
import { articleHistory, createArticle, editArticle } from '../../src-main/knowledge/article-service';
import { searchArticles } from '../../src-main/knowledge/search-service';
import { listConflicts } from '../../src-main/sync/conflict-inbox';
import { createRecord } from '../../src-main/sync/local-writes';
import { planFollowUps } from '../../src-main/workflows/follow-up-service';
import { createWorkItem, transitionWorkItem, workItemDetail } from '../../src-main/workflows/work-item-service';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { deskContext, dumpDesk, dumpServer, localIdOf, openTestDesk, type TestDesk } from './desk-harness';

describe('capability records over sync', () => {
  let server: TestServer;
  let supervisorDesk: TestDesk;
  let agentDesk: TestDesk;
  const now = () => new Date('2026-11-26T08:00:00Z');
  const ctxOf = (desk: TestDesk, userName: string, role: Role) => deskContext(desk, userName, role, now);
  const syncAll = async () => {
    for (const desk of [supervisorDesk, agentDesk, supervisorDesk]) expect(await desk.engine.syncOnce()).toBe(true);
  };

  beforeAll(async () => {
    server = await startTestServer();
    supervisorDesk = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
    agentDesk = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    await syncAll();
  }, 120_000);
  afterAll(async () => {
    await supervisorDesk?.close();
    await agentDesk?.close();
    await server?.close();
  });

  it('brings a supervisor’s article, its edits and its history to an agent’s desk, searchable there', async () => {
    const editor = ctxOf(supervisorDesk, '周主管', 'supervisor');
    const article = createArticle(editor, {
      title: '首保免费政策说明', body: '新车首保在购车后 6 个月或 5000 公里内免费,请携带保养手册。', category: 'maintenance',
      tags: ['首保'], models: [], mileage: { min: null, max: null }, ageMonths: { min: null, max: null }, status: 'published', author: '周主管',
    });
    await syncAll();
    const hits = searchArticles(agentDesk.sqlite, { query: '首保', limit: 5 });
    expect(hits.map((h) => h.slug)).toContain(article.slug);

    editArticle(editor, article.id, {
      title: '首次保养免费政策', body: '新车首保在购车后 6 个月或 5000 公里内免费。', category: 'maintenance',
      tags: ['首保'], models: [], mileage: { min: null, max: null }, ageMonths: { min: null, max: null }, status: 'published', author: '周主管',
    });
    await syncAll();
    const onAgentDesk = localIdOf(agentDesk, 'kb_articles', article.uid);
    const agent = ctxOf(agentDesk, '小李', 'agent');
    const history = articleHistory(agent, onAgentDesk);
    expect(history.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(searchArticles(agentDesk.sqlite, { query: '首次保养', limit: 5 })[0]?.id).toBe(onAgentDesk);

    // What the agent's UI refuses, the server refuses too: a direct edit comes back rejected.
    agentDesk.sqlite.prepare('UPDATE kb_articles SET title = ? WHERE uid = ?').run('坐席改的标题', article.uid);
    await syncAll();
    const [row] = await server.sql.query<{ title: string }>('SELECT title FROM kb_articles WHERE uid = $1', [article.uid]);
    expect(row.title).toBe('首次保养免费政策');
    expect(listConflicts(supervisorDesk.sqlite, {}).some((c) => c.kind === 'rejected' && c.recordUid === article.uid)).toBe(true);
  }, 120_000);

  it('moves a complaint through its states on two desks and refuses a transition the state machine forbids', async () => {
    const supervisor = ctxOf(supervisorDesk, '周主管', 'supervisor');
    const agent = ctxOf(agentDesk, '小李', 'agent');
    const id = createWorkItem(supervisor, { kind: 'complaint', title: '保养后异响', description: '客户投诉保养后发动机异响', category: 'repair' } as never)!;
    const uid = supervisorDesk.sqlite.prepare('SELECT uid FROM work_items WHERE id = ?').pluck().get(id) as string;
    await syncAll();

    transitionWorkItem(agent, { id: localIdOf(agentDesk, 'work_items', uid), action: 'assign', assignee: '小李' });
    await syncAll();
    const detail = workItemDetail(supervisor, id);
    expect(detail).toMatchObject({ status: 'assigned', owner: '小李' });
    expect(detail.history.map((h) => h.action)).toEqual(['create', 'assign']);

    // An agent may not give a manager's instruction, and nobody may close an unanswered complaint.
    agentDesk.sqlite.prepare(`UPDATE work_items SET status = 'instructed' WHERE uid = ?`).run(uid);
    await syncAll();
    agentDesk.sqlite.prepare(`UPDATE work_items SET status = 'closed' WHERE uid = ?`).run(uid);
    await syncAll();
    const [stored] = await server.sql.query<{ status: string }>('SELECT status FROM work_items WHERE uid = $1', [uid]);
    expect(stored.status).toBe('assigned');
    const rejected = listConflicts(supervisorDesk.sqlite, {}).filter((c) => c.kind === 'rejected' && c.recordUid === uid);
    expect(rejected.map((c) => c.reason).sort()).toEqual([
      expect.stringMatching(/cannot go from assigned to closed/),
      expect.stringMatching(/cannot go from assigned to instructed/),
    ]);

    transitionWorkItem(supervisor, { id, action: 'instruct', note: '请技术经理亲自回电' });
    await syncAll();
    expect(workItemDetail(agent, localIdOf(agentDesk, 'work_items', uid)).status).toBe('instructed');
  }, 120_000);

  it('makes one follow-up when the same rule runs on two desks before they sync', async () => {
    const customer = randomUUID();
    createRecord(supervisorDesk.sqlite, 'customers', customer, { number: 'C7700001', name: '吴九', customFields: '{}' }, now());
    await syncAll();
    const event = { trigger: 'delivery' as const, eventDate: '2026-11-20', eventKey: `vehicle:${randomUUID()}` };
    const fromSupervisor = planFollowUps(ctxOf(supervisorDesk, '周主管', 'supervisor'), { ...event, customerId: localIdOf(supervisorDesk, 'customers', customer) });
    const fromAgent = planFollowUps(ctxOf(agentDesk, '小李', 'agent'), { ...event, customerId: localIdOf(agentDesk, 'customers', customer) });
    expect(fromSupervisor.length).toBeGreaterThan(0);
    expect(fromAgent.length).toBe(fromSupervisor.length);
    await syncAll();
    const [{ n }] = await server.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM work_items WHERE source_key LIKE $1`, [`${event.eventKey}:%`]);
    expect(n).toBe(fromSupervisor.length);
    expect(listConflicts(supervisorDesk.sqlite, {}).filter((c) => c.entity === 'work_items' && c.kind !== 'rejected')).toEqual([]);
  }, 120_000);

  it('leaves both desks and the server holding the same capability records', async () => {
    await syncAll();
    const entities = ['kb_articles', 'kb_article_versions', 'work_items', 'work_item_history'] as const;
    const serverDump = await dumpServer(server.sql, server.dealershipId, entities);
    const desks = [dumpDesk(supervisorDesk.sqlite), dumpDesk(agentDesk.sqlite)];
    for (const entity of entities) {
      expect(Object.keys(serverDump[entity]).length).toBeGreaterThan(0);
      // The agent's rejected direct edits stay on the agent's desk only: compare the supervisor's.
      expect(desks[0][entity]).toEqual(serverDump[entity]);
    }
  }, 120_000);
});
