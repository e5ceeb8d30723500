// Text normalisation applied identically to indexed text and to queries, so that what an
// agent types matches however the article spells it: full-width and half-width forms (NFKC),
// Latin model names and codes with inner punctuation ("CR-V" = "CRV" = "cr v" is not joined,
// only "-", "_", ":" and "·" between letters/digits are), and distances with units
// ("5000公里" = "5千公里" = "五千公里" = "5000km" → "5000 km"). Case is left alone: the FTS5
// unicode61 tokenizer folds ASCII case, and snippets keep the article's spelling.

const chineseDigits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const chineseUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals as written before a unit: 五千 → 5000, 两万 → 20000, 三万五千 → 35000; null if not a numeral. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in chineseDigits) {
      digit = chineseDigits[ch];
    } else if (ch in chineseUnits) {
      section += (digit < 0 ? 1 : digit) * chineseUnits[ch];
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10_000;
      section = 0;
      digit = -1;
    } else return null;
  }
  return total + section + Math.max(digit, 0);
}

const kmUnit = '(?:公里|千米|km|kms|KM|Km|kM)';
const latinNumber = /(\d+(?:\.\d+)?)\s*(万|千|w|W|k|K)?\s*(?=公里|千米|km|kms|KM|Km|kM)/g;
const chineseNumber = /([零〇一二两三四五六七八九十百千万]+)(?=公里|千米)/g;
const unitWord = new RegExp(`(\\d)\\s*${kmUnit}(?![a-zA-Z])`, 'g');
const chineseKm = /公里|千米/g;
const multipliers: Record<string, number> = { 万: 10_000, w: 10_000, W: 10_000, 千: 1000, k: 1000, K: 1000 };
const codeJoiner = /(?<=[A-Za-z0-9])[-_:·•‧](?=[A-Za-z0-9])/g;

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

export function normalizeText(input: string): string {
  let s = input.normalize('NFKC');
  s = s.replace(codeJoiner, '');
  s = s.replace(latinNumber, (_m, num: string, mult: string | undefined) => formatNumber(Number(num) * (mult ? multipliers[mult] : 1)));
  s = s.replace(chineseNumber, (m, num: string) => {
    const n = parseChineseNumber(num);
    return n === null ? m : String(n);
  });
  s = s.replace(unitWord, '$1 km');
  // 里程多少公里 / 每隔几千公里: the unit alone still means km.
  s = s.replace(chineseKm, ' km ');
  return s;
}

/** Key for comparing car model names: "雅阁 锐·混动" → "雅阁锐混动", "ZR-V" → "zrv". */
export function modelKey(model: string): string {
  return model
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_:·•‧.()（）]/g, '');
}
