// Runs a suite once on each store the server supports: PGlite (in a temporary folder) and a real
// PostgreSQL cluster started for the block (postgres-cluster.ts; skipped without the binaries,
// a failure with REQUIRE_E2E=1).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, type DatabaseConfig } from '../../src-server/store/open-store';
import type { Sql } from '../../src-server/store/sql';
import { postgresAvailable, startPostgres, type PostgresCluster } from './postgres-cluster';

export interface StoreUnderTest {
  readonly kind: 'pglite' | 'postgres';
  /**
   * The block's database, to open (a test server): every open finds the same data, so a suite
   * can restart its server. A PGlite folder must not be open twice at once.
   */
  database(): DatabaseConfig;
  /** The block's database opened (and migrated) before its tests, closed after them; only with `open: true`. */
  sql(): Sql;
}

export function describeOnEachStore(name: string, suite: (store: StoreUnderTest) => void, options: { open?: boolean } = {}): void {
  describe(`${name} on PGlite`, () => block('pglite', suite, options.open ?? false));
  describe.skipIf(!postgresAvailable())(`${name} on PostgreSQL`, () => block('postgres', suite, options.open ?? false));
}

function block(kind: StoreUnderTest['kind'], suite: (store: StoreUnderTest) => void, open: boolean): void {
  let cluster: PostgresCluster | undefined;
  let dataDir: string | undefined;
  let sql: Sql | undefined;
  const store: StoreUnderTest = {
    kind,
    database() {
      if (kind === 'pglite') return { kind, dataDir: (dataDir ??= mkdtempSync(join(tmpdir(), 'dd-pglite-'))) };
      if (!cluster) throw new Error('the PostgreSQL cluster starts in beforeAll: ask for the database inside a hook or a test');
      return { kind, url: cluster.url };
    },
    sql() {
      if (!sql) throw new Error(open ? 'the store opens in beforeAll' : 'describeOnEachStore(…, { open: true }) opens the store');
      return sql;
    },
  };
  beforeAll(async () => {
    if (kind === 'postgres') cluster = await startPostgres();
    if (open) sql = await openStore(store.database());
  }, 120_000);
  afterAll(async () => {
    await sql?.close();
    cluster?.stop();
  });
  suite(store);
}
