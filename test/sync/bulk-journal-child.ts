// A desk process for bulk-journal.test.ts: switches its desk to the initial sync's rollback
// journal, commits argv[3] customers, then starts a second, bigger transaction with a page
// cache small enough that SQLite writes changed pages into the file before the commit, and
// kills itself with SIGKILL in the middle of it.
import { openDatabase } from '../../src-main/db/open';
import { beginBulkJournal } from '../../src-main/sync/bulk-journal';
import { snapshotWriter } from '../../src-main/sync/snapshot-writer';
import { numberedCustomerRow } from '../support/wire-rows';

const [dir, committed] = process.argv.slice(2);
const { sqlite } = openDatabase(`${dir}/dealerdesk.sqlite`);
const journal = beginBulkJournal(sqlite);
const writer = snapshotWriter(sqlite);
sqlite.transaction(() => writer.write('customers', Array.from({ length: Number(committed) }, (_, i) => numberedCustomerRow(i))))();
sqlite.pragma('cache_size = 20');
sqlite.exec('BEGIN IMMEDIATE');
writer.write('customers', Array.from({ length: 20_000 }, (_, i) => numberedCustomerRow(Number(committed) + i)));
sqlite.prepare(`UPDATE customers SET address = 'overwritten'`).run();
console.log(JSON.stringify({ active: journal.active, mode: sqlite.pragma('journal_mode', { simple: true }) }));
process.kill(process.pid, 'SIGKILL');
