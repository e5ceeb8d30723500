// The folder format a dealership keeps its KB in (issue 7): one Markdown file per article with
// YAML front matter. Keys we understand are parsed into ArticleFields; any other key is kept
// verbatim in `extra` so an export writes it back. Mileage is in km, vehicle age in months.
//
// ---
// title: 首保是多少公里？
// category: maintenance        # code or Chinese label (保养)
// tags: [首保, 免费保养]
// models: [雅阁, 凌派]           # empty or absent = every model
// mileage: {min: 3000, max: 5000}
// ageMonths: {max: 6}
// status: published
// author: 客服中心
// attachments: [首保项目表.pdf] # paths relative to the Markdown file
// ---
import { Document, isCollection, parseDocument } from 'yaml';
import { kbCategories, kbStatuses, parseKbCategory, type KbCategory, type KbStatus } from './categories';

export interface NumberRange {
  min: number | null;
  max: number | null;
}

/** Everything an edit may set; the rest (id, uid, version, timestamps) the repository owns. */
export interface ArticleContent {
  title: string;
  body: string;
  category: KbCategory;
  tags: string[];
  models: string[];
  mileage: NumberRange;
  ageMonths: NumberRange;
  status: KbStatus;
  author: string | null;
}

/** An article as a Markdown file with front matter: its content plus attachments and unknown keys. */
export interface ArticleFields extends ArticleContent {
  attachments: string[];
  /** Front-matter keys this version does not know, kept for the round trip. */
  extra: Record<string, unknown>;
}

export type FrontMatterResult = { ok: true; fields: ArticleFields } | { ok: false; reason: string };

const known = new Set(['title', 'category', 'tags', 'models', 'mileage', 'ageMonths', 'status', 'author', 'attachments']);
const fence = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function stringList(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.map((v) => String(v).trim()).filter(Boolean);
  return null;
}

function range(value: unknown): NumberRange | null {
  if (value === undefined || value === null) return { min: null, max: null };
  if (Array.isArray(value) && value.length === 2) return range({ min: value[0], max: value[1] });
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const num = (x: unknown) => (x === undefined || x === null ? null : typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : NaN);
  const min = num(v.min);
  const max = num(v.max);
  if (Number.isNaN(min) || Number.isNaN(max)) return null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max };
}

export function parseArticleFile(text: string): FrontMatterResult {
  const source = text.replace(/^\uFEFF/, '');
  const match = fence.exec(source);
  if (!match) return { ok: false, reason: 'no YAML front matter (--- … ---) at the top' };
  const doc = parseDocument(match[1]);
  if (doc.errors.length) return { ok: false, reason: `YAML: ${doc.errors[0].message.split('\n')[0]}` };
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, reason: 'front matter is not a mapping' };
  const title = typeof data.title === 'string' || typeof data.title === 'number' ? String(data.title).trim() : '';
  if (!title) return { ok: false, reason: 'title is missing' };
  const category = typeof data.category === 'string' ? parseKbCategory(data.category) : null;
  if (!category) return { ok: false, reason: `category must be one of ${kbCategories.join(', ')}` };
  const status = data.status === undefined ? 'published' : data.status;
  if (typeof status !== 'string' || !(kbStatuses as readonly string[]).includes(status)) return { ok: false, reason: `status must be one of ${kbStatuses.join(', ')}` };
  const tags = stringList(data.tags);
  const models = stringList(data.models);
  const attachments = stringList(data.attachments);
  if (!tags || !models || !attachments) return { ok: false, reason: 'tags, models and attachments must be lists of text' };
  const mileage = range(data.mileage);
  const ageMonths = range(data.ageMonths);
  if (!mileage || !ageMonths) return { ok: false, reason: 'mileage and ageMonths must be {min, max} with non-negative numbers, min ≤ max' };
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!known.has(key)) extra[key] = value;
  return {
    ok: true,
    fields: {
      title,
      body: source.slice(match[0].length).replace(/^\r?\n/, ''),
      category,
      tags,
      models,
      mileage,
      ageMonths,
      status: status as KbStatus,
      author: typeof data.author === 'string' && data.author.trim() ? data.author.trim() : null,
      attachments,
      extra,
    },
  };
}

function rangeValue(r: NumberRange): Record<string, number> | undefined {
  if (r.min === null && r.max === null) return undefined;
  const out: Record<string, number> = {};
  if (r.min !== null) out.min = r.min;
  if (r.max !== null) out.max = r.max;
  return out;
}

/** Canonical form written by export; parseArticleFile(formatArticleFile(f)) gives f back. */
export function formatArticleFile(fields: ArticleFields): string {
  const data: Record<string, unknown> = { title: fields.title, category: fields.category };
  if (fields.tags.length) data.tags = fields.tags;
  if (fields.models.length) data.models = fields.models;
  const mileage = rangeValue(fields.mileage);
  if (mileage) data.mileage = mileage;
  const age = rangeValue(fields.ageMonths);
  if (age) data.ageMonths = age;
  data.status = fields.status;
  if (fields.author) data.author = fields.author;
  if (fields.attachments.length) data.attachments = fields.attachments;
  Object.assign(data, fields.extra);
  // Block mapping at the top, short flow lists and ranges inside: `tags: [首保, 免费保养]`.
  const doc = new Document(data);
  if (isCollection(doc.contents)) {
    for (const item of (doc.contents as { items: { value: unknown }[] }).items) {
      if (isCollection(item.value)) item.value.flow = true;
    }
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const body = fields.body.endsWith('\n') ? fields.body : `${fields.body}\n`;
  return `---\n${yaml.trimEnd()}\n---\n\n${body}`;
}
