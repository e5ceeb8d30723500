// CSV for Excel: UTF-8 with a BOM (without one, Chinese Excel reads UTF-8 as GBK and shows
// mojibake), CRLF line ends, RFC 4180 quoting. Excel turns long digit strings into numbers
// (13812345678 → 1.38123E+10, leading zeros dropped) and runs cells starting with = + - @ as
// formulas; such cells get a leading tab, which Excel shows as text and our importer strips.

export function excelSafe(value: string): string {
  if (/^\d+$/.test(value) && (value.length >= 11 || (value.length > 1 && value.startsWith('0')))) return `\t${value}`;
  if (/^[=+\-@]/.test(value)) return `\t${value}`;
  return value;
}

function quote(value: string): string {
  return /[",\r\n\t]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: string[][]): Uint8Array {
  const text = rows.map((cells) => cells.map((cell) => quote(excelSafe(cell))).join(',')).join('\r\n') + '\r\n';
  return new TextEncoder().encode('\ufeff' + text);
}
