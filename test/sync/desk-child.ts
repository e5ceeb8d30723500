// A desk process for the SIGKILL test: opens the desk at argv[2], edits a few customers (each
// edit with its outbox row in one transaction), then syncs in small pages until up to date,
// printing progress. The parent kills it with SIGKILL at random moments.
import { openDatabase } from '../../src-main/db/open';
import { editRecord } from '../../src-main/sync/local-writes';
import { SyncEngine } from '../../src-main/sync/sync-engine';
import { syncState } from '../../src-main/sync/sync-state';

const [dir, url, username, password, edits] = process.argv.slice(2);
const { sqlite } = openDatabase(`${dir}/dealerdesk.sqlite`);
syncState.setServer(sqlite, { url });
const engine = new SyncEngine({ sqlite, server: { url }, credentials: { username, password }, websocket: false, snapshotLimit: 150, pullLimit: 100, retryBaseMs: 20, retryMaxMs: 100 });
const uids = sqlite.prepare('SELECT uid FROM customers ORDER BY random() LIMIT ?').pluck().all(Number(edits ?? 3)) as string[];
for (const uid of uids) editRecord(sqlite, 'customers', uid, { address: `child ${process.pid} ${Date.now()}` }, new Date());
for (let attempt = 0; attempt < 50; attempt++) {
  if (await engine.syncOnce()) {
    process.stdout.write('synced\n');
    await engine.stop();
    sqlite.close();
    process.exit(0);
  }
}
process.stdout.write(`failed ${engine.status().lastError}\n`);
process.exit(1);
