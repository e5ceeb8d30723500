// Sync endpoints (protocol: src-shared/domain/sync/protocol.ts). A desk whose sync schema is
// older than the server's minimum gets 426 desk-outdated (it keeps its outbox and asks the
// user to update); a newer one gets 409 server-outdated: a server never applies a push it
// cannot read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PullQuerySchema, PushRequestSchema, SYNC_SCHEMA_VERSION, SnapshotQuerySchema, schemaVersionHeader,
} from '../../src-shared/domain/sync/protocol';
import { pullChanges, snapshotPage } from '../store/pull';
import { applyPush } from '../store/push';
import { parseScopeKey } from '../store/scope';
import { claimsOf, everyRole, type ServerContext } from './app';
import { parseOrRefuse, refuse } from './errors';

function checkSchema(ctx: ServerContext, version: number): void {
  if (!Number.isInteger(version) || version < ctx.minDeskSchema) {
    refuse('desk-outdated', `this desk speaks sync schema ${version}; the server needs ${ctx.minDeskSchema} or newer: update the desk`, {
      minSchemaVersion: ctx.minDeskSchema,
    });
  }
  if (version > SYNC_SCHEMA_VERSION) refuse('server-outdated', `the server speaks sync schema ${SYNC_SCHEMA_VERSION}, the desk ${version}`);
}

function headerVersion(request: FastifyRequest): number {
  return Number(request.headers[schemaVersionHeader] ?? NaN);
}

export async function syncRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const config = { roles: everyRole };
  app.post('/sync/push', { config }, async (request) => {
    const claims = claimsOf(request);
    const body = request.body as { schemaVersion?: unknown } | null;
    if (body && typeof body === 'object' && typeof body.schemaVersion === 'number') checkSchema(ctx, body.schemaVersion);
    const push = parseOrRefuse(PushRequestSchema, request.body);
    const outcome = await applyPush(
      ctx.sql,
      { dealershipId: claims.did, userId: claims.uid, userName: claims.name, role: claims.role },
      push,
      ctx.now(),
      ctx.faults,
    );
    if (!outcome.ok) refuse(outcome.code, outcome.message, { lastMutationId: outcome.lastMutationId });
    if (outcome.response.applied > 0) ctx.pokes.poke(claims.did, outcome.response.serverRev);
    return outcome.response;
  });
  app.get('/sync/pull', { config }, async (request) => {
    checkSchema(ctx, headerVersion(request));
    const claims = claimsOf(request);
    const query = parseOrRefuse(PullQuerySchema, request.query);
    return pullChanges(ctx.sql, { dealershipId: claims.did, deskId: query.deskId, scope: parseScopeKey(claims.scope) }, query.after, query.limit);
  });
  app.get('/sync/snapshot', { config }, async (request, reply) => {
    checkSchema(ctx, headerVersion(request));
    const claims = claimsOf(request);
    const query = parseOrRefuse(SnapshotQuerySchema, request.query);
    const page = await snapshotPage(ctx.sql, { dealershipId: claims.did, deskId: query.deskId, scope: parseScopeKey(claims.scope) }, query.entity, query.after, query.limit);
    // Serialised by hand: Fastify's generic path would walk 10,000 tuples twice.
    return reply.type('application/json').send(JSON.stringify(page));
  });
  app.get('/sync/events', { config, websocket: true }, (socket, request) => {
    const claims = claimsOf(request);
    ctx.pokes.add(claims.did, socket);
    socket.on('message', () => undefined);
  });
}
