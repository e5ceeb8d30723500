// SMS replies on PGlite and on a real PostgreSQL cluster (there two desks' claims really run at
// the same time); the suite is sms-replies-suite.ts.
import { describeOnEachStore } from '../support/each-store';
import { smsReplySuite } from './sms-replies-suite';

describeOnEachStore('SMS replies', (store) => smsReplySuite(() => store.database()));
