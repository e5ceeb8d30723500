// Search against a real SQLite file: words, synonyms, the n-gram fallback, codes and units,
// ranking (title first), call context, suggestions, snippets, drafts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbArticleFields } from '../../src-shared/contract/knowledge';
import { createArticle } from './article-service';
import { searchArticles, suggestArticles } from './search-service';
import { saveSynonymGroups } from './synonym-store';
import { testContext } from './test-support';

const ctx = testContext('admin');
const ids: Record<string, number> = {};

function article(slug: string, fields: Partial<KbArticleFields> & Pick<KbArticleFields, 'title' | 'body' | 'category'>) {
  ids[slug] = createArticle(ctx, {
    tags: [],
    models: [],
    mileage: { min: null, max: null },
    ageMonths: { min: null, max: null },
    status: 'published',
    author: null,
    slug,
    ...fields,
  }).id;
}

const slugs = (query: string, options: Partial<Parameters<typeof searchArticles>[1]> = {}) =>
  searchArticles(ctx.sqlite, { query, limit: 10, ...options }).map((h) => h.slug);

beforeAll(() => {
  article('first-service', { title: '首次保养的里程和时间', body: '新车行驶5000公里或6个月做首次保养，机油机滤免费。', category: 'maintenance', mileage: { min: 0, max: 6000 } });
  article('brake-noise', { title: '刹车片异响处理', body: '刹车时尖叫多为刹车片磨损到极限，请尽快更换。', category: 'repair' });
  article('brake-mention', { title: '长途出行前检查', body: '检查轮胎、灯光、刹车和油液，刹车片厚度低于3毫米要更换。', category: 'maintenance' });
  article('p0420', { title: '故障码P0420说明', body: '三元催化器效率低，发动机故障灯常亮。', category: 'repair' });
  article('crv-recall', { title: 'CR-V 机油增多软件升级', body: '部分冬季短途用车的车辆机油液位升高，升级后改善。', category: 'repair', models: ['CR-V'] });
  article('fit-battery', { title: '飞度电瓶亏电', body: '飞度停放太久电瓶亏电，搭电后行驶半小时。', category: 'repair', models: ['飞度'] });
  article('accord-battery', { title: '雅阁电瓶亏电', body: '雅阁停放太久电瓶亏电，搭电后行驶半小时。', category: 'repair', models: ['雅阁'] });
  article('rescue', { title: '道路救援服务', body: '24小时道路救援：拖车到店、搭电、换备胎。', category: 'rescue' });
  article('insurance', { title: '车险续保流程', body: '交强险和商业险到期前30天可以办理续保。', category: 'insurance' });
  article('draft', { title: '首保草稿', body: '还没写完的首保说明。', category: 'maintenance', status: 'draft' });
});

describe('searchArticles', () => {
  it('lifts articles that fit the caller\'s car and contain the query\'s words above stronger text matches', () => {
    // 刹车片 is in the title of brake-noise and only in the body of brake-mention (maintenance).
    expect(slugs('刹车片')[0]).toBe('brake-noise');
    expect(slugs('刹车片', { context: { category: 'maintenance' } })[0]).toBe('brake-mention');
    // Without a fitting article among the hits, the text order stays.
    expect(slugs('刹车片', { context: { category: 'insurance' } })[0]).toBe('brake-noise');
  });

  it('filters by category and by model (articles for every model stay) when the search page asks', () => {
    expect(slugs('刹车片', { filter: { category: 'repair' } })).toEqual(['brake-noise']);
    const battery = slugs('电瓶亏电', { filter: { model: '雅阁 锐·混动' } });
    expect(battery).toContain('accord-battery');
    expect(battery).not.toContain('fit-battery');
    expect(slugs('救援', { filter: { model: '飞度' } })).toContain('rescue');
  });

  it('finds articles by Chinese words and ranks a title match first', () => {
    const found = slugs('刹车片');
    expect(found[0]).toBe('brake-noise');
    expect(found).toContain('brake-mention');
  });

  it('expands synonyms: 首保 finds the article that only says 首次保养', () => {
    expect(slugs('首保')).toContain('first-service');
    expect(slugs('拖车电话')[0]).toBe('rescue');
    expect(slugs('保险到期')[0]).toBe('insurance');
  });

  it('finds a typo made with a pinyin keyboard through the sound-bigram fallback', () => {
    expect(slugs('首报多少公里')[0]).toBe('first-service');
    expect(slugs('刹车一响')[0]).toBe('brake-noise');
  });

  it('matches codes and model names in any width and case, and distances in any unit', () => {
    expect(slugs('p0420')[0]).toBe('p0420');
    expect(slugs('ＣＲ－Ｖ机油')[0]).toBe('crv-recall');
    expect(slugs('crv')[0]).toBe('crv-recall');
    expect(slugs('cr')).toContain('crv-recall'); // still typing
    expect(slugs('五千公里')[0]).toBe('first-service');
    expect(slugs('5000km')[0]).toBe('first-service');
  });

  it('ranks articles for the caller’s car first during a call', () => {
    expect(slugs('电瓶亏电', { context: { model: '飞度' } })[0]).toBe('fit-battery');
    expect(slugs('电瓶亏电', { context: { model: '雅阁 锐·混动' } })[0]).toBe('accord-battery');
    const hits = searchArticles(ctx.sqlite, { query: '刹车', limit: 5, context: { category: 'maintenance' } });
    expect(hits[0].slug).toBe('brake-mention');
    expect(hits[0].fitsContext).toBe(true);
  });

  it('marks the matched words in the snippet', () => {
    const [hit] = searchArticles(ctx.sqlite, { query: '三元催化器', limit: 1 });
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toContain('三元催化器');
    expect(hit.snippet.map((p) => p.text).join('')).toContain('效率低');
  });

  it('hides drafts unless asked for them', () => {
    expect(slugs('草稿')).not.toContain('draft');
    expect(slugs('草稿', { includeUnpublished: true })).toContain('draft');
  });

  it('returns nothing for function words alone and context suggestions for an empty query', () => {
    expect(slugs('怎么办')).toEqual([]);
    expect(slugs('', { context: { category: 'rescue' } })).toEqual(['rescue']);
  });

  it('applies an edited synonym list at once', () => {
    expect(slugs('波箱')).toEqual([]);
    saveSynonymGroups(ctx, [{ kind: 'equivalent', terms: ['波箱', '刹车片'] }]);
    expect(slugs('波箱')[0]).toBe('brake-noise');
  });
});

describe('suggestArticles', () => {
  it('suggests articles for the inquiry category and the caller’s model and mileage, best fit first', () => {
    const suggestions = suggestArticles(ctx.sqlite, { category: 'maintenance', model: '飞度', mileageKm: 3000 }, 5).map((h) => h.slug);
    expect(suggestions[0]).toBe('first-service');
    expect(suggestions).toContain('fit-battery');
    expect(suggestions).not.toContain('accord-battery');
    expect(suggestions).not.toContain('draft');
  });
});
