// A desk whose write the server refuses gets the server's version back (issue 6): an agent's
// direct KB edit, create and delete (mayWrite, src-server/store/validate.ts), also when the
// push's answer was lost and the retry is skipped; the reason stays in the conflict inbox.
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteArticle } from '../../src-main/knowledge/article-repository';
import { createArticle } from '../../src-main/knowledge/article-service';
import { listConflicts } from '../../src-main/sync/conflict-inbox';
import type { WorkflowContext } from '../../src-main/workflows/context';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk, type TestDesk } from './desk-harness';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

describe('a desk restores what the server refused', () => {
  let server: TestServer;
  let proxy: FaultProxy;
  let agent: TestDesk;
  let supervisor: TestDesk;
  let articleUid: string;
  const now = new Date('2026-11-26T08:00:00Z');

  const context = (desk: TestDesk): WorkflowContext => ({
    sqlite: desk.sqlite, dataDir: desk.dir, session: { userName: 'super1', role: 'supervisor', locale: 'zh-CN' }, now: () => now, emit: () => undefined,
    log: { info: () => undefined, error: () => undefined },
  });
  const article = (sqlite: Database.Database, uid: string) => sqlite.prepare('SELECT id, title, body FROM kb_articles WHERE uid = ?').get(uid) as { id: number; title: string; body: string } | undefined;
  const versions = (sqlite: Database.Database, uid: string) =>
    sqlite.prepare('SELECT count(*) FROM kb_article_versions v JOIN kb_articles a ON a.id = v.article_id WHERE a.uid = ?').pluck().get(uid) as number;
  const pending = (sqlite: Database.Database) => sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;

  beforeAll(async () => {
    server = await startTestServer();
    proxy = await startFaultProxy(() => server.url);
    agent = openTestDesk({ serverUrl: proxy.url, username: 'agent1', password: testPassword });
    supervisor = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
    const id = createArticle(context(supervisor), {
      title: '首保免费政策', body: '购车后 6 个月或 5000 公里内首保免费。', category: 'maintenance', tags: ['首保'], models: [],
      mileage: { min: null, max: null }, ageMonths: { min: null, max: null }, status: 'published', author: null,
    }).id;
    articleUid = supervisor.sqlite.prepare('SELECT uid FROM kb_articles WHERE id = ?').pluck().get(id) as string;
    expect(await supervisor.engine.syncOnce()).toBe(true);
    expect(await agent.engine.syncOnce()).toBe(true);
    expect(article(agent.sqlite, articleUid)?.title).toBe('首保免费政策');
  }, 120_000);
  afterAll(async () => {
    await agent?.close();
    await supervisor?.close();
    await proxy?.close();
    await server?.close();
  });

  it('undoes a refused edit and keeps the reason in the inbox', async () => {
    agent.sqlite.prepare(`UPDATE kb_articles SET title = '被改的标题' WHERE uid = ?`).run(articleUid);
    expect(pending(agent.sqlite)).toBe(1);
    expect(await agent.engine.syncOnce()).toBe(true);
    expect(article(agent.sqlite, articleUid)?.title).toBe('首保免费政策');
    expect(pending(agent.sqlite)).toBe(0);
    const rejected = listConflicts(agent.sqlite, {}).filter((c) => c.kind === 'rejected' && c.recordUid === articleUid);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toContain('may not change kb_articles');
  });

  it('removes a refused create (the server has no such article)', async () => {
    const uid = randomUUID();
    agent.sqlite
      .prepare(`INSERT INTO kb_articles (uid, slug, title, body, category, status) VALUES (?, 'direct/one', '直接写入', '正文', 'policy', 'published')`)
      .run(uid);
    expect(await agent.engine.syncOnce()).toBe(true);
    expect(article(agent.sqlite, uid)).toBeUndefined();
    expect(listConflicts(agent.sqlite, {}).some((c) => c.kind === 'rejected' && c.recordUid === uid)).toBe(true);
  });

  it('brings back a refused delete with its history, also when the push was answered but the answer lost', async () => {
    expect(versions(agent.sqlite, articleUid)).toBe(1);
    agent.sqlite.transaction(() => deleteArticle(agent.sqlite, article(agent.sqlite, articleUid)!.id))();
    expect(article(agent.sqlite, articleUid)).toBeUndefined();
    proxy.queue = ['drop-response']; // the server applies (rejects) the push; the desk never hears
    expect(await agent.engine.syncOnce()).toBe(false);
    await proxy.settle();
    expect(article(agent.sqlite, articleUid)).toBeUndefined();
    expect(await agent.engine.syncOnce()).toBe(true); // the retry is skipped: the desk asks what was rejected
    expect(article(agent.sqlite, articleUid)?.title).toBe('首保免费政策');
    expect(versions(agent.sqlite, articleUid)).toBe(1);
    expect(pending(agent.sqlite)).toBe(0);
    expect(await supervisor.engine.syncOnce()).toBe(true);
    const serverDump = await dumpServer(server.sql, server.dealershipId);
    expect(dumpDesk(agent.sqlite)).toEqual(serverDump);
    expect(dumpDesk(supervisor.sqlite)).toEqual(serverDump);
  });
});
