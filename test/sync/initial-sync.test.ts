// Initial sync onto an empty desk through the snapshot fast path (src-main/sync/snapshot-writer.ts,
// src-server/store/snapshot-page.ts): the desk ends with exactly the server's rows, also when the
// download is cut in the middle of an entity and resumed, and when a record the desk pushed
// before its snapshot comes back in it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropBulkIndexes } from '../../src-main/sync/bulk-indexes';
import { createRecord } from '../../src-main/sync/local-writes';
import { syncState } from '../../src-main/sync/sync-state';
import { bulkLoad, type LoadRow } from '../../src-server/store/bulk-load';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk, type TestDesk } from './desk-harness';

const customers = 230;
const uid = (prefix: string, i: number) => `${prefix}${String(i).padStart(4, '0')}-${randomUUID().slice(0, 8)}`;

async function load(server: TestServer): Promise<void> {
  const people: LoadRow[] = Array.from({ length: customers }, (_, i) => ({
    uid: uid('c', i),
    fields: { number: `C${String(i).padStart(8, '0')}`, name: ['张伟', '李娜', '欧阳明', 'Wang Fang'][i % 4], gender: i % 3 ? 'M' : null, address: i % 5 ? `天河路 ${i} 号` : null, advisor: i % 2 ? '王顾问' : null, customFields: '{}' },
  }));
  const phones: LoadRow[] = people.flatMap((c, i) => Array.from({ length: i % 3 }, (_, k) => ({ uid: uid('p', i * 3 + k), fields: { customer: c.uid, kind: 'mobile', raw: `138${String(i * 3 + k).padStart(8, '0')}`, normalized: `138${String(i * 3 + k).padStart(8, '0')}`, isPrimary: k === 0 } })));
  const vehicles: LoadRow[] = people.flatMap((c, i) =>
    Array.from({ length: 1 + (i % 2) }, (_, k) => ({
      uid: uid('v', i * 2 + k),
      fields: { customer: c.uid, plate: k ? null : `粤A${String(10000 + i)}`, vin: i % 4 ? `LHGCV3652S40${String(i).padStart(5, '0')}` : null, brand: '广汽本田', modelYear: 2020 + (i % 6), mileageKm: i * 1000, nextServiceKm: null },
    })),
  );
  const visits: LoadRow[] = vehicles.map((v, i) => ({ uid: uid('s', i), fields: { customer: v.fields.customer, vehicle: v.uid, visitDate: '2026-03-01', kind: 'maintenance', amountYuan: i % 3 ? 1234.5 + i : null, byAppointment: i % 2 === 0 } }));
  await bulkLoad(server.sql, server.dealershipId, 'customers', people);
  await bulkLoad(server.sql, server.dealershipId, 'phones', phones);
  await bulkLoad(server.sql, server.dealershipId, 'vehicles', vehicles);
  await bulkLoad(server.sql, server.dealershipId, 'service_visits', visits);
}

describe('initial sync', () => {
  let server: TestServer;
  const desks: TestDesk[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    await load(server);
  }, 120_000);
  afterAll(async () => {
    for (const desk of desks) await desk.close();
    await server?.close();
  });

  it("downloads the server's rows exactly, resuming from the last page after a cut mid-entity", async () => {
    let commits = 0;
    let cutAt = 3; // the 4th page: inside customers (pages of 50)
    const journalModes = new Set<string>();
    const desk = openTestDesk({
      serverUrl: server.url, username: 'agent1', password: testPassword, snapshotLimit: 50,
      faults: {
        beforeCommit: (what) => {
          if (what === 'snapshot') journalModes.add(desk.sqlite.pragma('journal_mode', { simple: true }) as string);
          if (what === 'snapshot' && commits++ === cutAt) throw new Error('cut');
        },
      },
    });
    desks.push(desk);
    expect(await desk.engine.syncOnce()).toBe(false);
    const cut = syncState.snapshot(desk.sqlite);
    expect(cut).toMatchObject({ entity: 'customers', rows: 150 });
    expect(desk.sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(150);
    // A second cut inside the vehicles, then the rest.
    commits = 0;
    cutAt = 8;
    expect(await desk.engine.syncOnce()).toBe(false);
    expect(syncState.snapshot(desk.sqlite)?.entity).not.toBe('customers');
    cutAt = -1;
    expect(await desk.engine.syncOnce()).toBe(true);
    expect(syncState.snapshot(desk.sqlite)).toBeNull();
    expect(dumpDesk(desk.sqlite)).toEqual(await dumpServer(server.sql, server.dealershipId));
    // Derived search keys and indexes as a desk written row by row has them.
    expect(desk.sqlite.prepare(`SELECT count(*) FROM customers WHERE pinyin = '' OR name_reversed = ''`).pluck().get()).toBe(0);
    expect(desk.sqlite.prepare(`SELECT plate_local FROM vehicles WHERE plate = '粤A10007'`).pluck().get()).toBe('A10007');
    expect(desk.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'vehicles_plate_local'`).pluck().get()).toBe(1);
    expect(desk.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Snapshot pages commit through a rollback journal (bulk-journal.ts), and the desk ends in WAL.
    expect([...journalModes]).toEqual(['truncate']);
    expect(desk.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('keeps a record the desk pushed before its snapshot, once', async () => {
    const desk = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword, snapshotLimit: 40 });
    desks.push(desk);
    const mine = `c9999-${randomUUID().slice(0, 8)}`;
    createRecord(desk.sqlite, 'customers', mine, { number: 'C99999999', name: '本地客户', customFields: '{}' }, new Date('2026-11-26T08:00:00Z'));
    expect(await desk.engine.syncOnce()).toBe(true);
    const dump = dumpDesk(desk.sqlite);
    expect(dump).toEqual(await dumpServer(server.sql, server.dealershipId));
    expect(Object.keys(dump.customers)).toHaveLength(customers + 1);
    expect(desk.sqlite.prepare('SELECT rev FROM customers WHERE uid = ?').pluck().get(mine)).toBeGreaterThan(0);
  });

  it('rebuilds the search indexes of a desk killed after its last snapshot page, at the next sync', async () => {
    const desk = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword, snapshotLimit: 200 });
    desks.push(desk);
    expect(await desk.engine.syncOnce()).toBe(true);
    const hasPinyinIndex = () => desk.sqlite.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'customers_pinyin'`).pluck().get();
    expect(hasPinyinIndex()).toBe(1);
    // What a kill between the snapshot's last page and the index rebuild leaves behind.
    dropBulkIndexes(desk.sqlite);
    expect(hasPinyinIndex()).toBe(0);
    expect(syncState.snapshot(desk.sqlite)).toBeNull();
    expect(await desk.engine.syncOnce()).toBe(true);
    expect(hasPinyinIndex()).toBe(1);
    expect(syncState.droppedIndexes(desk.sqlite)).toEqual([]);
  });
});
