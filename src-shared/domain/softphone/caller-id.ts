// Who is calling, from an incoming INVITE's P-Asserted-Identity (RFC 3325, set by a trusted
// PBX) or, failing that, its From header. Everything here is attacker-controlled text: lengths
// are capped before any regex runs, control and bidi-override characters are removed, and the
// result is plain text for React to render (never HTML).
import { normalizePhone } from '../phone';

export interface CallerId {
  /** The user part as sent (tel: or sip: user), cleaned; '' when absent. */
  number: string;
  /** Digits-only key for the customer lookup (phone.ts); null when the user part is not a phone number. */
  normalized: string | null;
  displayName: string;
  source: 'p-asserted-identity' | 'from' | 'none';
}

export interface CallerIdInput {
  pAssertedIdentity?: readonly string[] | string | null;
  from?: string | null;
}

export const maxHeaderChars = 16_384;
export const maxDisplayNameChars = 80;
export const maxNumberChars = 40;

// C0/C1 controls, zero-width and bidi overrides (a name could otherwise flip the text around it).
const unsafeChars = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function plainText(raw: string, max: number): string {
  const cleaned = raw.slice(0, max * 4).replace(unsafeChars, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : cleaned;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Parses one name-addr / addr-spec: `"Name" <sip:user@host;p>`, `<tel:+86...>`, `sip:user@host`. */
export function parseNameAddr(header: string): { displayName: string; user: string } | null {
  const h = header.slice(0, maxHeaderChars).trim();
  if (!h) return null;
  let displayName = '';
  let rest = h;
  if (h.startsWith('"')) {
    // quoted-string with backslash escapes (RFC 3261 §25.1); an unterminated one runs to the end
    let i = 1;
    let name = '';
    while (i < h.length && h[i] !== '"') {
      if (h[i] === '\\' && i + 1 < h.length) i++;
      name += h[i++];
    }
    displayName = name;
    rest = h.slice(i + 1);
  } else {
    const lt = h.indexOf('<');
    if (lt > 0) {
      displayName = h.slice(0, lt).trim();
      rest = h.slice(lt);
    }
  }
  rest = rest.trim();
  let uri: string;
  if (rest.startsWith('<')) {
    const gt = rest.indexOf('>');
    uri = gt > 0 ? rest.slice(1, gt) : rest.slice(1);
  } else {
    uri = rest.split(';')[0];
  }
  uri = uri.trim();
  const scheme = /^(sips?|tel):/i.exec(uri);
  if (!scheme) return displayName ? { displayName, user: '' } : null;
  let user = uri.slice(scheme[0].length);
  if (scheme[1].toLowerCase() === 'tel') user = user.split(';')[0];
  else {
    const at = user.lastIndexOf('@');
    user = at >= 0 ? user.slice(0, at) : '';
    user = user.split(';')[0].split(':')[0];
  }
  return { displayName, user: safeDecode(user) };
}

function firstPai(pai: CallerIdInput['pAssertedIdentity']): string[] {
  if (!pai) return [];
  const list = typeof pai === 'string' ? [pai] : [...pai];
  // PAI may carry a sip: and a tel: identity, comma-separated or as two headers; prefer tel:.
  const parts = list.flatMap((h) => h.slice(0, maxHeaderChars).split(/,(?=\s*(?:"[^"]*"\s*)?<?\s*(?:sips?|tel):)/i));
  return parts.sort((a, b) => Number(/<?\s*tel:/i.test(b)) - Number(/<?\s*tel:/i.test(a)));
}

function candidate(header: string, source: CallerId['source']): CallerId | null {
  const parsed = parseNameAddr(header);
  if (!parsed) return null;
  const number = plainText(parsed.user, maxNumberChars);
  const normalized = normalizePhone(parsed.user.slice(0, maxNumberChars))?.normalized ?? null;
  return { number, normalized, displayName: plainText(parsed.displayName, maxDisplayNameChars), source };
}

export function extractCallerId(input: CallerIdInput): CallerId {
  const candidates = [
    ...firstPai(input.pAssertedIdentity).map((h) => candidate(h, 'p-asserted-identity')),
    input.from ? candidate(input.from, 'from') : null,
  ].filter((c): c is CallerId => c !== null);
  const chosen = candidates.find((c) => c.normalized !== null) ?? candidates.find((c) => c.number !== '') ?? candidates[0];
  if (!chosen) return { number: '', normalized: null, displayName: '', source: 'none' };
  return { ...chosen, displayName: chosen.displayName || (candidates.find((c) => c.displayName !== '')?.displayName ?? '') };
}
