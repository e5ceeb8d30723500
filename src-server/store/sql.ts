// One small interface over both databases the server runs on: PostgreSQL through `pg` (a
// pool; a transaction takes its own client) and PGlite (one in-process connection: every
// top-level query and transaction goes through one queue so two requests can never interleave
// statements inside one another's transaction).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Sql {
  readonly kind: 'pglite' | 'postgres';
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  transaction<T>(fn: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

export interface TransactionOptions {
  repeatableRead?: boolean;
  readOnly?: boolean;
  /** Push groups: on PostgreSQL they take connections of their own (see postgresSql). */
  lane?: 'push';
}

const int8 = 20;

function begin(options?: TransactionOptions): string {
  return `BEGIN${options?.repeatableRead ? ' ISOLATION LEVEL REPEATABLE READ' : ''}${options?.readOnly ? ' READ ONLY' : ''}`;
}

export function pgliteSql(db: PGlite): Sql {
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
  const direct: Sql = {
    kind: 'pglite',
    async query<T>(text: string, params?: unknown[]) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction: () => Promise.reject(new Error('nested transaction')),
    close: async () => undefined,
  };
  return {
    kind: 'pglite',
    query: (text, params) => exclusive(() => direct.query(text, params)),
    transaction<T>(fn: (tx: Sql) => Promise<T>, options?: TransactionOptions) {
      return exclusive(async () => {
        await db.exec(begin(options));
        try {
          const result = await fn(direct);
          await db.exec('COMMIT');
          return result;
        } catch (error) {
          await db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    close: () => exclusive(() => db.close()),
  };
}

export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create(dataDir, { parsers: { [int8]: (value: string) => Number(value) } });
  return pgliteSql(db);
}

/**
 * Two pools: everything shares `max` connections except push groups, which get `pushers` of
 * their own, so a push never queues for a connection behind a crowd of pulls and sign-in checks
 * (pushes of one dealership run one group at a time anyway, see push-queue.ts).
 */
export function postgresSql(connectionString: string, max = 20, pushers = 4): Sql {
  const types = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === int8 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as never };
  const pool = new pg.Pool({ connectionString, max, types });
  const pushPool = new pg.Pool({ connectionString, max: pushers, types });
  // An idle connection dropping (PostgreSQL restarted) must not take the server down; the pool reconnects.
  pool.on('error', () => undefined);
  pushPool.on('error', () => undefined);
  const on = (client: pg.PoolClient): Sql => ({
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await client.query(text, params)).rows as T[];
    },
    transaction: () => Promise.reject(new Error('nested transaction')),
    close: async () => undefined,
  });
  return {
    kind: 'postgres',
    async query<T>(text: string, params?: unknown[]) {
      return (await pool.query(text, params)).rows as T[];
    },
    async transaction<T>(fn: (tx: Sql) => Promise<T>, options?: TransactionOptions) {
      const client = await (options?.lane === 'push' ? pushPool : pool).connect();
      try {
        await client.query(begin(options));
        try {
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), pushPool.end()]);
    },
  };
}
