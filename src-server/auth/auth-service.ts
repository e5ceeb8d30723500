// Users, sign-in, sessions. Passwords are hashed with argon2id (memory-hard); five wrong
// passwords in a row lock the account for 15 minutes (both configurable). Failed sign-ins,
// lock-outs and revocations go to the audit log.
import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import { roles, type Role } from '../../src-shared/domain/roles';
import type { Sql } from '../store/sql';
import { scopeKey, scopeOf } from '../store/scope';
import { audit } from '../store/audit';
import { newSecret, sha256, signAccess, splitRefresh, verifyAccess, type AccessClaims } from './tokens';

export interface AuthConfig {
  tokenSecret: Buffer;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  /**
   * How long a session found live may be trusted without asking the database again (default
   * 1000 ms). Revocations through this service take effect at once regardless; the window only
   * bounds how late a change made elsewhere (another server process, SQL by hand) is seen.
   */
  sessionCacheMs?: number;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: string;
  userName: string;
  role: Role;
  scope: string;
}

export type AuthFailure = { ok: false; code: 'unauthorized' | 'locked' | 'token-expired' | 'disabled'; message: string };

// Told only to someone who proved to be the user (right password, genuine refresh or access
// token): the desk then wipes its local copy of the dealership's customers.
const disabledFailure: AuthFailure = { ok: false, code: 'disabled', message: 'this account has been disabled; the local customer data on this desk is erased' };

interface UserRow {
  id: number;
  dealership_id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  advisor_name: string | null;
  failed_attempts: number;
  locked_until: Date | null;
  disabled: boolean;
}

// A hash of a throwaway password, verified when the user does not exist so that timing does not
// tell an attacker which user names exist.
let dummyHash: Promise<string> | null = null;

export class AuthService {
  private readonly sessions = new LiveSessions();

  constructor(
    private readonly sql: Sql,
    private readonly config: AuthConfig,
  ) {}

