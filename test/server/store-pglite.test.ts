import { afterAll, beforeAll, describe } from 'vitest';
import { openStore } from '../../src-server/store/open-store';
import type { Sql } from '../../src-server/store/sql';
import { storeSuite } from './store-suite';

describe('server store on PGlite', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openStore({ kind: 'pglite' });
  }, 120_000);
  afterAll(async () => sql?.close());
  storeSuite(() => sql);
});
