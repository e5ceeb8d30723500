import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';
import { exportCustomers } from './export-service';
import { transferHandlers } from './handlers';
import { runImport } from './import-service';
import { createTestContext, type TestContext } from './test-context';

const fixture = (name: string) => ({ fileName: name, bytes: new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url))) });

const contexts: TestContext[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.close()));
function context(role: Parameters<typeof createTestContext>[0] = 'admin') {
  const ctx = createTestContext(role);
  contexts.push(ctx);
  return ctx;
}

/** Everything a user would call "the same customer", without ids and generated uids. */
function snapshot(ctx: TestContext) {
  return ctx.sqlite
    .prepare('SELECT id, number, name, gender, birthday, district, address, email, category, membership_tier, advisor_id, custom_fields, pinyin FROM customers ORDER BY number')
    .all()
    .map((c) => {
      const { id, advisor_id, ...rest } = c as Record<string, unknown>;
      return {
        ...rest,
        advisor: ctx.sqlite.prepare('SELECT name FROM advisors WHERE id = ?').pluck().get(advisor_id) ?? null,
        phones: ctx.sqlite.prepare('SELECT kind, normalized, is_primary FROM phones WHERE customer_id = ? ORDER BY normalized').all(id),
        vehicles: ctx.sqlite
          .prepare(
            `SELECT plate, plate_local, vin, brand, model, model_year, colour, purchase_date, mileage_km, insurance_company, insurance_expiry, next_inspection
               FROM vehicles WHERE customer_id = ? ORDER BY plate`,
          )
          .all(id),
      };
    });
}

async function seed(ctx: TestContext) {
  for (const name of ['customers-gbk.csv', 'customers-utf8-bom.csv', 'multiline.csv']) {
    expect((await runImport(ctx, fixture(name), { skipInvalidRows: false })).committed).toBe(true);
  }
  // A second vehicle and phone for K0001 (one row per vehicle in the export).
  await runImport(ctx, { fileName: 'b.csv', bytes: new TextEncoder().encode('客户编号,姓名,手机,车牌号,年款\nK9,孙七,13600136000 / 0755-12345678,粤B99999,2020\nK9,孙七,,粤B88888,\n') }, { skipInvalidRows: false });
}

describe('exportCustomers', () => {
  it.each(['csv', 'xlsx'] as const)('round-trips through %s into an empty desk', async (format) => {
    const source = context();
    await seed(source);
    const file = await exportCustomers(source, { query: '', format, limit: 10_000 });
    expect(file.rows).toBe(8);
    expect(file.fileName).toMatch(new RegExp(`^customers-\\d{8}-\\d{6}\\.${format}$`));
    const target = context();
    const report = await runImport(target, { fileName: file.fileName, bytes: file.bytes }, { skipInvalidRows: false });
    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ committed: true, imported: 9 });
    expect(snapshot(target)).toEqual(snapshot(source));
  });

  it('writes CSV as UTF-8 with BOM, Chinese headers and full phone numbers protected from Excel', async () => {
    const ctx = context('supervisor');
    await seed(ctx);
    const file = await exportCustomers(ctx, { query: '', format: 'csv', limit: 2 });
    const decoded = decodeText(file.bytes);
    expect(decoded.encoding).toBe('utf-8-bom');
    const lines = decoded.text.split('\r\n');
    expect(lines[0].startsWith('客户编号,姓名,性别,生日')).toBe(true);
    expect(lines[1]).toContain('"\t13812345678"');
    expect(file.rows).toBe(2);
    expect(file.mime).toMatch(/text\/csv/);
  });

  it('exports only the customers matching a search query', async () => {
    const ctx = context();
    await seed(ctx);
    const file = await exportCustomers(ctx, { query: '粤B12345', format: 'csv', limit: 100 });
    expect(file.rows).toBe(1);
    expect(decodeText(file.bytes).text).toContain('张伟');
    expect(decodeText(file.bytes).text).not.toContain('王芳');
  });

  it('is refused for roles that may not take customer data out', async () => {
    for (const role of ['agent', 'advisor', 'sales'] as const) {
      const ctx = context(role);
      await expect(exportCustomers(ctx, { query: '', format: 'csv', limit: 10 })).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('returns base64 through the handler', async () => {
    const ctx = context();
    await seed(ctx);
    const out = await transferHandlers['transfer.exportCustomers']({ query: '', format: 'xlsx', limit: 5 }, ctx);
    expect(out.rows).toBe(5);
    expect(Buffer.from(out.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
