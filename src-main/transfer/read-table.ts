// Turns an uploaded file into a table: format and encoding detection, the header row, and the
// data rows with the row numbers a user sees in Excel (header = row 1 in the usual layout).
// Some exports put a title line ("客户资料表") above the header: the header is the row among
// the first ten that maps the most known column names.
import { DeskError } from '../../src-shared/contract/errors';
import { parseCsv } from './csv-parse';
import { decodeText } from './decode-text';
import { guessMapping } from './header-mapping';
import { readXlsx } from './xlsx-read';

export interface TableRow {
  row: number;
  cells: string[];
}

export interface ImportTable {
  format: 'csv' | 'xlsx';
  encoding: string;
  headerRow: number;
  headers: string[];
  rows: TableRow[];
}

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export async function readTable(fileName: string, bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.length === 0) throw new DeskError('invalid-input', 'the file is empty');
  let format: ImportTable['format'];
  let encoding: string;
  let rows: TableRow[];
  if (startsWith(bytes, oleMagic)) {
    throw new DeskError('invalid-input', 'old Excel 97-2003 (.xls) files are not supported: save the sheet as .xlsx or CSV');
  }
  if (startsWith(bytes, zipMagic)) {
    format = 'xlsx';
    encoding = 'xlsx';
    rows = await readXlsx(bytes);
  } else {
    if (/\.xlsx$/i.test(fileName)) throw new DeskError('invalid-input', 'the file is named .xlsx but is not an Excel workbook');
    format = 'csv';
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    if (decoded.text.includes('\u0000')) throw new DeskError('invalid-input', 'the file is not a text (CSV) file');
    const parsed = parseCsv(decoded.text);
    if (parsed.unterminatedQuoteRow !== null) {
      throw new DeskError('invalid-input', `row ${parsed.unterminatedQuoteRow}: a quoted field is never closed (truncated file?)`);
    }
    rows = parsed.records;
  }
  const nonEmpty = rows.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  if (nonEmpty.length === 0) throw new DeskError('invalid-input', 'the file has no rows');
  const header = pickHeader(nonEmpty.slice(0, 10));
  const headers = header.cells.map((cell) => cell.replace(/\s+/g, ' ').trim());
  const data = nonEmpty.filter((r) => r.row > header.row);
  return { format, encoding, headerRow: header.row, headers, rows: data };
}

function pickHeader(candidates: TableRow[]): TableRow {
  let best = candidates[0];
  let bestMapped = 1;
  for (const candidate of candidates) {
    const mapped = guessMapping(candidate.cells).filter((field) => field !== null).length;
    if (mapped > bestMapped) {
      best = candidate;
      bestMapped = mapped;
    }
  }
  return best;
}
