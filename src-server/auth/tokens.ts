// Access tokens: `base64url(payload).base64url(HMAC-SHA256(secret, payload))`, short-lived
// (15 minutes by default). They are checked against their session on every request as well,
// so a revoked session or a disabled user is refused at once, not at expiry.
// Refresh tokens: `<sessionId>.<secret>`; the server keeps sha256(secret) and rotates it on
// every refresh. Presenting an already-rotated secret means the token was copied: the session
// is revoked.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../src-shared/domain/roles';

export interface AccessClaims {
  sid: string;
  uid: number;
  did: number;
  role: Role;
  name: string;
  scope: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

export function signAccess(secret: Buffer, claims: AccessClaims): string {
  const payload = b64(JSON.stringify(claims));
  const mac = createHmac('sha256', secret).update(payload).digest();
  return `${payload}.${b64(mac)}`;
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; code: 'unauthorized' | 'token-expired' };

export function verifyAccess(secret: Buffer, token: string, now: Date): VerifyResult {
  const dot = token.indexOf('.');
  if (dot <= 0 || token.length > 2048) return { ok: false, code: 'unauthorized' };
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(payload).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: 'unauthorized' };
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    return { ok: false, code: 'unauthorized' };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return { ok: false, code: 'token-expired' };
  return { ok: true, claims };
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function splitRefresh(token: string): { sessionId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  return { sessionId: token.slice(0, dot), secret: token.slice(dot + 1) };
}
