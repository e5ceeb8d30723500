import { describe, expect, it } from 'vitest';
import { formatArticleFile, parseArticleFile, type ArticleFields } from './front-matter';

const fields: ArticleFields = {
  title: '首保: 多少公里？',
  body: '首保在 **5000公里** 做。\n\n- 带保养手册\n',
  category: 'maintenance',
  tags: ['首保', '免费保养'],
  models: ['雅阁', '致在 ZR-V'],
  mileage: { min: 0, max: 5000 },
  ageMonths: { min: null, max: 6 },
  status: 'published',
  author: '客服中心',
  attachments: ['首保项目表.pdf'],
  extra: { owner: '售后部', reviewed: true },
};

describe('article files with YAML front matter', () => {
  it('round-trips the canonical form', () => {
    const text = formatArticleFile(fields);
    const parsed = parseArticleFile(text);
    expect(parsed).toEqual({ ok: true, fields });
    if (parsed.ok) expect(formatArticleFile(parsed.fields)).toBe(text);
  });

  it('reads hand-written files: Chinese category labels, comma lists, defaults', () => {
    const parsed = parseArticleFile('\uFEFF---\ntitle: 年审\ncategory: 制度\ntags: 年审, 年检\n---\n正文');
    expect(parsed.ok && parsed.fields).toMatchObject({ title: '年审', category: 'policy', tags: ['年审', '年检'], status: 'published', models: [], body: '正文' });
  });

  it('explains what is wrong with a bad file', () => {
    expect(parseArticleFile('no front matter')).toEqual({ ok: false, reason: expect.stringContaining('front matter') });
    expect(parseArticleFile('---\ncategory: maintenance\n---\nx')).toEqual({ ok: false, reason: 'title is missing' });
    expect(parseArticleFile('---\ntitle: t\ncategory: cooking\n---\nx')).toEqual({ ok: false, reason: expect.stringContaining('category') });
    expect(parseArticleFile('---\ntitle: t\ncategory: repair\nmileage: {min: 9000, max: 10}\n---\nx')).toEqual({ ok: false, reason: expect.stringContaining('mileage') });
    expect(parseArticleFile('---\ntitle: [unclosed\n---\nx').ok).toBe(false);
  });
});
