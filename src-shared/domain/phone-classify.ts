// Mainland China numbering plan, digits only, after prefixes and extensions are gone.
// Area codes: 010 and 02x are three digits with 8-digit local numbers; every other area
// code is four digits (03xx–09xx) with 7- or 8-digit local numbers. A local number dialled
// alone starts with 2–9 (0 is the trunk prefix, 1 starts mobiles and short numbers); behind
// an area code a leading 1 is accepted too, as in the 020-1234 5678 of forms and test data.

export type PhoneKind = 'mobile' | 'landline' | 'service' | 'other';

export interface ClassifiedPhone {
  normalized: string;
  kind: PhoneKind;
  areaCode?: string;
}

const mobile = /^1[3-9]\d{9}$/;
/** PBXes dial out with the trunk 0 in front of mobiles: 013812345678. */
const trunkMobile = /^01[3-9]\d{9}$/;
const tollFree = /^[48]00\d{7}$/;
const shortAreaLandline = /^(010|02\d)([1-9]\d{7})$/;
const longAreaLandline = /^(0[3-9]\d{2})([1-9]\d{6,7})$/;
const localLandline = /^[2-9]\d{6,7}$/;
/** 95xxx/96xxx enterprise and public-service numbers (95588, 95533x, 96196…). */
const enterpriseShort = /^9[56]\d{3,4}$/;
/** Carrier and government short numbers: 110, 114, 119, 120, 122, 10086, 12345, 12315. */
const carrierShort = /^1\d{2,4}$/;

export function classifyDomestic(digits: string): ClassifiedPhone {
  if (mobile.test(digits)) return { normalized: digits, kind: 'mobile' };
  if (trunkMobile.test(digits)) return { normalized: digits.slice(1), kind: 'mobile' };
  if (tollFree.test(digits)) return { normalized: digits, kind: 'service' };
  const area = shortAreaLandline.exec(digits) ?? longAreaLandline.exec(digits);
  if (area) return { normalized: digits, kind: 'landline', areaCode: area[1] };
  if (localLandline.test(digits)) return { normalized: digits, kind: 'landline' };
  if (enterpriseShort.test(digits) || carrierShort.test(digits)) return { normalized: digits, kind: 'service' };
  return { normalized: digits, kind: 'other' };
}

/** A number complete enough that a bare "86" in front of it must be the country code. */
export function isFullNationalNumber(c: ClassifiedPhone): boolean {
  return c.kind === 'mobile' || (c.kind === 'landline' && c.areaCode !== undefined) || (c.kind === 'service' && c.normalized.length === 10);
}

/** What follows +86 / 0086 / 86: the trunk 0 of a landline is dropped after a country code. */
export function classifyAfterCountryCode(rest: string, fullOnly: boolean): ClassifiedPhone | null {
  const direct = classifyDomestic(rest);
  if (direct.kind !== 'other' && (!fullOnly || isFullNationalNumber(direct))) return direct;
  if (!rest.startsWith('0')) {
    const withTrunk = classifyDomestic('0' + rest);
    if (withTrunk.kind === 'landline' && withTrunk.areaCode) return withTrunk;
  }
  return null;
}
