import type { FastifyInstance } from 'fastify';
import { LoginRequestSchema, RefreshRequestSchema } from '../../src-shared/domain/sync/protocol';
import { claimsOf, everyRole, type ServerContext } from './app';
import { parseOrRefuse, refuse } from './errors';

export async function authRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.post('/auth/login', { config: { roles: 'public' }, bodyLimit: 4096 }, async (request) => {
    const body = parseOrRefuse(LoginRequestSchema, request.body);
    const result = await ctx.auth.login(body.username, body.password, body.deskId, ctx.now());
    if (!result.ok) refuse(result.code === 'locked' || result.code === 'disabled' ? result.code : 'unauthorized', result.message);
    return result.tokens;
  });
  app.post('/auth/refresh', { config: { roles: 'public' }, bodyLimit: 4096 }, async (request) => {
    const body = parseOrRefuse(RefreshRequestSchema, request.body);
    const result = await ctx.auth.refresh(body.refreshToken, ctx.now());
    if (!result.ok) refuse(result.code === 'disabled' ? 'disabled' : 'unauthorized', result.message);
    return result.tokens;
  });
  app.post('/auth/logout', { config: { roles: everyRole } }, async (request) => {
    await ctx.auth.revokeSession(claimsOf(request).sid, ctx.now(), 'logout');
    return { ok: true };
  });
}
