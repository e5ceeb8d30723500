import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-parse';
import { toCsv } from './csv-write';
import { decodeText } from './decode-text';
import { cleanCell } from './field-values';

describe('CSV written for Excel reads back', () => {
  it('any table survives toCsv → decode → parse (cells compared as the importer cleans them)', () => {
    const cell = fc.oneof(fc.string(), fc.stringMatching(/^[0-9]{1,15}$/), fc.constantFrom('=1+1', '-5', '@x', '客户,"编号"', 'a\r\nb'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
        const decoded = decodeText(toCsv(table));
        expect(decoded.encoding).toBe('utf-8-bom');
        const parsed = parseCsv(decoded.text, ',').records.map((r) => r.cells.map((c) => cleanCell(c)));
        expect(parsed).toEqual(table.map((r) => r.map((c) => cleanCell(c))));
      }),
      { numRuns: 200 },
    );
  });
});
