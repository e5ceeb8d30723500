// Text helpers shared by the phone, plate, VIN and pinyin rules.

const fullWidthStart = 0xff01;
const fullWidthEnd = 0xff5e;
const fullWidthOffset = 0xfee0;
const ideographicSpace = 0x3000;

const fullWidth = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space (U+3000) to their half-width forms. */
export function toHalfWidth(s: string): string {
  if (!fullWidth.test(s)) return s; // most text: no copy (initial sync derives keys for millions of rows)
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= fullWidthStart && code <= fullWidthEnd) out += String.fromCharCode(code - fullWidthOffset);
    else if (code === ideographicSpace) out += ' ';
    else out += s[i];
  }
  return out;
}

const reversedCodes: number[] = [];

/** Reverses by code points, so characters outside the BMP stay whole. */
export function reverseString(s: string): string {
  reversedCodes.length = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const low = s.charCodeAt(i);
    const high = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) {
      reversedCodes.push(high, low);
      i--;
    } else reversedCodes.push(low);
  }
  // Keys are short (names, plates, VINs, phone numbers): well within apply's argument limit.
  return s.length > 4096 ? Array.from(s).reverse().join('') : String.fromCharCode(...reversedCodes);
}
