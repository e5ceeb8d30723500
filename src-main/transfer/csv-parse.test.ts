import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv-parse';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded newlines and CRLF, numbering rows as Excel does', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line1\r\nline2",z\r\n3,,\r\n';
    const { records, unterminatedQuoteRow } = parseCsv(text);
    expect(unterminatedQuoteRow).toBeNull();
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { row: 3, cells: ['2', 'line1\r\nline2', 'z'] },
      { row: 4, cells: ['3', '', ''] },
    ]);
  });

  it('keeps blank lines in the numbering and reads a last line without a newline', () => {
    const { records } = parseCsv('a,b\n\n1,2');
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(records[2].cells).toEqual(['1', '2']);
  });

  it('reads lone CR line ends (old Mac Excel)', () => {
    expect(parseCsv('a,b\r1,2\r').records.map((r) => r.cells)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reports a quote that never closes', () => {
    expect(parseCsv('a,b\n1,"open\n2,3\n').unterminatedQuoteRow).toBe(2);
  });

  it('keeps a stray quote inside an unquoted field', () => {
    expect(parseCsv('a,b\n5" tyre,x\n').records[1].cells).toEqual(['5" tyre', 'x']);
  });

  it('detects tab and semicolon separated files', () => {
    expect(detectDelimiter('姓名\t手机\t地址\n李四\t138\t北京, 朝阳\n')).toBe('\t');
    expect(detectDelimiter('name;mobile;address\nLi;138;"a, b"\n')).toBe(';');
    expect(detectDelimiter('name,mobile\n"Li; Si",138\n')).toBe(',');
  });
});
