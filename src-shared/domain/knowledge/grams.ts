// The n-gram fallback index (issue 7: "keep a character n-gram fallback so that a query the
// segmenter splits differently still finds the article"). Each run of Chinese characters
// becomes overlapping character bigrams written as sounds, e.g. 首保 → "shou_bao": a bigram
// match finds the article however jieba split either side, and because agents type with a
// pinyin IME, the commonest typo (a homophone: 首报 for 首保) still matches. Each character
// maps to one fixed syllable (its first reading), the same on both sides, so polyphones cannot
// make the index and the query disagree. Latin words and numbers pass through lower-cased.
import { pinyin } from 'pinyin-pro';

const syllables = new Map<string, string>();
const han = /\p{Script=Han}/u;

function syllableOf(ch: string): string {
  let s = syllables.get(ch);
  if (s === undefined) {
    const py = pinyin(ch, { toneType: 'none', v: true, type: 'string' }).toLowerCase();
    s = /^[a-z]+$/.test(py) ? py : `u${ch.codePointAt(0)!.toString(36)}`;
    syllables.set(ch, s);
  }
  return s;
}

/** Gram tokens of already-normalised text, in order (duplicates kept: they feed bm25's tf). */
export function gramTokens(text: string): string[] {
  const out: string[] = [];
  const runs = text.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? [];
  for (const run of runs) {
    if (!han.test(run[0])) {
      out.push(run.toLowerCase());
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) {
      out.push(syllableOf(chars[0]));
      continue;
    }
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${syllableOf(chars[i])}_${syllableOf(chars[i + 1])}`);
  }
  return out;
}
