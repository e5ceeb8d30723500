// The same store suite against a real PostgreSQL cluster started for this file (initdb in a
// temp folder, a free port, stopped at the end). Without PostgreSQL binaries it skips, unless
// REQUIRE_E2E=1 makes that a failure.
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../src-server/store/open-store';
import type { Sql } from '../../src-server/store/sql';
import { postgresAvailable, startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import { storeSuite } from './store-suite';

describe.skipIf(!postgresAvailable())('server store on PostgreSQL', () => {
  let cluster: PostgresCluster;
  let sql: Sql;
  beforeAll(async () => {
    cluster = await startPostgres();
    sql = await openStore({ kind: 'postgres', url: cluster.url });
  }, 120_000);
  afterAll(async () => {
    await sql?.close();
    cluster?.stop();
  });
  storeSuite(() => sql);
});
