// Starts a dealership server for tests and benchmarks: a store (PGlite in memory, a PGlite
// folder, or a PostgreSQL URL), a dealership, and users of every role with known passwords.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src-server/http/app';
import { ensureDealership, openStore, type DatabaseConfig } from '../../src-server/store/open-store';
import type { Sql } from '../../src-server/store/sql';
import type { Role } from '../../src-shared/domain/roles';

export const testPassword = 'correct horse 42';

export interface TestServer {
  sql: Sql;
  app: FastifyInstance;
  url: string;
  port: number;
  dealershipId: number;
  /** Stops the HTTP side only (a server restart keeps the store). */
  stopHttp(): Promise<void>;
  /** Starts the HTTP side again on the same port. */
  startHttp(): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<ServerOptions, 'sql'>> {
  database?: DatabaseConfig;
  sql?: Sql;
  dealership?: string;
  users?: { username: string; role: Role; advisorName?: string }[];
  port?: number;
  /** A precomputed argon2 hash of testPassword: creating users then costs no hashing. */
  passwordHash?: string;
}

export const defaultUsers: { username: string; role: Role; advisorName?: string }[] = [
  { username: 'agent1', role: 'agent' },
  { username: 'advisor1', role: 'advisor', advisorName: '王顾问' },
  { username: 'super1', role: 'supervisor' },
  { username: 'sales1', role: 'sales' },
  { username: 'admin1', role: 'admin' },
];

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const sql = options.sql ?? (await openStore(options.database ?? { kind: 'pglite' }));
  const dealershipId = await ensureDealership(sql, options.dealership ?? `dealership-${randomBytes(4).toString('hex')}`);
  const auth = options.auth ?? { tokenSecret: randomBytes(32), accessTtlSeconds: 900, refreshTtlSeconds: 30 * 86400, lockoutAttempts: 5, lockoutMinutes: 15 };
  const build = async () => (await buildServer({ ...options, sql, auth, log: options.log ?? (() => undefined) })).app;
  let app = await build();
  for (const user of options.users ?? defaultUsers) {
    const [exists] = await sql.query('SELECT 1 FROM users WHERE username = $1', [user.username]);
    if (exists) continue;
    if (options.passwordHash) {
      await sql.query('INSERT INTO users (dealership_id, username, display_name, password_hash, role, advisor_name) VALUES ($1, $2, $2, $3, $4, $5)', [
        dealershipId, user.username, options.passwordHash, user.role, user.advisorName ?? null,
      ]);
    } else {
      const { AuthService } = await import('../../src-server/auth/auth-service');
      await new AuthService(sql, auth).createUser({ dealershipId, username: user.username, password: testPassword, role: user.role, advisorName: user.advisorName });
    }
  }
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const scheme = options.tls ? 'https' : 'http';
  const server: TestServer = {
    sql,
    app,
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    dealershipId,
    async stopHttp() {
      await app.close();
    },
    async startHttp() {
      app = await build();
      server.app = app;
      await app.listen({ port, host: '127.0.0.1' });
    },
    async close() {
      await app.close().catch(() => undefined);
      if (!options.sql) await sql.close();
    },
  };
  return server;
}
