import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));

describe('decodeText', () => {
  it('reads the GBK file Chinese Excel writes', () => {
    const decoded = decodeText(fixture('customers-gbk.csv'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text.startsWith('客户编号,客户姓名')).toBe(true);
    expect(decoded.text).toContain('张伟');
  });

  it('strips a UTF-8 BOM', () => {
    const decoded = decodeText(fixture('customers-utf8-bom.csv'));
    expect(decoded.encoding).toBe('utf-8-bom');
    expect(decoded.text.startsWith('Customer No')).toBe(true);
    expect(decoded.text).toContain('赵敏');
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(new TextEncoder().encode('姓名,手机\n李四,13800138000'))).toEqual({ text: '姓名,手机\n李四,13800138000', encoding: 'utf-8' });
  });

  it('reads UTF-16 with either byte order', () => {
    const text = '姓名\t手机\r\n王五\t13900139000';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(new Uint8Array(le))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array(be))).toEqual({ text, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for bytes that are not UTF-8', () => {
    // 你好 in GBK
    expect(decodeText(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]))).toEqual({ text: '你好', encoding: 'gb18030' });
  });
});
