// RFC 4180 CSV reader: quoted fields, doubled quotes, embedded CR/LF inside quotes, CRLF/LF/CR
// record ends. Excel also writes tab-separated "Unicode text" and, in some locales, semicolons;
// the delimiter is chosen from the first lines. Each record keeps its 1-based record number,
// which is the row number a user sees when the same file is opened in Excel (a quoted
// multi-line field is one row there too). Blank records are kept so numbering stays true.

export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  records: CsvRecord[];
  /** Row where a quoted field opened and never closed (a truncated or mangled file), else null. */
  unterminatedQuoteRow: number | null;
}

const candidates = [',', '\t', ';'] as const;
export type CsvDelimiter = (typeof candidates)[number];

export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): ParsedCsv {
  const { records, unterminatedQuoteRow } = scan(text, delimiter, Infinity);
  return { delimiter, records, unterminatedQuoteRow };
}

/** Picks the delimiter that splits the first lines (outside quotes) most consistently. */
export function detectDelimiter(text: string): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  for (const delimiter of candidates) {
    const widths = scan(sample, delimiter, 10)
      .records.filter((r) => !(r.cells.length === 1 && r.cells[0] === ''))
      .map((r) => r.cells.length);
    if (widths.length === 0 || widths[0] < 2) continue;
    // Lines as wide as the header count; a delimiter that only shows up inside a few free-text
    // cells scores low.
    const agreeing = widths.filter((width) => width === widths[0]).length;
    const score = agreeing * 1000 + widths[0];
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

function scan(text: string, delimiter: string, limit: number): { records: CsvRecord[]; unterminatedQuoteRow: number | null } {
  const records: CsvRecord[] = [];
  let row = 1;
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteRow = 0;
  let fieldStarted = false;
  const length = text.length;
  for (let i = 0; i < length && records.length < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      quoteRow = row;
      fieldStarted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ row, cells });
      row++;
      cells = [];
      field = '';
      fieldStarted = false;
    } else {
      // Text after a closing quote or a quote inside an unquoted field is kept literally, as Excel does.
      field += ch;
      fieldStarted = true;
    }
  }
  if (records.length < limit && (fieldStarted || field !== '' || cells.length > 0)) {
    cells.push(field);
    records.push({ row, cells });
  }
  return { records, unterminatedQuoteRow: inQuotes && limit === Infinity ? quoteRow : null };
}
