// SMS replies on a real PostgreSQL cluster started for this file (skips without the binaries):
// there two desks' claims really run at the same time.
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresAvailable, startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import { smsReplySuite } from './sms-replies-suite';

describe.skipIf(!postgresAvailable())('SMS replies on PostgreSQL', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());
  smsReplySuite(() => ({ kind: 'postgres', url: cluster.url }));
});
