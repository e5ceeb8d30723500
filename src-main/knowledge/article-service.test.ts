// Editing, history, diff and restore, attachments and roles, against a real SQLite file and the
// desk's contract dispatcher.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract/errors';
import type { KbArticleFields } from '../../src-shared/contract/knowledge';
import { createDesk } from '../host/desk';
import { addAttachment, attachmentPath, readAttachment, removeAttachment } from './attachment-store';
import { articleDiff, articleHistory, createArticle, editArticle, getArticle, restoreArticleVersion, setArticleStatus } from './article-service';
import { articleMessage } from './message';
import { searchArticles } from './search-service';
import { testContext } from './test-support';

const fields: KbArticleFields = {
  title: '首保须知',
  body: '首保在5000公里做。\n带保养手册。',
  category: 'maintenance',
  tags: ['首保'],
  models: [],
  mileage: { min: 0, max: 5000 },
  ageMonths: { min: null, max: null },
  status: 'published',
  author: '客服中心',
};

function forbidden(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error instanceof DeskError && error.code === 'forbidden';
  }
  return false;
}

describe('article edits', () => {
  it('keeps every version, diffs them and restores an old one as a new version', () => {
    const ctx = testContext('supervisor');
    const a = createArticle(ctx, fields);
    expect(a.version).toBe(1);
    const b = editArticle(ctx, a.id, { ...fields, title: '首保须知（新版）', body: '首保在5000公里或6个月做。\n带保养手册。\n带行驶证。' }, { note: '补充时间' });
    expect(b.version).toBe(2);
    expect(editArticle(ctx, a.id, { ...fields, title: '首保须知（新版）', body: b.body }).version).toBe(2); // no change, no version

    const diff = articleDiff(ctx, a.id, 1, 2);
    expect(diff.lines).toEqual([
      { op: 'delete', text: '首保在5000公里做。' },
      { op: 'insert', text: '首保在5000公里或6个月做。' },
      { op: 'equal', text: '带保养手册。' },
      { op: 'insert', text: '带行驶证。' },
    ]);
    expect(diff.fields).toEqual([{ field: 'title', before: '首保须知', after: '首保须知（新版）' }]);

    const restored = restoreArticleVersion(ctx, a.id, 1);
    expect(restored).toMatchObject({ version: 3, title: '首保须知', body: fields.body });
    expect(articleHistory(ctx, a.id).map((v) => [v.version, v.note])).toEqual([
      [3, 'restored version 1'],
      [2, '补充时间'],
      [1, null],
    ]);
    // The index follows the edits.
    expect(searchArticles(ctx.sqlite, { query: '行驶证', limit: 5 })).toEqual([]);
  });

  it('refuses a stale edit', () => {
    const ctx = testContext('admin');
    const a = createArticle(ctx, fields);
    editArticle(ctx, a.id, { ...fields, body: '改了' });
    expect(() => editArticle(ctx, a.id, { ...fields, body: '又改了' }, { expectedVersion: 1 })).toThrow(/version 2/);
  });

  it('lets only supervisors and admins edit, in the service itself', () => {
    const admin = testContext('admin');
    const a = createArticle(admin, fields);
    for (const role of ['agent', 'advisor', 'sales'] as const) {
      const ctx = { ...admin, session: { ...admin.session, role } };
      expect(forbidden(() => createArticle(ctx, fields))).toBe(true);
      expect(forbidden(() => editArticle(ctx, a.id, fields))).toBe(true);
      expect(forbidden(() => setArticleStatus(ctx, a.id, 'archived'))).toBe(true);
      expect(forbidden(() => restoreArticleVersion(ctx, a.id, 1))).toBe(true);
      expect(forbidden(() => addAttachment(ctx, a.id, 'a.png', new Uint8Array([1])))).toBe(true);
      expect(getArticle(ctx, a.id).title).toBe('首保须知'); // reading is for everyone
    }
  });

  it('hides drafts and archived articles from readers who may not edit', () => {
    const admin = testContext('admin');
    const a = createArticle(admin, { ...fields, status: 'draft' });
    const agent = { ...admin, session: { ...admin.session, role: 'agent' as const } };
    expect(() => getArticle(agent, a.id)).toThrow(/not found/);
    setArticleStatus(admin, a.id, 'published');
    expect(getArticle(agent, a.id).status).toBe('published');
  });
});

describe('attachments', () => {
  it('stores files in the data folder once, serves them, and puts images inline in the email', () => {
    const ctx = testContext('admin');
    const a = createArticle(ctx, { ...fields, body: '如图：\n\n![刹车片](attachment:pad.png)' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const info = addAttachment(ctx, a.id, 'pad.png', png);
    const again = createArticle(ctx, { ...fields, title: '另一篇' });
    addAttachment(ctx, again.id, 'same.png', png);
    const pdf = addAttachment(ctx, a.id, '项目表.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(info).toMatchObject({ name: 'pad.png', mime: 'image/png', size: 7 });
    expect(Buffer.from(readAttachment(ctx, info.id).bytes)).toEqual(Buffer.from(png));
    expect(() => addAttachment(ctx, a.id, 'evil.exe', new Uint8Array([1]))).toThrow(/images, PDF/);
    expect(() => addAttachment(ctx, a.id, '../x.png', new Uint8Array([1]))).toThrow(/relative/);

    const message = articleMessage(ctx, a.id, { note: '您好' });
    expect(message.attachments.map((x) => x.fileName)).toEqual(['pad.png', '项目表.pdf']);
    const cid = message.attachments[0].cid;
    expect(message.html).toContain(`src="cid:${cid}"`);
    expect(message.text).toContain('您好');

    const sha = ctx.sqlite.prepare('SELECT sha256 FROM kb_attachments WHERE id = ?').pluck().get(info.id) as string;
    expect(removeAttachment(ctx, info.id)).toBe(true);
    expect(existsSync(attachmentPath(ctx.dataDir, sha))).toBe(true); // still used by the other article
    expect(removeAttachment(ctx, pdf.id)).toBe(true);
  });
});

describe('kb.* through the contract', () => {
  it('refuses editing methods to agents and serves reads', async () => {
    const admin = testContext('admin');
    admin.sqlite.close();
    const desk = createDesk({ dataDir: admin.dataDir, host: 'browser', role: 'agent' });
    try {
      const created = await desk.dispatch('kb.create', fields);
      expect(created).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
      desk.context.session.role = 'supervisor';
      const ok = await desk.dispatch('kb.create', fields);
      expect(ok.ok).toBe(true);
      desk.context.session.role = 'agent';
      const search = await desk.dispatch('kb.search', { query: '首保' });
      expect(search).toMatchObject({ ok: true, value: { hits: [expect.objectContaining({ title: '首保须知' })] } });
      const synonyms = await desk.dispatch('kb.synonyms', {});
      expect(synonyms).toMatchObject({ ok: true, value: { groups: expect.arrayContaining([expect.objectContaining({ terms: expect.arrayContaining(['首保']) })]) } });
      expect(await desk.dispatch('kb.saveSynonyms', { groups: [] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      desk.close();
    }
  });
});
