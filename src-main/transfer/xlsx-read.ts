// Reads the first worksheet of an XLSX workbook into rows of display strings. Excel stores
// phone numbers typed without a leading apostrophe as numbers: they are written back here as
// plain digits (never 1.38123E+10), dates become ISO text, rich text is flattened and formulas
// give their cached result. Text that already says 1.38123E+10 lost its digits before it reached
// us; the row validator reports that instead of guessing.
import ExcelJS from 'exceljs';
import { DeskError } from '../../src-shared/contract/errors';
import type { TableRow } from './read-table';

export async function readXlsx(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new DeskError('invalid-input', `the file is not a readable XLSX workbook (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.state !== 'hidden' && ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new DeskError('invalid-input', 'the workbook has no worksheet');
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result && typeof result === 'object' && 'error' in result) return String((result as { error: string }).error);
      return cellText((result ?? null) as ExcelJS.CellValue);
    }
    if ('error' in value) return String(value.error);
    if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  }
  return String(value);
}

/** Integers print in full (13812345678, not 1.38123E+10); doubles drop float noise. */
function numberText(value: number): string {
  if (Number.isInteger(value)) return BigInt(value).toString();
  return String(Number(value.toPrecision(15)));
}

/** exceljs hands out dates as UTC instants whose UTC fields are the wall time typed in Excel. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h || m || s ? `${day} ${pad(h)}:${pad(m)}:${pad(s)}` : day;
}
