// Sync endpoints (protocol: src-shared/domain/sync/protocol.ts). A desk whose sync schema is
// older than the server's minimum gets 426 desk-outdated (it keeps its outbox and asks the
// user to update); a newer one gets 409 server-outdated: a server never applies a push it
// cannot read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  PullQuerySchema, PushRequestSchema, SYNC_SCHEMA_VERSION, SnapshotBoundariesQuerySchema, SnapshotQuerySchema, schemaVersionHeader,
} from '../../src-shared/domain/sync/protocol';
import { encodedSnapshotPage, snapshotBoundaries, snapshotPageBody } from '../store/snapshot-page';
import { PushQueue } from '../store/push-queue';
import { parseScopeKey } from '../store/scope';
import { claimsOf, everyRole, type ServerContext } from './app';
import { parseOrRefuse, refuse } from './errors';
import { SharedPulls } from './pull-share';

export function checkSchema(ctx: ServerContext, version: number): void {
  if (!Number.isInteger(version) || version < ctx.minDeskSchema) {
    refuse('desk-outdated', `this desk speaks sync schema ${version}; the server needs ${ctx.minDeskSchema} or newer: update the desk`, {
      minSchemaVersion: ctx.minDeskSchema,
    });
  }
  if (version > SYNC_SCHEMA_VERSION) refuse('server-outdated', `the server speaks sync schema ${SYNC_SCHEMA_VERSION}, the desk ${version}`);
}

export function headerVersion(request: FastifyRequest): number {
  return Number(request.headers[schemaVersionHeader] ?? NaN);
}

export async function syncRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const config = { roles: everyRole };
  const pulls = new SharedPulls(ctx.sql);
  ctx.pokes.countPullsWith((dealershipId) => pulls.pulling(dealershipId));
  const pushes = new PushQueue(ctx.sql, { faults: ctx.faults, onSettled: (dealershipId) => pulls.settled(dealershipId) });
  app.post('/sync/push', { config }, async (request) => {
    const claims = claimsOf(request);
    const body = request.body as { schemaVersion?: unknown } | null;
    if (body && typeof body === 'object' && typeof body.schemaVersion === 'number') checkSchema(ctx, body.schemaVersion);
    const push = parseOrRefuse(PushRequestSchema, request.body);
    const outcome = await pushes.push({ dealershipId: claims.did, userId: claims.uid, userName: claims.name, role: claims.role }, push, ctx.now());
    if (!outcome.ok) refuse(outcome.code, outcome.message, { lastMutationId: outcome.lastMutationId });
    if (outcome.response.applied > 0) ctx.pokes.poke(claims.did, outcome.response.serverRev);
    return outcome.response;
  });
  app.get('/sync/pull', { config }, async (request, reply) => {
    checkSchema(ctx, headerVersion(request));
    const claims = claimsOf(request);
    const query = parseOrRefuse(PullQuerySchema, request.query);
    const body = await pulls.pull({ dealershipId: claims.did, deskId: query.deskId, scope: parseScopeKey(claims.scope) }, query.after, query.limit);
    return reply.type('application/json').send(body);
  });
  app.get('/sync/snapshot', { config }, async (request, reply) => {
    checkSchema(ctx, headerVersion(request));
    const claims = claimsOf(request);
    const query = parseOrRefuse(SnapshotQuerySchema, request.query);
    const page = await encodedSnapshotPage(ctx.sql, { dealershipId: claims.did, deskId: query.deskId, scope: parseScopeKey(claims.scope) }, query.entity, query.after, query.limit, query.until);
    // The rows arrive as JSON from the database (store/snapshot-page.ts): only the envelope is added.
    return reply.type('application/json').send(snapshotPageBody(page));
  });
  app.get('/sync/snapshot/boundaries', { config }, async (request) => {
    checkSchema(ctx, headerVersion(request));
    const claims = claimsOf(request);
    const query = parseOrRefuse(SnapshotBoundariesQuerySchema, request.query);
    return { boundaries: await snapshotBoundaries(ctx.sql, { dealershipId: claims.did, deskId: query.deskId, scope: parseScopeKey(claims.scope) }, query.entity, query.after, query.limit) };
  });
  app.get('/sync/events', { config, websocket: true }, (socket, request) => {
    const claims = claimsOf(request);
    ctx.pokes.add(claims.did, socket);
    socket.on('message', () => undefined);
  });
}
