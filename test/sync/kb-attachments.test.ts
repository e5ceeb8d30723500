// KB attachments travel with sync (issue 7): a supervisor's image reaches an agent's desk as a
// row through the sync and as bytes through the server's blob store, uploaded before the row
// is pushed; the agent reads the identical bytes through the call the renderer makes.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/domain/roles';
import type { DeskContext } from '../../src-main/host/context';
import { sessionBlobServer } from '../../src-main/knowledge/attachment-blob-client';
import { AttachmentBlobs } from '../../src-main/knowledge/attachment-blobs';
import { addAttachment, attachmentPath, readAttachment } from '../../src-main/knowledge/attachment-store';
import { createArticle } from '../../src-main/knowledge/article-service';
import { knowledgeHandlers } from '../../src-main/knowledge/handlers';
import { listConflicts } from '../../src-main/sync/conflict-inbox';
import { setRecordingServerAuth } from '../../src-main/recording/server-auth';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk, type TestDesk } from './desk-harness';

describe('KB attachments over sync', () => {
  let server: TestServer;
  let supervisorDesk: TestDesk;
  let agentDesk: TestDesk;
  const blobs = new Map<TestDesk, AttachmentBlobs>();
  const blobDir = mkdtempSync(join(tmpdir(), 'dd-kb-blobs-'));
  const now = () => new Date('2026-11-26T08:00:00Z');
  const ctxOf = (desk: TestDesk, userName: string, role: Role) =>
    ({ sqlite: desk.sqlite, dataDir: desk.dir, host: 'cli', session: { userName, role, locale: 'zh-CN' }, now, emit: () => undefined, log: { info() {}, error() {} } }) as unknown as DeskContext;
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const serverHas = (hash: string) => existsSync(join(blobDir, String(server.dealershipId), hash.slice(0, 2), hash));
  const syncAll = async () => {
    for (const desk of [supervisorDesk, agentDesk, supervisorDesk]) expect(await desk.engine.syncOnce()).toBe(true);
  };
  // As src-main/sync/handlers.ts wires a desk's session: bytes go up before each push batch.
  const openDesk = (username: string) => {
    let attachments: AttachmentBlobs | null = null;
    const desk = openTestDesk({ serverUrl: server.url, username, password: testPassword, beforePush: (batch) => attachments!.beforePush(batch) });
    attachments = new AttachmentBlobs(desk.sqlite, desk.dir, sessionBlobServer({ url: server.url }, desk.engine));
    blobs.set(desk, attachments);
    setRecordingServerAuth({ sqlite: desk.sqlite }, { accessToken: (refused) => desk.engine.currentAccessToken(refused) });
    return desk;
  };
  const newArticle = (title: string) =>
    createArticle(ctxOf(supervisorDesk, '周主管', 'supervisor'), {
      title, body: `见下图:![](attachment:diagram.png)`, category: 'maintenance', tags: [], models: [], mileage: { min: null, max: null },
      ageMonths: { min: null, max: null }, status: 'published', author: '周主管',
    });
  const attachmentOn = (desk: TestDesk, uid: string) => desk.sqlite.prepare('SELECT id, sha256 FROM kb_attachments WHERE uid = ?').get(uid) as { id: number; sha256: string } | undefined;
  const uidOf = (desk: TestDesk, id: number) => desk.sqlite.prepare('SELECT uid FROM kb_attachments WHERE id = ?').pluck().get(id) as string;

  beforeAll(async () => {
    server = await startTestServer({ blobs: { dir: blobDir } });
    supervisorDesk = openDesk('super1');
    agentDesk = openDesk('agent1');
    await syncAll();
  }, 120_000);
  afterAll(async () => {
    await supervisorDesk?.close();
    await agentDesk?.close();
    await server?.close();
  });

  it('brings a supervisor’s image to an agent’s desk, identical bytes through the renderer’s call', async () => {
    const article = newArticle('保养流程图');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200_000)]);
    const info = addAttachment(ctxOf(supervisorDesk, '周主管', 'supervisor'), article.id, 'diagram.png', new Uint8Array(png));
    const uid = uidOf(supervisorDesk, info.id);
    expect(uid).toMatch(/^[0-9a-f-]{36}$/);
    await syncAll();
    expect(serverHas(sha(png))).toBe(true);

    const onAgent = attachmentOn(agentDesk, uid)!;
    expect(onAgent.sha256).toBe(sha(png));
    expect(existsSync(attachmentPath(agentDesk.dir, onAgent.sha256))).toBe(false);
    const read = await knowledgeHandlers['kb.attachment']({ id: onAgent.id }, ctxOf(agentDesk, '小李', 'agent'));
    expect(read).toMatchObject({ name: 'diagram.png', mime: 'image/png', size: png.length });
    expect(Buffer.from(read.base64, 'base64').equals(png)).toBe(true);
    expect(existsSync(attachmentPath(agentDesk.dir, onAgent.sha256))).toBe(true);
  }, 120_000);

  it('fetches missing files in the background after a pull, and replaced bytes follow their row', async () => {
    const article = newArticle('首保项目清单');
    const supervisor = ctxOf(supervisorDesk, '周主管', 'supervisor');
    const first = randomBytes(50_000);
    const info = addAttachment(supervisor, article.id, '清单.pdf', new Uint8Array(first));
    const uid = uidOf(supervisorDesk, info.id);
    await syncAll();
    expect(await blobs.get(agentDesk)!.fetchMissing()).toMatchObject({ fetched: 1, failed: 0 });
    expect(Buffer.from(readAttachment(ctxOf(agentDesk, '小李', 'agent'), attachmentOn(agentDesk, uid)!.id).bytes).equals(first)).toBe(true);

    const second = randomBytes(60_000);
    addAttachment(supervisor, article.id, '清单.pdf', new Uint8Array(second));
    expect(uidOf(supervisorDesk, info.id)).toBe(uid);
    await syncAll();
    expect(serverHas(sha(second))).toBe(true);
    await blobs.get(agentDesk)!.fetchMissing();
    const read = readAttachment(ctxOf(agentDesk, '小李', 'agent'), attachmentOn(agentDesk, uid)!.id);
    expect(read.size).toBe(second.length);
    expect(Buffer.from(read.bytes).equals(second)).toBe(true);
    // The replaced bytes are gone from the agent's disk, not only from its rows.
    expect(existsSync(attachmentPath(agentDesk.dir, sha(first)))).toBe(false);
  }, 120_000);

  it('refuses an attachment row an agent writes around the UI, and leaves desks and server alike', async () => {
    const articleId = supervisorDesk.sqlite.prepare('SELECT id FROM kb_articles ORDER BY id DESC LIMIT 1').pluck().get() as number;
    const articleUid = supervisorDesk.sqlite.prepare('SELECT uid FROM kb_articles WHERE id = ?').pluck().get(articleId) as string;
    const agentArticle = agentDesk.sqlite.prepare('SELECT id FROM kb_articles WHERE uid = ?').pluck().get(articleUid) as number;
    agentDesk.sqlite
      .prepare(`INSERT INTO kb_attachments (uid, article_id, name, mime, size, sha256) VALUES ('agent-made-1', ?, 'x.png', 'image/png', 3, ?)`)
      .run(agentArticle, sha(Buffer.from('abc')));
    const before = readdirSync(blobDir, { recursive: true }).length;
    await syncAll();
    const [row] = await server.sql.query('SELECT 1 FROM kb_attachments WHERE uid = $1', ['agent-made-1']);
    expect(row).toBeUndefined();
    expect(listConflicts(agentDesk.sqlite, {}).some((c) => c.kind === 'rejected' && c.recordUid === 'agent-made-1')).toBe(true);
    expect(readdirSync(blobDir, { recursive: true }).length).toBe(before);

    const serverDump = await dumpServer(server.sql, server.dealershipId, ['kb_attachments']);
    expect(Object.keys(serverDump.kb_attachments).length).toBe(2);
    expect(dumpDesk(supervisorDesk.sqlite).kb_attachments).toEqual(serverDump.kb_attachments);
  }, 120_000);

  it('removes an article’s attachments on every desk when the article is deleted', async () => {
    const uid = supervisorDesk.sqlite.prepare('SELECT uid FROM kb_articles ORDER BY id LIMIT 1').pluck().get() as string;
    const attached = supervisorDesk.sqlite.prepare('SELECT a.uid FROM kb_attachments a JOIN kb_articles k ON k.id = a.article_id WHERE k.uid = ?').pluck().all(uid) as string[];
    expect(attached.length).toBe(1);
    const onAgent = attachmentOn(agentDesk, attached[0])!;
    await blobs.get(agentDesk)!.fetchMissing();
    expect(existsSync(attachmentPath(agentDesk.dir, onAgent.sha256))).toBe(true);
    supervisorDesk.sqlite.prepare('DELETE FROM kb_articles WHERE uid = ?').run(uid);
    await syncAll();
    expect(attachmentOn(agentDesk, attached[0])).toBeUndefined();
    await blobs.get(agentDesk)!.fetchMissing();
    expect(existsSync(attachmentPath(agentDesk.dir, onAgent.sha256))).toBe(false);
    const [{ n }] = await server.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM kb_attachments WHERE article_uid = $1 AND NOT deleted', [uid]);
    expect(n).toBe(0);
  }, 120_000);
});
