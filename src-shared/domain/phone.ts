// Phone numbers as dealership data and PBXes deliver them, reduced to one digits-only key
// so that a screen-pop (caller id) finds the customer however the number was typed.
// Invariant: normalizePhone(x.normalized) returns x again (same normalized, kind, areaCode);
// phone.property.test.ts checks it. Numbers abroad keep their country code behind the
// international prefix 00 (+852 9123 4567 → 0085291234567) so they stay digits-only.
import { classifyAfterCountryCode, classifyDomestic, type ClassifiedPhone, type PhoneKind } from './phone-classify';
import { toHalfWidth } from './text';

export type { PhoneKind } from './phone-classify';
export { formatPhone, maskPhone } from './phone-format';

export interface NormalizedPhone {
  normalized: string;
  kind: PhoneKind;
  areaCode?: string;
  extension?: string;
}

const minDigits = 3;
const maxDigits = 20;
const maxExtensionDigits = 6;

const invisible = /[\u200b-\u200d\u2060\ufeff]/g;
/** URI schemes and the field labels spreadsheets carry in front of a number. */
const leadingLabel = /^(?:(?:tel|sips?|phone|mobile|mob|cell|手机号码|手机号|手机|移动电话|联系电话|电话号码|电话|座机|固话|办公电话|家庭电话)\s*[:：]?\s*)+/;
const uriParameters = /;(?!ext=)[a-z][a-z0-9-]*(?:=[^;]*)?/g;
const extension = /^(.*?)(?:\s*(?:extension|;ext=|ext\.?|x|转分机|转|分机|#|,)[:.]?)+([\d\s-]*)#?$/;
/** Separators people put between digits, including Chinese punctuation and Excel's text markers. */
const separators = /[\s\-.()/\\_:=—–‐‑―−、。·・【】〔〕[\]〈〉「」'"‘’“”]/g;
const dashes = /[-—–‐‑―−]/;

/** Digits and an optional leading '+'; null when anything else (letters, '*', …) is present. */
function compact(main: string): { plus: boolean; digits: string } | null {
  const s = main.replace(separators, '');
  if (!/^\+?\d*$/.test(s)) return null;
  return { plus: s.startsWith('+'), digits: s.replace('+', '') };
}

function classify(plus: boolean, digits: string): ClassifiedPhone | null {
  if (digits.length < minDigits || digits.length > maxDigits) return null;
  const international = plus ? digits : digits.startsWith('00') ? digits.slice(2) : null;
  if (international !== null) {
    if (international.startsWith('86')) {
      const rest = international.slice(2);
      return classifyAfterCountryCode(rest, false) ?? { normalized: '0086' + rest, kind: 'other' };
    }
    const normalized = '00' + international;
    return normalized.length > maxDigits ? null : { normalized, kind: 'other' };
  }
  const domestic = classifyDomestic(digits);
  if (domestic.kind === 'other' && digits.startsWith('86')) return classifyAfterCountryCode(digits.slice(2), true) ?? domestic;
  return domestic;
}

/** "0755-1234 5678-8001": a short last dash group after a landline/400 number is its extension. */
function dashExtension(main: string): { classified: ClassifiedPhone; extension: string } | null {
  const groups = main.split(dashes);
  if (groups.length < 2) return null;
  const last = groups[groups.length - 1].replace(separators, '');
  if (!/^\d{1,6}$/.test(last)) return null;
  const lead = compact(groups.slice(0, -1).join('-'));
  if (!lead) return null;
  const c = classify(lead.plus, lead.digits);
  if (!c || !((c.kind === 'landline' && c.areaCode) || (c.kind === 'service' && c.normalized.length === 10))) return null;
  return { classified: c, extension: last };
}

function result(c: ClassifiedPhone, ext: string): NormalizedPhone {
  const out: NormalizedPhone = { normalized: c.normalized, kind: c.kind };
  if (c.areaCode) out.areaCode = c.areaCode;
  if (ext) out.extension = ext;
  return out;
}

export function normalizePhone(raw: string): NormalizedPhone | null {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  let s = toHalfWidth(raw).replace(invisible, '').toLowerCase().trim();
  if (!/\d/.test(s)) return null;
  s = s.replace(leadingLabel, '');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  s = s.replace(uriParameters, '').trim();

  let ext = '';
  const m = extension.exec(s);
  if (m) {
    s = m[1];
    ext = m[2].replace(/\D/g, '');
    if (ext.length > maxExtensionDigits) return null;
  }

  const main = compact(s);
  if (!main) return null;
  const c = classify(main.plus, main.digits);
  if (!c) return null;
  if (c.kind === 'other' && !ext) {
    const dashed = dashExtension(s);
    if (dashed) return result(dashed.classified, dashed.extension);
  }
  return result(c, ext);
}

const listDelimiters = /([\n\r/、;；，,|])/;

/**
 * Splits a cell holding several numbers ("13812345678/13912345678", "…，020-12345678").
 * A piece with fewer than 7 digits stays glued to its neighbour (the one before, or the
 * one after when it comes first): it is an extension or an area code, not a second number.
 */
export function splitPhoneList(raw: string): string[] {
  const parts = toHalfWidth(raw).replace(/;\s*ext\s*=/gi, '\u0000').split(listDelimiters);
  const out: string[] = [];
  let carried = '';
  for (let i = 0; i < parts.length; i += 2) {
    const piece = parts[i].replace(/\u0000/g, ';ext=');
    const delimiter = i + 1 < parts.length ? parts[i + 1] : '';
    const short = piece.replace(/\D/g, '').length < 7;
    if (short && out.length > 0) out[out.length - 1] += parts[i - 1] + piece;
    else if (short) carried += piece + delimiter;
    else {
      out.push(carried + piece);
      carried = '';
    }
  }
  if (carried) out.push(carried);
  return out.map((p) => p.trim()).filter((p) => /\d/.test(p));
}
