import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { insertCustomers, type NewCustomerRecord } from './customer-writer';
import { customersByPhone, hydrateQuery, probeQuery, searchCustomers } from './search-service';

const { sqlite } = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-search-')), 'desk.sqlite'));
const people: NewCustomerRecord[] = [
  { number: 'C00000101', name: '张三', phones: [{ raw: '138-1234-5678' }, { raw: '020-8765 4321' }], vehicles: [{ plate: '粤B·12345', vin: '1M8GDM9AXKP042788', model: 'CR-V' }] },
  { number: 'C00000102', name: '张三丰', phones: [{ raw: '+86 139 0000 1111' }], vehicles: [{ plate: '粤A D12345' }] },
  { number: 'C00000103', name: '曾小贤', phones: [{ raw: '13700005678' }], vehicles: [{ plate: '苏B12345' }] },
  { number: 'C00000104', name: '李四', phones: [{ raw: '0086 186 2222 3333' }], vehicles: [{ plate: '京N8K2M1', vin: 'LVHRU1867K5012999' }] },
  { number: 'D2023-0007', name: '王芳', phones: [{ raw: '4008123123' }], vehicles: [] },
];
const ids: Record<string, number> = {};

beforeAll(() => {
  insertCustomers(sqlite, people, new Date('2026-11-26T08:00:00Z')).forEach((id, i) => (ids[people[i].name] = id));
  // Bulk filler so prefix scans have neighbours to skip.
  const filler: NewCustomerRecord[] = Array.from({ length: 300 }, (_, i) => ({
    name: `赵${'一二三四五六七八九十'[i % 10]}${i}`,
    phones: [{ raw: `1590000${String(i).padStart(4, '0')}` }],
    vehicles: [{ plate: `粤C${String(10000 + i)}` }],
  }));
  insertCustomers(sqlite, filler, new Date());
});

function top(query: string) {
  return searchCustomers(sqlite, query, { limit: 20, revealPhones: false });
}

describe('customer search through the service', () => {
  it('finds a full phone number in any written form', () => {
    for (const q of ['13812345678', '138 1234 5678', '+86 138-1234-5678', '0086 13812345678', '１３８１２３４５６７８']) {
      expect(top(q)[0]).toMatchObject({ id: ids['张三'], match: 'phone' });
    }
    expect(top('020-87654321')[0]).toMatchObject({ id: ids['张三'], match: 'phone' });
  });

  it('finds the last 4+ digits of a phone', () => {
    const hits = top('5678');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining([ids['张三'], ids['曾小贤']]));
    expect(top('00001111')[0].id).toBe(ids['张三丰']);
  });

  it('finds plates ignoring case, spaces and the dot, with or without province, or by the tail', () => {
    for (const q of ['粤B12345', '粤b 12345', '粤B·12345', 'B12345', 'b12345']) expect(top(q)[0]).toMatchObject({ id: ids['张三'], match: 'plate' });
    const tail = top('12345').map((h) => h.id);
    expect(tail).toEqual(expect.arrayContaining([ids['张三'], ids['张三丰'], ids['曾小贤']]));
    // 苏B12345 has the same local part: the province the agent typed ranks its owner first.
    expect(top('苏B12345')[0].id).toBe(ids['曾小贤']);
    expect(top('N8K2')[0].id).toBe(ids['李四']);
  });

  it('finds a Chinese name, or part of it, exact matches first', () => {
    expect(top('张三')[0]).toMatchObject({ id: ids['张三'], match: 'name' });
    expect(top('张三').map((h) => h.id)).toContain(ids['张三丰']);
    expect(top('三丰')[0].id).toBe(ids['张三丰']);
    expect(top('小贤')[0].id).toBe(ids['曾小贤']);
  });

  it('finds names by pinyin, full or initials, with surname readings', () => {
    expect(top('zhangsan')[0].id).toBe(ids['张三']);
    expect(top('zsf')[0].id).toBe(ids['张三丰']);
    expect(top('zengxiaoxian')[0].id).toBe(ids['曾小贤']);
    expect(top('zxx')[0].id).toBe(ids['曾小贤']);
  });

  it('finds a customer number, full or by prefix', () => {
    expect(top('C00000104')[0]).toMatchObject({ id: ids['李四'], match: 'number' });
    expect(top('d2023-0007')[0].id).toBe(ids['王芳']);
  });

  it('finds a full VIN or its last 6', () => {
    expect(top('1M8GDM9AXKP042788')[0]).toMatchObject({ id: ids['张三'], match: 'vin' });
    expect(top('1m8gdm9axkp042788')[0].id).toBe(ids['张三']);
    expect(top('012999')[0]).toMatchObject({ id: ids['李四'] });
  });

  it('masks phones for roles that may not see them and shows them to those who may', () => {
    const masked = top('13812345678')[0];
    expect(masked.phones[0]).toBe('138****5678');
    expect(JSON.stringify(masked)).not.toContain('1234 5678');
    const full = searchCustomers(sqlite, '13812345678', { limit: 5, revealPhones: true })[0];
    expect(full.phones[0]).toBe('138 1234 5678');
  });

  it('returns nothing, not an error, for queries that match no key', () => {
    expect(top('')).toEqual([]);
    expect(top('   ')).toEqual([]);
    expect(top("'; DROP TABLE customers; --")).toEqual([]);
    expect(top('%')).toEqual([]);
  });

  it('looks up a caller by normalized number for screen-pop', () => {
    expect(customersByPhone(sqlite, '13812345678')).toEqual([ids['张三']]);
    expect(customersByPhone(sqlite, '4008123123')).toEqual([ids['王芳']]);
    expect(customersByPhone(sqlite, '13800000000')).toEqual([]);
  });
});

describe('lookups an encrypted desk answers from its indexes alone', () => {
  // Every table page a lookup touches is decrypted on first use; a covering index keeps the
  // caller-ID lookup and the phone, plate and VIN probes on the (warmed) index pages.
  const plan = (sql: string, params: unknown[]) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);

  it('probes every key (phone, plate, VIN, name, pinyin, number) through covering indexes', () => {
    for (const column of ['phone_reversed', 'plate_local', 'plate_reversed', 'vin_reversed', 'name', 'name_reversed', 'pinyin', 'pinyin_initials', 'number'] as const) {
      expect(plan(probeQuery(column, 'range'), ['a', 'b', 10]).join(' | ')).toMatch(/USING COVERING INDEX/);
    }
    for (const column of ['phone', 'vin_reversed'] as const) {
      expect(plan(probeQuery(column, 'exact'), ['a', 10]).join(' | ')).toMatch(/USING COVERING INDEX/);
    }
  });

  it("hydrates a hit's number, name, tier, phones and plates from covering indexes", () => {
    const details = plan(hydrateQuery, ['[1]']);
    expect(details).toContainEqual(expect.stringMatching(/SEARCH c USING COVERING INDEX customers_search_hit/));
    expect(details).toContainEqual(expect.stringMatching(/SEARCH phones USING COVERING INDEX phones_customer/));
    expect(details).toContainEqual(expect.stringMatching(/SEARCH vehicles USING COVERING INDEX vehicles_customer/));
  });
});
