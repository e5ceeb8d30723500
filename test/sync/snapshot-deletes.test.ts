// A record deleted on the server before a desk's snapshot began must not outlive the snapshot on
// that desk. A snapshot sends the current rows, and the pull after it starts at R0 (the rev of
// its first page), past the delete: so a row the desk already held before the snapshot (its own
// create, pushed and acknowledged before a crash cut the first snapshot page) was never removed.
// Snapshot pages now carry the uids of deleted rows in their range (store/snapshot-page.ts) and
// the desk removes them (sync/snapshot-writer.ts). The fault schedule that found it (3 desks):
//   [create d1, crash d1, sync d0, delete d0 pick 0, sync d0], then every desk syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, deleteRecord } from '../../src-main/sync/local-writes';
import { syncState } from '../../src-main/sync/sync-state';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk, type TestDesk } from './desk-harness';
import { ScheduleWorld, type Command } from './schedules';

describe('snapshot after a delete the desk never pulled', () => {
  let server: TestServer;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    for (const desk of desks) await desk.close();
    await server?.close();
  });

  it('removes a record the desk created and pushed, deleted elsewhere before its snapshot began', async () => {
    let crash = true;
    const faults = { beforeCommit: () => { if (crash) { crash = false; throw new Error('injected crash'); } } };
    const one = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword, snapshotLimit: 4, faults });
    const zero = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword, snapshotLimit: 4 });
    desks.push(one, zero);
    const now = new Date('2026-11-26T08:00:00Z');
    createRecord(one.sqlite, 'customers', 'c-doomed', { number: 'C00000001', name: '客户', customFields: '{}' }, now);
    createRecord(one.sqlite, 'phones', 'p-doomed', { customer: 'c-doomed', kind: 'mobile', raw: '13800000000', normalized: '13800000000', isPrimary: true }, now);
    createRecord(one.sqlite, 'customers', 'c-kept', { number: 'C00000002', name: '客户', customFields: '{}' }, now);
    // Pushed and acknowledged, then the first snapshot page is cut: the snapshot has not begun.
    expect(await one.engine.syncOnce()).toBe(false);
    expect(one.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    expect(syncState.snapshot(one.sqlite)).toMatchObject({ after: '', r0: null });

    expect(await zero.engine.syncOnce()).toBe(true);
    deleteRecord(zero.sqlite, 'customers', 'c-doomed', now);
    expect(await zero.engine.syncOnce()).toBe(true);

    // A desk-only record (demo content, never queued for the server) stays.
    one.sqlite.prepare(`INSERT INTO customers (uid, rev, number, name, name_reversed, pinyin, pinyin_initials) VALUES ('c-local', 0, 'L1', '演示', '示演', 'yanshi', 'ys')`).run();
    expect(await one.engine.syncOnce()).toBe(true);
    const uids = one.sqlite.prepare('SELECT uid FROM customers ORDER BY uid').pluck().all();
    expect(uids).toEqual(['c-kept', 'c-local']);
    expect(one.sqlite.prepare(`SELECT count(*) FROM phones WHERE uid = 'p-doomed'`).pluck().get()).toBe(0);
    one.sqlite.prepare(`DELETE FROM customers WHERE uid = 'c-local'`).run();
    expect(dumpDesk(one.sqlite)).toEqual(await dumpServer(server.sql, server.dealershipId));
  });

  it('converges on the fault schedule that found it', async () => {
    const world = await ScheduleWorld.start();
    try {
      const schedule: Command[] = [
        { t: 'create', desk: 1, number: 1 },
        { t: 'crash', desk: 1 },
        { t: 'sync', desk: 0, faults: [] },
        { t: 'delete', desk: 0, pick: 0 },
        { t: 'sync', desk: 0, faults: [] },
      ];
      await world.run(schedule, 3);
    } finally {
      await world.close();
    }
  }, 120_000);
});
