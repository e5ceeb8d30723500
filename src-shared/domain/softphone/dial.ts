// Turning what the agent typed or clicked into a SIP request-URI: digits only (plus * and #),
// the outbound dial prefix (e.g. 9 for an outside line) in front of external numbers, and the
// account's domain. Extensions (≤ `maxExtensionDigits`) are dialled without the prefix.
export const maxExtensionDigits = 5;

export function dialString(input: string): string {
  return input.replace(/^(?:tel|sips?):/i, '').split('@')[0].replace(/[^\d*#+]/g, '').replace(/(?!^)\+/g, '').slice(0, 32);
}

export function dialTarget(input: string, options: { prefix: string; domain: string }): string | null {
  const digits = dialString(input);
  if (!digits) return null;
  const external = digits.replace(/^\+/, '').length > maxExtensionDigits;
  const withPrefix = external && options.prefix && !digits.startsWith(options.prefix) ? options.prefix + digits : digits;
  return `sip:${withPrefix}@${options.domain}`;
}
