import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { CustomerUpdateSchema, type CustomerUpdate } from '../../src-shared/contract/customers';
import type { Role } from '../../src-shared/domain/roles';
import { openDatabase } from '../db/open';
import { customerCard } from './card-service';
import { insertCustomers } from './customer-writer';
import { searchCustomers } from './search-service';
import { updateCustomer } from './update-service';

const now = new Date('2026-11-26T08:00:00Z');
let sqlite: ReturnType<typeof openDatabase>['sqlite'];
let id: number;

beforeEach(() => {
  sqlite = openDatabase(join(mkdtempSync(join(tmpdir(), 'dd-update-')), 'desk.sqlite')).sqlite;
  [id] = insertCustomers(
    sqlite,
    [{ name: '陈静', gender: 'F', address: '天河路 1 号', phones: [{ raw: '13912345678' }, { raw: '0755-2345 6789' }], vehicles: [{ plate: '粤B3K8Z2', model: '雅阁' }] }],
    now,
  );
  sqlite.prepare('DELETE FROM sync_outbox').run();
});

function update(patch: Omit<CustomerUpdate, 'customerId'>, role: Role = 'supervisor') {
  return updateCustomer(sqlite, CustomerUpdateSchema.parse({ customerId: id, ...patch }), { role }, now);
}
const outbox = () => sqlite.prepare('SELECT entity, op, fields FROM sync_outbox ORDER BY mutation_id').all() as { entity: string; op: string; fields: string }[];
const card = () => customerCard(sqlite, id, { today: '2026-11-26', revealPhones: true });
const phoneIds = () => card().phones.map((p) => p.id);

describe('customers.update', () => {
  it('edits customer fields and queues only the changed fields in the outbox', () => {
    expect(update({ address: '黄埔大道 88 号', district: '黄埔区', gender: 'F', email: 'chen@example.cn', birthday: '1988-11-30' })).toBe(1);
    expect(card()).toMatchObject({ address: '黄埔大道 88 号', district: '黄埔区', email: 'chen@example.cn', birthday: '1988-11-30' });
    expect(outbox()).toEqual([{ entity: 'customers', op: 'upsert', fields: JSON.stringify({ birthday: '1988-11-30', district: '黄埔区', address: '黄埔大道 88 号', email: 'chen@example.cn' }) }]);
    expect(update({ address: '黄埔大道 88 号' })).toBe(0);
    expect(outbox()).toHaveLength(1);
    expect(update({ address: '' })).toBe(1);
    expect(card().address).toBeNull();
  });

  it('renames and keeps the name searchable by pinyin', () => {
    update({ name: '陈晓静' });
    expect(card().name).toBe('陈晓静');
    expect(searchCustomers(sqlite, 'chenxiaojing', { limit: 5, revealPhones: true }).map((h) => h.id)).toContain(id);
  });

  it('adds, edits and removes phones; the new number is found by search and one phone stays primary', () => {
    const [first, second] = phoneIds();
    update({ phones: { edit: [{ id: first, raw: '139 0000 2222' }], add: [{ raw: '13800001111', isPrimary: true }], remove: [second] } });
    const phones = card().phones;
    expect(phones.map((p) => p.display).sort()).toEqual(['138 0000 1111', '139 0000 2222'].sort());
    expect(phones.filter((p) => p.isPrimary)).toHaveLength(1);
    expect(phones.find((p) => p.isPrimary)?.display).toBe('138 0000 1111');
    expect(searchCustomers(sqlite, '13900002222', { limit: 5, revealPhones: true }).map((h) => h.id)).toEqual([id]);
    expect(searchCustomers(sqlite, '13912345678', { limit: 5, revealPhones: true })).toEqual([]);
    const ops = outbox().map((o) => `${o.entity}:${o.op}`);
    expect(ops).toContain('phones:delete');
    expect(ops.filter((o) => o === 'phones:upsert').length).toBeGreaterThanOrEqual(2);
  });

  it('promotes a remaining phone when the primary one is removed', () => {
    const [first] = phoneIds();
    update({ phones: { remove: [first] } });
    expect(card().phones).toEqual([expect.objectContaining({ isPrimary: true })]);
  });

  it('refuses a phone that is not a number and leaves nothing half done', () => {
    expect(() => update({ address: '新地址', phones: { add: [{ raw: 'abc-def' }] } })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(card().address).toBe('天河路 1 号');
    expect(outbox()).toEqual([]);
  });

  it('lets agents add phones but not change or remove a number they only see masked', () => {
    const [first] = phoneIds();
    expect(() => update({ phones: { edit: [{ id: first, raw: '13700000000' }] } }, 'agent')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => update({ phones: { remove: [first] } }, 'agent')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(update({ phones: { add: [{ raw: '13700000000' }] } }, 'agent')).toBe(1);
    expect(card().phones).toHaveLength(3);
  });

  it('edits vehicle fields, normalising the plate, and rejects records of another customer', () => {
    const vehicleId = card().vehicles[0].id;
    update({ vehicles: [{ id: vehicleId, plate: '粤a12345', mileageKm: 42000, insuranceExpiry: '2027-01-05', model: '' }] });
    const vehicle = card().vehicles[0];
    expect(vehicle).toMatchObject({ plate: '粤A·12345', mileageKm: 42000, mileageDate: '2026-11-26', insuranceExpiry: '2027-01-05', model: null });
    expect(searchCustomers(sqlite, '12345', { limit: 5, revealPhones: true }).map((h) => h.id)).toContain(id);
    const [other] = insertCustomers(sqlite, [{ name: '王五', phones: [{ raw: '13600000000' }], vehicles: [{ plate: '粤C11111' }] }], now);
    const otherVehicle = customerCard(sqlite, other, { today: '2026-11-26', revealPhones: true }).vehicles[0].id;
    expect(() => update({ vehicles: [{ id: otherVehicle, model: 'x' }] })).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('answers not-found for an unknown customer', () => {
    expect(() => updateCustomer(sqlite, CustomerUpdateSchema.parse({ customerId: 999999, address: 'x' }), { role: 'admin' }, now)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
