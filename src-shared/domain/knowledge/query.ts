// Builds the FTS5 MATCH expressions for a search. A query is a handful of words an agent typed;
// articles rarely contain all of them ("首保多少公里": the article says 首保 and 5000 km, never
// 多少), so words are OR-ed and bm25 ranks articles that match more and rarer words higher.
// Synonyms go into a second expression, scored separately at a lower weight: FTS5's bm25 sums
// over every phrase of a query, so OR-ing a word with five synonyms in one expression would
// reward articles that merely mention many of them over the one about the word itself.
// Function words agents type ("咋办", "多少", "请问") are dropped: they match everything and
// only cost time.
import type { SynonymIndex } from './synonyms';

export const queryStopWords = new Set([
  '的', '了', '吗', '呢', '啊', '吧', '呀', '嘛', '么', '哦', '喔', '哈', '是', '在', '和', '与', '及', '或', '还', '就', '也', '都', '要', '能', '会',
  '我', '你', '他', '她', '它', '我们', '您', '咱', '这', '那', '这个', '那个', '有', '没', '没有', '个', '一下', '一个', '怎么', '怎么办', '怎样', '怎么样',
  '咋', '咋办', '咋样', '啥', '什么', '多少', '几', '哪', '哪里', '哪儿', '哪些', '如何', '可以', '能否', '需要', '请问', '请', '问', '问下', '想', '想问',
  '客户', '顾客', '车主', '说', '给', '让', '被', '把', '对', '从', '到', '等', '用', '办', '去', '来', '着', '过', '得', '地',
]);

/** One alternative of an OR: all its tokens must match (AND); `prefix` matches the last as a prefix. */
export interface Alternative {
  tokens: string[];
  prefix?: boolean;
}

export interface QueryPlanTerms {
  /** Meaningful multi-character words of the query, in order, without duplicates. */
  words: Alternative[];
  /**
   * Single Chinese characters of the query, often a real word (划, 换, 响) but as often the
   * pieces of a word the dictionary does not know (首|报), and the synonyms of the query's
   * words and of synonym terms written inside it: they count less than the words.
   */
  weaker: Alternative[];
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export function isMeaningfulToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token) && !queryStopWords.has(token.toLowerCase());
}

/**
 * Terms of a query from its normalised text and segmented tokens. `segment` splits a synonym
 * into index tokens the same way articles were split. `typing`: the last character typed is
 * Latin or a digit, so the last word may be incomplete and is matched as a prefix.
 */
export function planQuery(normalized: string, tokens: readonly string[], synonyms: SynonymIndex, segment: (text: string) => string[], typing = true): QueryPlanTerms {
  const words: Alternative[] = [];
  const weaker: Alternative[] = [];
  const seen = new Set<string>();
  const plain: string[] = [];
  for (const token of tokens) {
    const key = token.toLowerCase();
    if (!isMeaningfulToken(token) || seen.has(key)) continue;
    seen.add(key);
    plain.push(token);
    (/^\p{Script=Han}$/u.test(token) ? weaker : words).push({ tokens: [token] });
  }
  const last = words[words.length - 1];
  if (typing && last && /^[a-z0-9]+$/i.test(last.tokens[0]) && plain[plain.length - 1] === last.tokens[0]) last.prefix = true;
  const add = (term: string) => {
    const parts = segment(term).filter(isMeaningfulToken);
    const key = parts.join(' ').toLowerCase();
    if (parts.length === 0 || seen.has(key)) return;
    seen.add(key);
    weaker.push({ tokens: parts });
  };
  for (const word of plain) for (const synonym of synonyms.expand(word)) add(synonym);
  for (const term of synonyms.termsIn(normalized)) for (const synonym of synonyms.expand(term)) add(synonym);
  return { words, weaker };
}

function alternativeExpression(a: Alternative): string {
  const parts = a.tokens.map((t, i) => (a.prefix && i === a.tokens.length - 1 ? `${quote(t)}*` : quote(t)));
  return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
}

/** OR of the alternatives, optionally limited to one column; null when there are none. */
export function orExpression(alternatives: readonly Alternative[], column?: string): string | null {
  if (alternatives.length === 0) return null;
  const or = alternatives.map(alternativeExpression).join(' OR ');
  return column ? `{${column}} : (${or})` : or;
}

/** Gram alternatives: distinct gram tokens. */
export function gramAlternatives(grams: readonly string[]): Alternative[] {
  return [...new Set(grams)].map((g) => ({ tokens: [g] }));
}
