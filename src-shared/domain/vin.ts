// Vehicle identification numbers (ISO 3779, GB 16735): 17 characters from 0-9 and A-Z
// without I, O and Q; position 9 is a check character (weighted sum mod 11, 10 → 'X').
// GB 16735 makes the check character mandatory for vehicles sold in China.
import { toHalfWidth } from './text';

const vinLength = 17;
const checkPosition = 8;
const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const letterValues: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const vinAlphabet = /^[0-9A-HJ-NPR-Z]{17}$/;

/** Upper-case, half-width, without spaces and dashes. */
export function normalizeVin(raw: string): string {
  return toHalfWidth(raw).toUpperCase().replace(/[\s\-_.·]/g, '');
}

function charValue(c: string): number | undefined {
  return c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : letterValues[c];
}

/**
 * The check character position 9 should hold; '' when the VIN is not 17 characters of the
 * VIN alphabet (the character at position 9 itself is not looked at).
 */
export function vinCheckDigit(vin: string): string {
  const v = normalizeVin(vin);
  if (v.length !== vinLength) return '';
  let sum = 0;
  for (let i = 0; i < vinLength; i++) {
    if (i === checkPosition) continue;
    const value = charValue(v[i]);
    if (value === undefined) return '';
    sum += value * weights[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

export function isValidVin(vin: string): boolean {
  const v = normalizeVin(vin);
  return vinAlphabet.test(v) && v[checkPosition] === vinCheckDigit(v);
}

/** The VIN (normalised) with position 9 set to its check character; unchanged when it cannot have one. */
export function withCheckDigit(vin17: string): string {
  const v = normalizeVin(vin17);
  const check = vinCheckDigit(v);
  return check ? v.slice(0, checkPosition) + check + v.slice(checkPosition + 1) : v;
}
