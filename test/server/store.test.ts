// The server store suite (store-suite.ts) on PGlite and on a real PostgreSQL cluster.
import { describeOnEachStore } from '../support/each-store';
import { storeSuite } from './store-suite';

describeOnEachStore('server store', (store) => storeSuite(() => store.sql()), { open: true });
