// Customer names as pinyin search keys (customers.pinyin / pinyin_initials columns).
// Surname mode matters: as a surname 曾 reads zeng, 单 shan, 仇 qiu, 解 xie, 朴 piao.
// ü is written v, as on a pinyin keyboard (吕 → lv).
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './text';

const latinLetter = /^[a-z]$/;
const pinyinSyllable = /^[a-z]+$/;
/** Spaces between two CJK characters ("张 伟") would break polyphone and surname context. */
const spaceBetweenWide = /(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])/g;

/**
 * One lowercase syllable per Chinese character and one word per run of Latin letters,
 * in order; digits, punctuation and characters pinyin-pro does not know are dropped.
 */
export function pinyinOfChars(name: string): string[] {
  const text = toHalfWidth(name).replace(spaceBetweenWide, '').trim();
  if (!text) return [];
  const chars = Array.from(text);
  const syllables = pinyin(text, { toneType: 'none', type: 'array', surname: 'head', v: true });
  // pinyin-pro returns one entry per code point; if that ever changes, fall back to per-char calls.
  const aligned = syllables.length === chars.length ? syllables : chars.map((c) => pinyin(c, { toneType: 'none', v: true }));
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < chars.length; i++) {
    const lower = chars[i].toLowerCase();
    if (latinLetter.test(lower)) {
      word += lower;
      continue;
    }
    if (word) {
      out.push(word);
      word = '';
    }
    const syllable = aligned[i].toLowerCase();
    if (syllable !== lower && pinyinSyllable.test(syllable)) out.push(syllable);
  }
  if (word) out.push(word);
  return out;
}

/** "张三丰" → { full: "zhangsanfeng", initials: "zsf" }; "Tom Lee" → { full: "tomlee", initials: "tl" }. */
export function namePinyin(name: string): { full: string; initials: string } {
  const parts = pinyinOfChars(name);
  let full = '';
  let initials = '';
  for (const part of parts) {
    full += part;
    initials += part[0];
  }
  return { full, initials };
}
