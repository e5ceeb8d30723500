import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract/errors';
import { transferHandlers } from './handlers';
import { previewImport, runImport } from './import-service';
import { countRows, createTestContext, type TestContext } from './test-context';

const fixture = (name: string) => ({ fileName: name, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url))) });
const csv = (text: string, fileName = 'x.csv') => ({ fileName, bytes: new TextEncoder().encode(text) });

let ctx: TestContext;
afterEach(() => ctx?.close());

function customer(number: string) {
  return ctx.sqlite
    .prepare(
      `SELECT c.*, a.name AS advisor FROM customers c LEFT JOIN advisors a ON a.id = c.advisor_id WHERE c.number = ?`,
    )
    .get(number) as Record<string, unknown>;
}

describe('previewImport', () => {
  it('reports encoding, headers, a sample and the guessed mapping of a GBK file', async () => {
    ctx = createTestContext();
    const preview = await previewImport(ctx, fixture('customers-gbk.csv'));
    expect(preview.format).toBe('csv');
    expect(preview.encoding).toBe('gb18030');
    expect(preview.totalRows).toBe(3);
    expect(preview.headers[1]).toBe('客户姓名');
    expect(preview.sampleRows[0][1]).toBe('张伟');
    expect(preview.mapping).toEqual([
      'number', 'name', 'gender', 'birthday', 'mobile', 'phone', 'plate', 'vin', 'brand', 'model', 'purchaseDate', 'mileageKm',
      'insuranceExpiry', 'district', 'membershipTier', 'advisor', null,
    ]);
  });

  it('finds the header under a title row', async () => {
    ctx = createTestContext();
    const preview = await previewImport(ctx, csv('客户资料表,,\n姓名,手机,车牌\n李四,13800138000,粤B12345\n'));
    expect(preview.headers).toEqual(['姓名', '手机', '车牌']);
    expect(preview.totalRows).toBe(1);
  });

  it('refuses roles that may not import', async () => {
    ctx = createTestContext('agent');
    await expect(previewImport(ctx, fixture('customers-gbk.csv'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('rejects binary and old .xls files with a clear error', async () => {
    ctx = createTestContext();
    await expect(previewImport(ctx, { fileName: 'a.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) })).rejects.toThrow(/\.xls/);
    await expect(previewImport(ctx, { fileName: 'a.xlsx', bytes: new TextEncoder().encode('hello') })).rejects.toBeInstanceOf(DeskError);
    await expect(previewImport(ctx, { fileName: 'a.csv', bytes: new Uint8Array() })).rejects.toThrow(/empty/);
  });
});

describe('runImport', () => {
  it('imports a GBK file with derived search keys and parsed values', async () => {
    ctx = createTestContext();
    const report = await runImport(ctx, fixture('customers-gbk.csv'), { skipInvalidRows: false });
    expect(report).toEqual({ totalRows: 3, imported: 3, skipped: 0, committed: true, issues: [] });
    expect(countRows(ctx)).toEqual({ customers: 3, phones: 4, vehicles: 3 });
    const zhang = customer('K0001');
    expect(zhang).toMatchObject({ name: '张伟', gender: 'M', birthday: '1985-03-12', district: '天河区', membership_tier: '金卡', advisor: '李娜', pinyin_initials: 'zw' });
    expect(JSON.parse(zhang.custom_fields as string)).toEqual({ 备注: '老客户' });
    const phones = ctx.sqlite.prepare('SELECT normalized, reversed, kind, is_primary FROM phones WHERE customer_id = ? ORDER BY id').all(zhang.id);
    expect(phones).toEqual([
      { normalized: '13812345678', reversed: '87654321831', kind: 'mobile', is_primary: 1 },
      { normalized: '02087654321', reversed: '12345678020', kind: 'landline', is_primary: 0 },
    ]);
    const vehicle = ctx.sqlite.prepare('SELECT * FROM vehicles WHERE customer_id = ?').get(zhang.id) as Record<string, unknown>;
    expect(vehicle).toMatchObject({ plate: '粤B12345', plate_local: 'B12345', plate_reversed: '54321B', vin: 'LSVAM4187C2184847', vin_reversed: '7484812C7814MAVSL', purchase_date: '2019-06-01', mileage_km: 45000, insurance_expiry: '2024-06-30' });
    expect((ctx.sqlite.prepare('SELECT mileage_km FROM vehicles v JOIN customers c ON c.id = v.customer_id WHERE c.number = ?').pluck().get('K0002'))).toBe(12000);
    expect(ctx.events.filter((e) => e.event === 'customers.changed')).toHaveLength(1);
  });

  it('imports English headers from a UTF-8 BOM file and quoted multi-line fields', async () => {
    ctx = createTestContext();
    expect((await runImport(ctx, fixture('customers-utf8-bom.csv'), { skipInvalidRows: false })).imported).toBe(2);
    expect(customer('E-100')).toMatchObject({ name: '赵敏', gender: 'F', email: 'zhaomin@example.com' });
    expect((await runImport(ctx, fixture('multiline.csv'), { skipInvalidRows: false })).imported).toBe(2);
    expect(customer('M1')).toMatchObject({ name: 'Li "Lee" Ming', address: '广州市天河区\n体育西路 1 号, 2 楼' });
  });

  it('rejects the whole file on any bad row, listing every problem by row and column', async () => {
    ctx = createTestContext();
    await runImport(ctx, fixture('customers-gbk.csv'), { skipInvalidRows: false });
    const before = countRows(ctx);
    const report = await runImport(ctx, fixture('bad-rows.csv'), { skipInvalidRows: false });
    expect(countRows(ctx)).toEqual(before);
    expect(report).toMatchObject({ totalRows: 9, imported: 0, skipped: 9, committed: false });
    const byRow = report.issues.map((i) => `${i.row} ${i.column} ${i.severity} ${i.code}`);
    expect(byRow).toEqual([
      '3 手机 error mobile_length',
      '4 购车日期 error date_invalid', // month 13
      '5 姓名 error name_required',
      '6 客户编号 error duplicate_number', // same number, another name
      '7 手机 error scientific_notation', // 1.38123E+10
      '8 车牌号 error plate_invalid',
      '9 VIN/车架号 warning vin_check_digit',
      '10 性别 error gender_invalid',
      '10 VIN/车架号 error vin_length', // 7 characters
    ]);
    const at = (row: number, code: string) => report.issues.find((i) => i.row === row && i.code === code)!;
    expect(at(3, 'mobile_length')).toMatchObject({ params: { value: '1380013800', digits: '10' }, reason: '"1380013800" has 10 digits; a mobile number has 11' });
    expect(at(7, 'scientific_notation')).toMatchObject({ params: { value: '1.38123E+10' }, reason: expect.stringMatching(/scientific notation/) });
    expect(at(6, 'duplicate_number')).toMatchObject({ params: { number: 'B001', firstRow: '2', field: 'name' }, reason: expect.stringMatching(/duplicate customer number B001 \(row 2\)/) });
    expect(at(9, 'vin_check_digit')).toMatchObject({ params: { value: 'LSVAM4187C2184848', actual: '7', expected: '9' } });
    expect(at(10, 'vin_length').params).toEqual({ value: 'LSVAM41', length: '7' });
    expect(at(5, 'name_required')).not.toHaveProperty('params');
    expect(ctx.events.filter((e) => e.event === 'customers.changed')).toHaveLength(1);
  });

  it('with skipInvalidRows imports the good rows in one go and lists the bad ones', async () => {
    ctx = createTestContext();
    const report = await runImport(ctx, fixture('bad-rows.csv'), { skipInvalidRows: true });
    expect(report).toMatchObject({ totalRows: 9, imported: 2, skipped: 7, committed: true });
    expect(ctx.sqlite.prepare('SELECT number FROM customers ORDER BY number').pluck().all()).toEqual(['B001', 'B008']);
    expect(customer('B001')).toMatchObject({ name: '孙丽' });
  });

  it('reports customer numbers already in the database instead of overwriting', async () => {
    ctx = createTestContext();
    await runImport(ctx, csv('客户编号,姓名,手机\nA1,李四,13800138000\n'), { skipInvalidRows: false });
    const report = await runImport(ctx, csv('客户编号,姓名,手机\nA1,李四改,13800138001\nA2,王五,13800138002\n'), { skipInvalidRows: false });
    expect(report.committed).toBe(false);
    expect(report.issues).toEqual([
      { row: 2, column: '客户编号', code: 'number_exists', severity: 'error', params: { number: 'A1' }, reason: 'customer number A1 already exists in the database' },
    ]);
    expect(customer('A1')).toMatchObject({ name: '李四' });
    expect(countRows(ctx).customers).toBe(1);
  });

  it('imports rows that only have warnings, and rejects every row of a customer when one of its rows is bad', async () => {
    ctx = createTestContext();
    const report = await runImport(
      ctx,
      csv('客户编号,姓名,手机,车牌号\nA1,李四,+44 20 7946 0958,粤B11111,多出来\nA2,王五,13800138002,粤B22222\nA2,王五,13800138002,不是车牌\n'),
      { skipInvalidRows: true },
    );
    expect(report.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2, 'extra_cell', 'warning'],
      [2, 'phone_unusual', 'warning'],
      [3, 'skipped_with_row', 'error'],
      [4, 'plate_invalid', 'error'],
    ]);
    expect(report.issues[0]).toMatchObject({ column: 'column E', params: { value: '多出来' } });
    expect(report.issues[2].params).toEqual({ number: 'A2', firstRow: '4' });
    expect(report).toMatchObject({ imported: 1, skipped: 2, committed: true });
  });

  it('merges rows of one customer number with several vehicles and phones', async () => {
    ctx = createTestContext();
    const report = await runImport(
      ctx,
      csv('客户编号,姓名,手机,车牌号\nA1,李四,13800138000,粤B11111\nA1,李四,13800138000 / 13900139000,粤B22222\n,王五,020-12345678,\n'),
      { skipInvalidRows: false },
    );
    expect(report).toMatchObject({ totalRows: 3, imported: 3, committed: true });
    expect(countRows(ctx)).toEqual({ customers: 2, phones: 3, vehicles: 2 });
    expect(ctx.sqlite.prepare("SELECT number FROM customers WHERE name = '王五'").pluck().get()).toMatch(/^C\d{8}$/);
  });

  it('requires a name and a phone column in the mapping', async () => {
    ctx = createTestContext();
    const file = csv('姓名,手机\n李四,13800138000\n');
    await expect(runImport(ctx, file, { skipInvalidRows: false, mapping: [null, 'mobile'] })).rejects.toThrow(/name/);
    await expect(runImport(ctx, file, { skipInvalidRows: false, mapping: ['name', null] })).rejects.toThrow(/phone/);
    await expect(runImport(ctx, file, { skipInvalidRows: false, mapping: ['name'] })).rejects.toThrow(/2 columns/);
    expect((await runImport(ctx, file, { skipInvalidRows: false, mapping: ['name', 'phone'] })).imported).toBe(1);
  });

  it('reads XLSX: numeric phones, dates, rich text and formulas', async () => {
    ctx = createTestContext();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['客户编号', '姓名', '手机', '购车日期', '车牌号', '里程', '地址']);
    sheet.addRow(['X1', { richText: [{ text: '欧阳' }, { text: '娜娜', font: { bold: true } }] }, 13812345678, new Date(Date.UTC(2021, 4, 20)), '粤B12345', { formula: '1000*45', result: 45000 }, '广州']);
    sheet.addRow(['X2', '王五', '1.38123E+10', 45047, '', 8000, '']);
    sheet.addRow(['X3', '赵六', 13900139000, '2022/1/2', '', null, '']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await previewImport(ctx, { fileName: 'k.xlsx', bytes });
    expect(preview).toMatchObject({ format: 'xlsx', totalRows: 3 });
    expect(preview.sampleRows[0].slice(0, 6)).toEqual(['X1', '欧阳娜娜', '13812345678', '2021-05-20', '粤B12345', '45000']);
    const report = await runImport(ctx, { fileName: 'k.xlsx', bytes }, { skipInvalidRows: true });
    expect(report.issues).toEqual([
      { row: 3, column: '手机', code: 'scientific_notation', severity: 'error', params: { value: '1.38123E+10' }, reason: expect.stringMatching(/scientific notation/) },
    ]);
    expect(report).toMatchObject({ imported: 2, skipped: 1, committed: true });
    expect(ctx.sqlite.prepare("SELECT normalized FROM phones p JOIN customers c ON c.id = p.customer_id WHERE c.number = 'X1'").pluck().get()).toBe('13812345678');
    expect(ctx.sqlite.prepare("SELECT purchase_date || ' ' || mileage_km FROM vehicles").pluck().get()).toBe('2021-05-20 45000');
  });

  it('emits progress for large files and still commits once', async () => {
    ctx = createTestContext();
    const lines = ['姓名,手机'];
    for (let i = 0; i < 2500; i++) lines.push(`客户${i},139${String(i).padStart(8, '0')}`);
    const report = await runImport(ctx, csv(lines.join('\n')), { skipInvalidRows: false });
    expect(report).toMatchObject({ totalRows: 2500, imported: 2500, committed: true });
    const progress = ctx.events.filter((e) => e.event === 'task.progress').map((e) => e.payload as { finished: boolean; done: number; total: number });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ finished: true, done: 5000, total: 5000 });
  });

  it('works through the handlers object with base64 payloads', async () => {
    ctx = createTestContext();
    const base64 = Buffer.from('姓名,手机\n李四,13800138000\n').toString('base64');
    const preview = await transferHandlers['transfer.previewImport']({ fileName: 'a.csv', base64 }, ctx);
    const report = await transferHandlers['transfer.runImport']({ fileName: 'a.csv', base64, mapping: preview.mapping, skipInvalidRows: false }, ctx);
    expect(report.imported).toBe(1);
  });
});
