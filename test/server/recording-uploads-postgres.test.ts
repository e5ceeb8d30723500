// Recording uploads on a real PostgreSQL cluster started for this file (skips without the binaries).
import { afterAll, beforeAll, describe } from 'vitest';
import { postgresAvailable, startPostgres, type PostgresCluster } from '../support/postgres-cluster';
import { recordingUploadSuite } from './recording-uploads-suite';

describe.skipIf(!postgresAvailable())('recording uploads on PostgreSQL', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());
  recordingUploadSuite(() => ({ kind: 'postgres', url: cluster.url }));
});
