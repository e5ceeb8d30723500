// The dealership server's HTTP(S) service. Every route declares the roles that may call it
// (config.roles); the onRequest hook refuses a missing/expired/revoked token with 401 and a
// role not listed with 403 before any handler runs: what the desk UI hides, the server
// refuses too.
import { SYNC_SCHEMA_VERSION } from '../../src-shared/domain/sync/protocol';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Role } from '../../src-shared/domain/roles';
import { AuthService, type AuthConfig } from '../auth/auth-service';
import type { AccessClaims } from '../auth/tokens';
import type { PushFaults } from '../store/push';
import type { Sql } from '../store/sql';
import { errorHandler, refuse } from './errors';
import { PokeHub } from './pokes';
import { blobRoutes } from '../blobs/routes-blobs';
import { recordingRoutes } from '../recordings/routes-recordings';
import { presenceRoutes } from '../presence/routes-presence';
import { smsReplyRoutes } from '../sms-replies/routes-sms-replies';
import { adminRoutes } from './routes-admin';
import { authRoutes } from './routes-auth';
import { syncRoutes } from './routes-sync';
import { rejectedRoutes } from './routes-rejected';

export interface ServerOptions {
  sql: Sql;
  auth: AuthConfig;
  /** Oldest desk sync schema version still served; older desks are told to update. */
  minDeskSchema?: number;
  tls?: { certPath: string; keyPath: string };
  bodyLimitBytes?: number;
  now?: () => Date;
  faults?: PushFaults;
  log?: (message: string, meta: Record<string, unknown>) => void;
  pokeWindowMs?: number;
}

export interface ServerContext {
  sql: Sql;
  auth: AuthService;
  pokes: PokeHub;
  now: () => Date;
  minDeskSchema: number;
  faults?: PushFaults;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed; 'public' for sign-in routes. */
    roles?: readonly Role[] | 'public';
  }
  interface FastifyRequest {
    claims: AccessClaims | null;
  }
}

export const everyRole: readonly Role[] = ['agent', 'advisor', 'supervisor', 'sales', 'admin'];

export function claimsOf(request: FastifyRequest): AccessClaims {
  if (!request.claims) refuse('unauthorized', 'not signed in');
  return request.claims;
}

export async function buildServer(options: ServerOptions): Promise<{ app: FastifyInstance; context: ServerContext }> {
  const https = options.tls ? { key: readFileSync(options.tls.keyPath), cert: readFileSync(options.tls.certPath) } : null;
  const app = (https
    ? Fastify({ https, bodyLimit: options.bodyLimitBytes ?? 4 * 1024 * 1024, logger: false })
    : Fastify({ bodyLimit: options.bodyLimitBytes ?? 4 * 1024 * 1024, logger: false })) as unknown as FastifyInstance;
  const log = options.log ?? ((message, meta) => console.error(`[server] ${message}`, meta));
  const context: ServerContext = {
    sql: options.sql,
    auth: new AuthService(options.sql, options.auth),
    pokes: new PokeHub(options.pokeWindowMs),
    now: options.now ?? (() => new Date()),
    // Each schema adds entities an older desk cannot parse: by default it is told to update.
    minDeskSchema: options.minDeskSchema ?? SYNC_SCHEMA_VERSION,
    faults: options.faults,
  };
  app.decorateRequest('claims', null);
  app.setErrorHandler(errorHandler(log));
  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: 'not-found', message: 'no such endpoint' }));
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  app.addHook('onRequest', async (request) => {
    const roles = request.routeOptions.config?.roles;
    if (roles === 'public') return;
    if (!roles) refuse('not-found', 'no such endpoint');
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) refuse('unauthorized', 'not signed in');
    const result = await context.auth.authenticate(header.slice(7), context.now());
    if (!result.ok) refuse(result.code === 'token-expired' || result.code === 'disabled' ? result.code : 'unauthorized', result.message);
    if (!roles.includes(result.claims.role)) refuse('forbidden', `role ${result.claims.role} may not call ${request.routeOptions.url}`);
    request.claims = result.claims;
  });
  app.get('/health', { config: { roles: 'public' } }, async () => ({ ok: true }));
  await app.register(async (scope) => authRoutes(scope, context));
  await app.register(async (scope) => syncRoutes(scope, context));
  await app.register(async (scope) => rejectedRoutes(scope, context));
  await app.register(async (scope) => adminRoutes(scope, context));
  await app.register(async (scope) => recordingRoutes(scope, context, options.recordings));
  await app.register(async (scope) => presenceRoutes(scope, context));
  await app.register(async (scope) => smsReplyRoutes(scope, context, options.smsReplies));
  await app.register(async (scope) => blobRoutes(scope, context, options.blobs));
  app.addHook('onClose', async () => context.pokes.closeAll());
  return { app, context };
}