  async createUser(input: { dealershipId: number; username: string; displayName?: string; password: string; role: Role; advisorName?: string | null }): Promise<number> {
    if (!roles.includes(input.role)) throw new Error(`unknown role ${input.role}`);
    const passwordHash = await hash(input.password);
    const [row] = await this.sql.query<{ id: number }>(
      `INSERT INTO users (dealership_id, username, display_name, password_hash, role, advisor_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.dealershipId, input.username, input.displayName ?? input.username, passwordHash, input.role, input.advisorName ?? null],
    );
    return row.id;
  }

  async login(username: string, password: string, deskId: string, now: Date): Promise<{ ok: true; tokens: Tokens } | AuthFailure> {
    const [user] = await this.sql.query<UserRow>('SELECT * FROM users WHERE username = $1', [username]);
    if (!user) {
      dummyHash ??= hash('not-a-user-password');
      await verify(await dummyHash, password).catch(() => false);
      return { ok: false, code: 'unauthorized', message: 'wrong user name or password' };
    }
    if (user.locked_until && user.locked_until.getTime() > now.getTime()) {
      return { ok: false, code: 'locked', message: `account locked until ${user.locked_until.toISOString()}` };
    }
    const good = await verify(user.password_hash, password).catch(() => false);
    if (good && user.disabled) {
      await audit(this.sql, { dealershipId: user.dealership_id, userId: user.id, userName: user.username, action: 'login.disabled', target: deskId });
      return disabledFailure;
    }
    if (!good) {
      const attempts = user.failed_attempts + 1;
      const lock = attempts >= this.config.lockoutAttempts;
      await this.sql.query('UPDATE users SET failed_attempts = $2, locked_until = $3 WHERE id = $1', [
        user.id,
        lock ? 0 : attempts,
        lock ? new Date(now.getTime() + this.config.lockoutMinutes * 60_000) : null,
      ]);
      await audit(this.sql, { dealershipId: user.dealership_id, userId: user.id, userName: user.username, action: lock ? 'login.locked' : 'login.failed', target: deskId });
      return lock
        ? { ok: false, code: 'locked', message: `too many failed sign-ins; locked for ${this.config.lockoutMinutes} minutes` }
        : { ok: false, code: 'unauthorized', message: 'wrong user name or password' };
    }
    if (user.failed_attempts > 0 || user.locked_until) await this.sql.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [user.id]);
    const sessionId = randomUUID();
    const secret = newSecret();
    await this.sql.query('INSERT INTO sessions (id, user_id, desk_id, refresh_hash, expires_at) VALUES ($1, $2, $3, $4, $5)', [
      sessionId, user.id, deskId, sha256(secret), new Date(now.getTime() + this.config.refreshTtlSeconds * 1000),
    ]);
    return { ok: true, tokens: this.issue(user, sessionId, secret, now) };
  }

  async refresh(refreshToken: string, now: Date): Promise<{ ok: true; tokens: Tokens } | AuthFailure> {
    const parts = splitRefresh(refreshToken);
    const fail: AuthFailure = { ok: false, code: 'unauthorized', message: 'refresh token not valid' };
    if (!parts) return fail;
    const [session] = await this.sql.query<{ id: string; user_id: number; refresh_hash: string; expires_at: Date; revoked_at: Date | null }>(
      'SELECT id, user_id, refresh_hash, expires_at, revoked_at FROM sessions WHERE id = $1',
      [parts.sessionId],
    );
    if (!session) return fail;
    const genuine = session.refresh_hash === sha256(parts.secret);
    const [user] = await this.sql.query<UserRow>('SELECT * FROM users WHERE id = $1', [session.user_id]);
    // Disabling a user also revokes their sessions; the desk holding the last token still learns why.
    if (genuine && user?.disabled) return disabledFailure;
    if (session.revoked_at || session.expires_at.getTime() <= now.getTime()) return fail;
    if (!genuine) {
      await this.revokeSession(session.id, now, 'refresh-token-reused');
      return fail;
    }
    if (!user) return fail;
    const secret = newSecret();
    const rotated = await this.sql.query('UPDATE sessions SET refresh_hash = $2 WHERE id = $1 AND refresh_hash = $3 RETURNING id', [
      session.id, sha256(secret), session.refresh_hash,
    ]);
    if (rotated.length === 0) return fail;
    return { ok: true, tokens: this.issue(user, session.id, secret, now) };
  }

  /**
   * Signature, expiry, and the session still live (a revocation takes effect at once). Every
   * desk request comes here (200 desks pulling after each poke: thousands a second), so a live
   * session is remembered for sessionCacheMs instead of costing a query each time.
   */
  async authenticate(token: string, now: Date): Promise<{ ok: true; claims: AccessClaims } | AuthFailure> {
    const checked = verifyAccess(this.config.tokenSecret, token, now);
    if (!checked.ok) return { ok: false, code: checked.code, message: checked.code === 'token-expired' ? 'access token expired' : 'not signed in' };
    const { sid, uid } = checked.claims;
    if (this.sessions.live(sid)) return checked;
    const epoch = this.sessions.epoch;
    const [session] = await this.sql.query<{ revoked_at: Date | null; disabled: boolean }>(
      'SELECT s.revoked_at, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1',
      [sid],
    );
    if (session?.disabled) return disabledFailure;
    if (!session || session.revoked_at) return { ok: false, code: 'unauthorized', message: 'session revoked' };
    // A revocation that ran while the query did may have read the session before it: then not remembered.
    if (this.sessions.epoch === epoch) this.sessions.remember(sid, uid, this.config.sessionCacheMs ?? 1000);
    return checked;
  }

  async revokeSession(sessionId: string, now: Date, reason = 'revoked'): Promise<void> {
    const rows = await this.sql.query<{ dealership_id: number; user_id: number }>(
      `UPDATE sessions s SET revoked_at = $2 FROM users u WHERE s.id = $1 AND u.id = s.user_id AND s.revoked_at IS NULL RETURNING u.dealership_id, s.user_id`,
      [sessionId, now],
    );
    this.sessions.forgetSession(sessionId);
    for (const row of rows) await audit(this.sql, { dealershipId: row.dealership_id, userId: row.user_id, action: 'session.revoked', target: sessionId, detail: { reason } });
  }

  async revokeUser(userId: number, now: Date): Promise<number> {
    const rows = await this.sql.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [userId, now]);
    // Disabling a user or changing their role revokes their sessions too: this forgets them.
    this.sessions.forgetUser(userId);
    return rows.length;
  }

  private issue(user: UserRow, sessionId: string, secret: string, now: Date): Tokens {
    const exp = Math.floor(now.getTime() / 1000) + this.config.accessTtlSeconds;
    const scope = scopeKey(scopeOf(user.role, user.advisor_name));
    const claims: AccessClaims = { sid: sessionId, uid: user.id, did: user.dealership_id, role: user.role, name: user.display_name, scope, exp };
    return {
      accessToken: signAccess(this.config.tokenSecret, claims),
      refreshToken: `${sessionId}.${secret}`,
      accessExpiresAt: new Date(exp * 1000).toISOString(),
      userName: user.display_name,
      role: user.role,
      scope,
    };
  }
}

/** Sessions recently found live, each until a deadline on the monotonic clock. */
class LiveSessions {
  private readonly entries = new Map<string, { userId: number; until: number }>();
  /** Bumped by every forget, so a check that overlapped a revocation is not remembered. */
  epoch = 0;

  live(sessionId: string): boolean {
    const entry = this.entries.get(sessionId);
    if (!entry) return false;
    if (entry.until > performance.now()) return true;
    this.entries.delete(sessionId);
    return false;
  }

  remember(sessionId: string, userId: number, ms: number): void {
    if (ms <= 0) return;
    const t = performance.now();
    if (this.entries.size >= 10_000) for (const [id, entry] of this.entries) if (entry.until <= t) this.entries.delete(id);
    this.entries.set(sessionId, { userId, until: t + ms });
  }

  forgetSession(sessionId: string): void {
    this.epoch++;
    this.entries.delete(sessionId);
  }

  forgetUser(userId: number): void {
    this.epoch++;
    for (const [id, entry] of this.entries) if (entry.userId === userId) this.entries.delete(id);
  }
}
