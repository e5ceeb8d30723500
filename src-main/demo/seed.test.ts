import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../src-shared/contract/errors';
import { churnStatus, visitClass } from '../../src-shared/domain/churn';
import { customerNameKeys, phoneKeys, vehicleKeys } from '../../src-shared/domain/customer-keys';
import { isValidVin } from '../../src-shared/domain/vin';
import { openDatabase } from '../db/open';
import { seedDemoData, type SeedResult } from './seed';
import { modelYearCode } from './vehicle-ids';

const today = '2025-06-15';
const customers = 5_000;
let dir: string;
let sqlite: Database.Database;
let result: SeedResult;
const progress: [number, number][] = [];

function all<T>(sql: string): T[] {
  return sqlite.prepare(sql).all() as T[];
}

function indexSql(db: Database.Database): { name: string; sql: string }[] {
  return db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all() as { name: string; sql: string }[];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-seed-'));
  sqlite = openDatabase(join(dir, 'desk.sqlite')).sqlite;
  result = seedDemoData(sqlite, { customers, seed: 7, today, onProgress: (done, total) => progress.push([done, total]) });
});

afterAll(() => {
  sqlite?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoData', () => {
  it('reports what it inserted, about 1.5 vehicles and 2 visits per vehicle', () => {
    const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect(result).toMatchObject({ customers, vehicles: count('vehicles'), phones: count('phones'), visits: count('service_visits') });
    expect(count('customers')).toBe(customers);
    expect(result.vehicles / customers).toBeGreaterThan(1.4);
    expect(result.vehicles / customers).toBeLessThan(1.6);
    expect(result.visits / result.vehicles).toBeGreaterThan(1.6);
    expect(result.visits / result.vehicles).toBeLessThan(2.5);
    const perCustomer = all<{ phones: number; vehicles: number }>(
      `SELECT (SELECT count(*) FROM phones p WHERE p.customer_id = c.id) AS phones,
              (SELECT count(*) FROM vehicles v WHERE v.customer_id = c.id) AS vehicles FROM customers c`,
    );
    for (const c of perCustomer) {
      expect(c.phones).toBeGreaterThanOrEqual(1);
      expect(c.phones).toBeLessThanOrEqual(3);
      expect(c.vehicles).toBeGreaterThanOrEqual(1);
      expect(c.vehicles).toBeLessThanOrEqual(2);
    }
    expect(progress[0]).toEqual([0, customers]);
    expect(progress.at(-1)).toEqual([customers, customers]);
  });

  it('derives every search column exactly as the shared domain rules do', () => {
    for (const c of all<{ name: string; name_reversed: string; pinyin: string; pinyin_initials: string; number: string }>('SELECT * FROM customers')) {
      const keys = customerNameKeys(c.name);
      expect({ name: c.name, ...keys }).toEqual({ name: c.name, nameReversed: c.name_reversed, pinyin: c.pinyin, pinyinInitials: c.pinyin_initials });
      expect(c.number).toMatch(/^C\d{8}$/);
    }
    const phones = all<{ raw: string; kind: string; normalized: string; reversed: string }>('SELECT * FROM phones');
    for (const p of phones) expect(phoneKeys(p.raw), p.raw).toEqual({ normalized: p.normalized, reversed: p.reversed, kind: p.kind });
    expect(phones.filter((p) => p.kind === 'landline').length).toBeGreaterThan(phones.length * 0.1);
    expect(phones.filter((p) => p.kind === 'mobile').length).toBeGreaterThan(phones.length * 0.6);

    const vehicles = all<Record<string, string | number | null>>('SELECT * FROM vehicles');
    for (const v of vehicles) {
      const vin = v.vin as string;
      expect(isValidVin(vin), vin).toBe(true);
      expect(vin.slice(0, 3)).toBe('LHG');
      expect(vin[9]).toBe(modelYearCode(v.model_year as number));
      const keys = vehicleKeys(v.plate as string | null, vin);
      expect(keys).toEqual({ plate: v.plate, plateLocal: v.plate_local, plateReversed: v.plate_reversed, vin, vinReversed: v.vin_reversed });
    }
    const plates = vehicles.map((v) => v.plate).filter((p): p is string => p !== null);
    expect(plates.length).toBeGreaterThan(vehicles.length * 0.98);
    expect(new Set(plates).size).toBe(plates.length);
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length);
    expect(plates.filter((p) => p.startsWith('粤A')).length / plates.length).toBeGreaterThan(0.7);
    expect(plates.some((p) => /^粤A[DF]\d/.test(p))).toBe(true);
  });

  it('gives every churn class A–D and every status meaningful shares', () => {
    const visits = all<{ customer_id: number; visit_date: string }>('SELECT customer_id, visit_date FROM service_visits');
    const byCustomer = new Map<number, string[]>();
    for (const v of visits) byCustomer.set(v.customer_id, [...(byCustomer.get(v.customer_id) ?? []), v.visit_date]);
    const classes: Record<string, number> = {};
    const statuses: Record<string, number> = {};
    for (const { id } of all<{ id: number }>('SELECT id FROM customers')) {
      const dates = byCustomer.get(id) ?? [];
      const cls = visitClass(dates, today);
      const status = churnStatus(dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null, today);
      classes[cls] = (classes[cls] ?? 0) + 1;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
    for (const cls of ['A', 'B', 'C', 'D']) expect(classes[cls] / customers, `class ${cls}`).toBeGreaterThan(0.05);
    for (const status of ['active', 'at_risk', 'lost', 'permanently_lost', 'new']) expect(statuses[status] / customers, status).toBeGreaterThan(0.05);
  });

  it('builds service histories consistent with the vehicles', () => {
    const visits = all<{ vehicle_id: number; visit_date: string; kind: string; mileage_km: number; amount_yuan: number; by_appointment: number }>(
      'SELECT * FROM service_visits ORDER BY vehicle_id, visit_date, mileage_km',
    );
    const vehicles = new Map(all<Record<string, any>>('SELECT * FROM vehicles').map((v) => [v.id as number, v]));
    const byVehicle = new Map<number, typeof visits>();
    for (const v of visits) byVehicle.set(v.vehicle_id, [...(byVehicle.get(v.vehicle_id) ?? []), v]);
    for (const [vehicleId, list] of byVehicle) {
      const vehicle = vehicles.get(vehicleId)!;
      expect(list[0].kind).toBe('first_maintenance');
      expect(list[0].mileage_km).toBeGreaterThanOrEqual(3_000);
      expect(list[0].mileage_km).toBeLessThanOrEqual(5_000);
      expect(list[0].visit_date > vehicle.purchase_date).toBe(true);
      for (let i = 1; i < list.length; i++) expect(list[i].mileage_km).toBeGreaterThanOrEqual(list[i - 1].mileage_km);
      const last = list[list.length - 1];
      expect(last.visit_date <= today).toBe(true);
      expect(vehicle.mileage_km).toBe(last.mileage_km);
      expect(vehicle.mileage_date).toBe(last.visit_date);
      expect(vehicle.next_service_km).toBeGreaterThan(vehicle.mileage_km);
      expect(vehicle.next_service_date > last.visit_date).toBe(true);
    }
    for (const v of vehicles.values()) {
      expect(v.insurance_expiry.slice(5)).toBe(v.purchase_date.slice(5) === '02-29' ? '02-28' : v.purchase_date.slice(5));
      expect(v.next_inspection >= today).toBe(true);
      expect(v.warranty_end > v.purchase_date).toBe(true);
    }
    const kinds = new Set(visits.map((v) => v.kind));
    expect([...kinds].sort()).toEqual(['accident', 'first_maintenance', 'maintenance', 'repair', 'warranty']);
    const appointmentShare = visits.filter((v) => v.by_appointment === 1).length / visits.length;
    expect(appointmentShare).toBeGreaterThan(0.3);
    expect(appointmentShare).toBeLessThan(0.45);
    expect(visits.filter((v) => v.kind === 'repair').every((v) => v.amount_yuan > 0)).toBe(true);
    const tiers = new Set(all<{ membership_tier: string }>('SELECT membership_tier FROM customers').map((c) => c.membership_tier));
    expect([...tiers].sort()).toEqual(['普通', '金卡', '钻石', '银卡'].sort());
  });

  it('leaves the schema exactly as the migration made it, consistent and with settings restored', () => {
    const fresh = openDatabase(join(dir, 'fresh.sqlite')).sqlite;
    try {
      expect(indexSql(sqlite)).toEqual(indexSql(fresh));
    } finally {
      fresh.close();
    }
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(all<{ tbl: string }>(`SELECT tbl FROM sqlite_stat1 WHERE tbl = 'vehicles'`).length).toBeGreaterThan(0);
  });

  it('refuses a database that already holds customers', () => {
    let error: unknown;
    try {
      seedDemoData(sqlite, { customers: 10, today });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('conflict');
    expect((sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n).toBe(customers);
  });
});
