// Customer export (seed 000 客户资料管理: batch export) for roles allowed to take customer data
// out of the desk (seed 000 权限管理; src-shared/domain/roles.ts exportCustomers).
import ExcelJS from 'exceljs';
import { DeskError } from '../../src-shared/contract/errors';
import { can } from '../../src-shared/domain/roles';
import { searchCustomers } from '../customers/search-service';
import type { DeskContext } from '../host/context';
import { toCsv } from './csv-write';
import { exportTable } from './export-rows';
import { exportHeaders } from './header-mapping';

export interface ExportRequest {
  query: string;
  format: 'csv' | 'xlsx';
  limit: number;
}

export interface ExportedFile {
  fileName: string;
  bytes: Uint8Array;
  /** Customers exported (a customer with several vehicles fills several sheet rows). */
  rows: number;
  mime: string;
}

export const exportMime = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function exportCustomers(ctx: DeskContext, request: ExportRequest): Promise<ExportedFile> {
  if (!can(ctx.session.role, 'exportCustomers')) throw new DeskError('forbidden', `role ${ctx.session.role} may not export customers`);
  const query = request.query.trim();
  const ids = query
    ? searchCustomers(ctx.sqlite, query, { limit: request.limit, revealPhones: true }).map((hit) => hit.id)
    : (ctx.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT ?').pluck().all(request.limit) as number[]);
  const { headers, rows } = exportTable(ctx.sqlite, ids);
  const stamp = fileStamp(ctx.now());
  const bytes = request.format === 'csv' ? toCsv([headers, ...rows]) : await toXlsx(headers, rows);
  ctx.log.info('customers exported', { customers: ids.length, format: request.format, user: ctx.session.userName });
  return { fileName: `customers-${stamp}.${request.format}`, bytes, rows: ids.length, mime: exportMime[request.format] };
}

const textColumns = new Set([exportHeaders.number, exportHeaders.mobile, exportHeaders.phone, exportHeaders.vin, exportHeaders.plate]);

async function toXlsx(headers: string[], rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.columns = headers.map((header) => ({
    header,
    width: Math.min(40, Math.max(10, header.length * 2 + 2)),
    // Text format keeps Excel from turning typed-in phone numbers into 1.38123E+10.
    style: textColumns.has(header) ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Local wall time: the name a user sees in their Downloads folder. */
export function fileStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}
