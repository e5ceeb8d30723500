// Presence endpoints (protocol: src-shared/domain/presence/protocol.ts). Every desk user reports
// its own desk; only roles that may monitor agents read the board.
import type { FastifyInstance } from 'fastify';
import { PresenceQuerySchema, PresenceReportSchema } from '../../src-shared/domain/presence/protocol';
import { monitorRoles } from '../../src-shared/domain/softphone/monitor';
import { claimsOf, everyRole, type ServerContext } from '../http/app';
import { parseOrRefuse } from '../http/errors';
import { PresenceBoard } from './presence-board';

export async function presenceRoutes(app: FastifyInstance, ctx: ServerContext, board = new PresenceBoard()): Promise<void> {
  app.post('/presence', { config: { roles: everyRole } }, async (request) => {
    const claims = claimsOf(request);
    const report = parseOrRefuse(PresenceReportSchema, request.body);
    const now = ctx.now();
    board.report(claims.did, { userName: claims.name, role: claims.role }, report, now);
    return { ok: true, serverNow: now.toISOString() };
  });
  app.get('/presence', { config: { roles: monitorRoles } }, async (request) => {
    const claims = claimsOf(request);
    const query = parseOrRefuse(PresenceQuerySchema, request.query);
    if (query.after !== undefined) await board.wait(claims.did, query.after, query.waitMs);
    return board.list(claims.did, claims.role, ctx.now());
  });
  // Before the server waits for its open requests: held long polls answer at once.
  app.addHook('preClose', async () => board.closeAll());
}
