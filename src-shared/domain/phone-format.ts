import { classifyDomestic } from './phone-classify';

const digitsOnly = /^\d+$/;

function groupLocal(local: string): string {
  return local.length === 8 ? `${local.slice(0, 4)} ${local.slice(4)}` : local.length === 7 ? `${local.slice(0, 3)} ${local.slice(3)}` : local;
}

/** Display form: "138 1234 5678", "020-1234 5678", "0571-123 4567", "400-123-4567"; other numbers as is. */
export function formatPhone(normalized: string): string {
  if (!digitsOnly.test(normalized)) return normalized;
  const c = classifyDomestic(normalized);
  const n = c.normalized;
  switch (c.kind) {
    case 'mobile':
      return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
    case 'landline':
      return c.areaCode ? `${c.areaCode}-${groupLocal(n.slice(c.areaCode.length))}` : groupLocal(n);
    case 'service':
      return n.length === 10 ? `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}` : n;
    default:
      return normalized;
  }
}

function stars(count: number): string {
  return '*'.repeat(Math.max(0, count));
}

/**
 * For roles that may not see full numbers (roles.ts seeFullPhones): "138****5678",
 * "020-****5678"; anything else keeps its first 3 and last 4 digits when at least one digit
 * would still be hidden, otherwise only the last 2.
 */
export function maskPhone(normalized: string): string {
  const c = digitsOnly.test(normalized) ? classifyDomestic(normalized) : { normalized, kind: 'other' as const };
  const n = c.normalized;
  if (c.kind === 'mobile') return `${n.slice(0, 3)}****${n.slice(7)}`;
  if (c.kind === 'landline') {
    const area = c.areaCode ?? '';
    const local = n.slice(area.length);
    return `${area ? area + '-' : ''}${stars(local.length - 4)}${local.slice(-4)}`;
  }
  const chars = Array.from(n);
  if (chars.length >= 8) return `${chars.slice(0, 3).join('')}${stars(chars.length - 7)}${chars.slice(-4).join('')}`;
  return `${stars(chars.length - 2)}${chars.slice(-2).join('')}`;
}
