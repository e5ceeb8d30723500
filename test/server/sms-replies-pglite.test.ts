// SMS replies on the server's embedded store (PGlite); the suite is sms-replies-suite.ts.
import { describe } from 'vitest';
import { smsReplySuite } from './sms-replies-suite';

describe('SMS replies on PGlite', () => {
  smsReplySuite(() => ({ kind: 'pglite' }));
});
