// Administration and audited reads. Role changes, new users, revocations, unmasked phone views
// and exports reported by desks all land in audit_log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roles } from '../../src-shared/domain/roles';
import { audit } from '../store/audit';
import { claimsOf, type ServerContext } from './app';
import { parseOrRefuse, refuse } from './errors';

const NewUserSchema = z.strictObject({
  username: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.@-]+$/),
  displayName: z.string().min(1).max(64).optional(),
  password: z.string().min(8).max(256),
  role: z.enum(roles),
  advisorName: z.string().min(1).max(64).nullable().optional(),
});
const UserPatchSchema = z.strictObject({
  role: z.enum(roles).optional(),
  advisorName: z.string().min(1).max(64).nullable().optional(),
  disabled: z.boolean().optional(),
});
const ExportReportSchema = z.strictObject({ what: z.string().min(1).max(200), rows: z.number().int().min(0), deskId: z.string().max(64) });

export async function adminRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post('/admin/users', { config: { roles: ['admin'] } }, async (request) => {
    const claims = claimsOf(request);
    const body = parseOrRefuse(NewUserSchema, request.body);
    const [taken] = await ctx.sql.query('SELECT 1 FROM users WHERE username = $1', [body.username]);
    if (taken) refuse('invalid-input', 'user name taken');
    const id = await ctx.auth.createUser({ dealershipId: claims.did, ...body });
    await audit(ctx.sql, { dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'permission.user-created', target: body.username, detail: { role: body.role, advisorName: body.advisorName ?? null } });
    return { id };
  });
  app.patch('/admin/users/:username', { config: { roles: ['admin'] } }, async (request) => {
    const claims = claimsOf(request);
    const { username } = request.params as { username: string };
    const patch = parseOrRefuse(UserPatchSchema, request.body);
    const [user] = await ctx.sql.query<{ id: number; role: string; advisor_name: string | null; disabled: boolean }>(
      'SELECT id, role, advisor_name, disabled FROM users WHERE username = $1 AND dealership_id = $2',
      [username, claims.did],
    );
    if (!user) refuse('not-found', 'no such user');
    await ctx.sql.query('UPDATE users SET role = $2, advisor_name = $3, disabled = $4 WHERE id = $1', [
      user.id, patch.role ?? user.role, patch.advisorName === undefined ? user.advisor_name : patch.advisorName, patch.disabled ?? user.disabled,
    ]);
    // New permissions take effect at once: the user's sessions end and the next sign-in carries them.
    const revoked = await ctx.auth.revokeUser(user.id, ctx.now());
    await audit(ctx.sql, { dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'permission.changed', target: username, detail: { before: { role: user.role, advisorName: user.advisor_name, disabled: user.disabled }, after: patch, sessionsRevoked: revoked } });
    return { ok: true, sessionsRevoked: revoked };
  });
  app.post('/admin/users/:username/revoke', { config: { roles: ['admin'] } }, async (request) => {
    const claims = claimsOf(request);
    const { username } = request.params as { username: string };
    const [user] = await ctx.sql.query<{ id: number }>('SELECT id FROM users WHERE username = $1 AND dealership_id = $2', [username, claims.did]);
    if (!user) refuse('not-found', 'no such user');
    const revoked = await ctx.auth.revokeUser(user.id, ctx.now());
    await audit(ctx.sql, { dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'session.revoked', target: username, detail: { sessions: revoked } });
    return { ok: true, sessionsRevoked: revoked };
  });
  app.get('/admin/audit', { config: { roles: ['admin'] } }, async (request) => {
    const claims = claimsOf(request);
    const { limit } = parseOrRefuse(z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }), request.query);
    return ctx.sql.query('SELECT id, at, user_name, action, target, detail FROM audit_log WHERE dealership_id = $1 ORDER BY id DESC LIMIT $2', [claims.did, limit]);
  });
  app.get('/admin/desks', { config: { roles: ['admin', 'supervisor'] } }, async (request) => {
    const claims = claimsOf(request);
    const [dealership] = await ctx.sql.query<{ rev: number }>('SELECT rev FROM dealerships WHERE id = $1', [claims.did]);
    const desks = await ctx.sql.query('SELECT id, last_mutation_id, schema_version, last_seen_at FROM desks WHERE dealership_id = $1 ORDER BY last_seen_at DESC', [claims.did]);
    return { serverRev: dealership.rev, desks, connected: ctx.pokes.connected() };
  });
  // The full numbers of a customer: only roles that may see them, and every view is audited.
  app.get('/customers/:uid/phones', { config: { roles: ['supervisor', 'admin'] } }, async (request) => {
    const claims = claimsOf(request);
    const { uid } = request.params as { uid: string };
    const phones = await ctx.sql.query('SELECT uid, kind, raw, normalized FROM phones WHERE dealership_id = $1 AND customer_uid = $2 AND NOT deleted', [claims.did, uid]);
    await audit(ctx.sql, { dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'phone.unmasked', target: uid, detail: { phones: phones.length } });
    return { phones };
  });
  // Exports run on the desk (its cache); the desk reports each one, and only roles that may export can.
  app.post('/audit/exports', { config: { roles: ['supervisor', 'admin'] }, bodyLimit: 4096 }, async (request) => {
    const claims = claimsOf(request);
    const body = parseOrRefuse(ExportReportSchema, request.body);
    await audit(ctx.sql, { dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'export', target: body.what, detail: { rows: body.rows, deskId: body.deskId } });
    return { ok: true };
  });
}
