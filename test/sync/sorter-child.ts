// A desk process for bulk-indexes-temp-files.test.ts: fills an encrypted desk's customers with
// its search indexes dropped, then rebuilds them with the page cache given in argv[3] (KiB).
// With argv[4] = 'force-file' it instead builds one index with a file-backed sorter regardless,
// the case restoreBulkIndexes avoids: the parent sees that one write a temp file.
import { openDatabase } from '../../src-main/db/open';
import { dropBulkIndexes, restoreBulkIndexes } from '../../src-main/sync/bulk-indexes';
import { snapshotWriter } from '../../src-main/sync/snapshot-writer';
import { snapshotCustomerRow } from '../support/wire-rows';

const [dir, cacheKib, mode] = process.argv.slice(2);
const { sqlite } = openDatabase(`${dir}/dealerdesk.sqlite`);
dropBulkIndexes(sqlite);
// Numbers and names out of uid order, so the rebuilt indexes really sort.
const rows = Array.from({ length: 20_000 }, (_, i) =>
  snapshotCustomerRow({
    uid: `c${String(i).padStart(8, '0')}`, number: `C${String((i * 7919) % 20_000).padStart(8, '0')}`, name: `客户${(i * 104_729) % 20_000}号`,
    address: `广州市天河区体育西路 ${i} 号`, pinyin: `kehu${i}`, pinyinInitials: 'kh',
  }),
);
sqlite.transaction(() => snapshotWriter(sqlite).write('customers', rows))();
sqlite.pragma(`cache_size = -${cacheKib}`);
if (mode === 'force-file') {
  sqlite.pragma('temp_store = FILE');
  sqlite.exec('CREATE INDEX forced_sort ON customers (address, name)');
} else restoreBulkIndexes(sqlite);
console.log(JSON.stringify({ indexes: sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers'`).pluck().get(), tempStore: sqlite.pragma('temp_store', { simple: true }) }));
sqlite.close();
