// Text helpers shared by the phone, plate, VIN and pinyin rules.

const fullWidthStart = 0xff01;
const fullWidthEnd = 0xff5e;
const fullWidthOffset = 0xfee0;
const ideographicSpace = 0x3000;

/** Full-width ASCII (U+FF01–FF5E) and the ideographic space (U+3000) to their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= fullWidthStart && code <= fullWidthEnd) out += String.fromCharCode(code - fullWidthOffset);
    else if (code === ideographicSpace) out += ' ';
    else out += s[i];
  }
  return out;
}

/** Reverses by code points, so characters outside the BMP stay whole. */
export function reverseString(s: string): string {
  return Array.from(s).reverse().join('');
}
