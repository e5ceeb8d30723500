// Customer import: preview (format, encoding, guessed column mapping) and run. Invariant: an
// import commits in ONE SQLite transaction or not at all. Without skipInvalidRows any row error
// rejects the whole file; with it, the good customers go in together and the bad rows are listed.
// Report counts are spreadsheet rows (totalRows = imported + skipped; blank rows don't count).
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { ImportField, ImportPreview, ImportReport } from '../../src-shared/contract/transfer';
import { can } from '../../src-shared/domain/roles';
import { findCustomerByNumber, insertCustomers } from '../customers/customer-writer';
import type { DeskContext } from '../host/context';
import { exportHeaders, guessMapping, repeatableFields } from './header-mapping';
import { readTable, type ImportTable } from './read-table';
import { groupRows } from './row-groups';
import { readRow, type RowRecord } from './row-record';

export interface ImportFile {
  fileName: string;
  bytes: Uint8Array;
}

const sampleSize = 20;
const chunk = 1000;
const progressThreshold = 2000;

function requireImportRole(ctx: DeskContext): void {
  if (!can(ctx.session.role, 'importCustomers')) throw new DeskError('forbidden', `role ${ctx.session.role} may not import customers`);
}

export async function previewImport(ctx: DeskContext, file: ImportFile): Promise<ImportPreview> {
  requireImportRole(ctx);
  const table = await readTable(file.fileName, file.bytes);
  return {
    format: table.format,
    encoding: table.encoding,
    headers: table.headers,
    sampleRows: table.rows.slice(0, sampleSize).map((r) => table.headers.map((_, i) => r.cells[i] ?? '')),
    totalRows: table.rows.length,
    mapping: guessMapping(table.headers),
  };
}

export interface RunImportOptions {
  /** Header index → field; omitted = the guessed mapping (CLI). */
  mapping?: (ImportField | null)[];
  skipInvalidRows: boolean;
}

export async function runImport(ctx: DeskContext, file: ImportFile, options: RunImportOptions): Promise<ImportReport> {
  requireImportRole(ctx);
  const table = await readTable(file.fileName, file.bytes);
  const mapping = options.mapping ?? guessMapping(table.headers);
  checkMapping(table, mapping);
  if (table.rows.length === 0) throw new DeskError('invalid-input', 'the file has a header row but no data rows');

  const progress = table.rows.length >= progressThreshold ? progressReporter(ctx, table.rows.length * 2) : null;
  const now = ctx.now();
  const rows: RowRecord[] = [];
  for (let start = 0; start < table.rows.length; start += chunk) {
    for (const r of table.rows.slice(start, start + chunk)) {
      const record = readRow(r.row, r.cells, table.headers, mapping, now);
      if (!record.blank) rows.push(record);
    }
    progress?.(Math.min(start + chunk, table.rows.length));
    // Let the host deliver progress events and other requests between chunks.
    if (progress) await new Promise((resolve) => setImmediate(resolve));
  }

  const numberIndex = mapping.indexOf('number');
  const numberColumn = numberIndex >= 0 ? table.headers[numberIndex] : exportHeaders.number;
  const { groups, issues } = groupRows(rows, numberColumn, (number) => findCustomerByNumber(ctx.sqlite, number) !== null);
  const good = groups.filter((g) => !g.hasError);
  const goodRows = good.reduce((n, g) => n + g.rows.length, 0);
  const totalRows = rows.length;
  const rejected: ImportReport = { totalRows, imported: 0, skipped: totalRows, committed: false, issues };
  if ((goodRows < totalRows && !options.skipInvalidRows) || good.length === 0) {
    progress?.(table.rows.length * 2, true);
    return rejected;
  }

  const ids: number[] = [];
  try {
    ctx.sqlite.transaction(() => {
      for (let start = 0; start < good.length; start += chunk) {
        ids.push(...insertCustomers(ctx.sqlite, good.slice(start, start + chunk).map((g) => g.record), now));
        progress?.(table.rows.length + Math.round(((start + chunk) / good.length) * table.rows.length));
      }
    })();
  } catch (error) {
    progress?.(table.rows.length * 2, true, 'import rolled back');
    if (error instanceof DeskError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/UNIQUE constraint failed: customers\.number/.test(message)) {
      throw new DeskError('conflict', 'a customer number in the file was added to the database while importing; nothing was imported');
    }
    throw error;
  }
  progress?.(table.rows.length * 2, true);
  ctx.emit('customers.changed', ids.length <= 1000 ? { ids } : {});
  return { totalRows, imported: goodRows, skipped: totalRows - goodRows, committed: true, issues };
}

function checkMapping(table: ImportTable, mapping: (ImportField | null)[]): void {
  if (mapping.length !== table.headers.length) {
    throw new DeskError('invalid-input', `the mapping has ${mapping.length} entries but the file has ${table.headers.length} columns`);
  }
  const seen = new Set<ImportField>();
  for (const field of mapping) {
    if (!field) continue;
    if (seen.has(field) && !repeatableFields.has(field)) throw new DeskError('invalid-input', `two columns are mapped to ${field}`);
    seen.add(field);
  }
  if (!seen.has('name')) throw new DeskError('invalid-input', `no column is mapped to the customer name (e.g. ${exportHeaders.name})`);
  if (!seen.has('mobile') && !seen.has('phone')) throw new DeskError('invalid-input', `no column is mapped to a phone number (e.g. ${exportHeaders.mobile})`);
}

function progressReporter(ctx: DeskContext, total: number) {
  const taskId = `import-${randomUUID().slice(0, 8)}`;
  return (done: number, finished = false, error?: string) => {
    ctx.emit('task.progress', { taskId, label: 'import customers', done: Math.min(done, total), total, finished, ...(error ? { error } : {}) });
  };
}
