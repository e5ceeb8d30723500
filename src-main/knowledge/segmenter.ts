// Chinese word segmentation for the KB index and for queries: @node-rs/jieba with its default
// dictionary plus the dealership words (dealership-words.ts). Search mode (cutForSearch) also
// emits the shorter words inside long ones (刹车片 → 刹车, 刹车片), so a query for the part
// finds the whole. Text is normalised first (src-shared/domain/knowledge/normalize.ts).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { normalizeText } from '../../src-shared/domain/knowledge/normalize';
import { dealershipWords } from './dealership-words';

/** High enough that jieba keeps a dealership word whole against the general dictionary. */
const userWordFrequency = 50_000;

let instance: Jieba | null = null;

function jieba(): Jieba {
  if (!instance) {
    instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(dealershipWords.map((w) => `${w} ${userWordFrequency}`).join('\n')));
  }
  return instance;
}

const wordLike = /[\p{L}\p{N}]/u;

// HMM off: jieba's HMM invents words for unknown runs from their context ("车被划了" → 被划),
// so the same characters would split differently in an article and in a query. Without it an
// unknown run falls apart into single characters on both sides.
const hmm = false;

/** Segments normalised text into words (search mode: long words and the words inside them). */
export function segmentNormalized(normalized: string): string[] {
  if (!normalized) return [];
  return jieba()
    .cutForSearch(normalized, hmm)
    .filter((t) => wordLike.test(t))
    .map((t) => t.trim());
}

/**
 * Precise segmentation (each character once, in order) plus the extra shorter words search
 * mode would add, for indexing: the first reads back naturally in snippets.
 */
export function segmentForIndex(normalized: string): { words: string[]; subwords: string[] } {
  if (!normalized) return { words: [], subwords: [] };
  const words = jieba()
    .cut(normalized, hmm)
    .filter((t) => wordLike.test(t))
    .map((t) => t.trim());
  const subwords: string[] = [];
  for (const word of words) {
    if (Array.from(word).length < 3) continue;
    for (const part of jieba().cutForSearch(word, hmm)) if (part !== word && wordLike.test(part)) subwords.push(part);
  }
  return { words, subwords };
}

export function segment(text: string): string[] {
  return segmentNormalized(normalizeText(text));
}

/** Space-joined tokens as stored in kb_fts. */
export function indexText(text: string): string {
  return segment(text).join(' ');
}
