// The end-to-end story at the service level: desk A edits a customer's phone while
// desk B is offline and edits the same customer's address; both come back; both edits show on
// both desks; a same-field edit lands in the conflict inbox with the losing value, and
// restoring it brings the value back everywhere.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, editRecord } from '../../src-main/sync/local-writes';
import { listConflicts, restoreConflict } from '../../src-main/sync/conflict-inbox';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { dumpDesk, dumpServer, openTestDesk, type TestDesk } from './desk-harness';

describe('two desks and a server', () => {
  let server: TestServer;
  let a: TestDesk;
  let b: TestDesk;
  const now = () => new Date('2026-11-26T08:00:00Z');

  beforeAll(async () => {
    server = await startTestServer();
    a = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    b = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await server?.close();
  });

  it('merges edits of different fields and records a same-field conflict', async () => {
    const customer = randomUUID();
    const phone = randomUUID();
    createRecord(a.sqlite, 'customers', customer, { number: 'C90000001', name: '李四', address: '天河路 1 号', customFields: '{}' }, now());
    createRecord(a.sqlite, 'phones', phone, { customer, kind: 'mobile', raw: '13800001111', normalized: '13800001111', isPrimary: true }, now());
    expect(await a.engine.syncOnce()).toBe(true);
    expect(await b.engine.syncOnce()).toBe(true);
    expect(dumpDesk(b.sqlite).customers[customer]).toEqual(dumpDesk(a.sqlite).customers[customer]);

    // B goes offline and edits the address; A edits the phone meanwhile.
    editRecord(b.sqlite, 'customers', customer, { address: '黄埔大道 88 号' }, now());
    editRecord(a.sqlite, 'phones', phone, { raw: '13900002222', normalized: '13900002222' }, now());
    expect(await a.engine.syncOnce()).toBe(true);
    expect(await b.engine.syncOnce()).toBe(true);
    expect(await a.engine.syncOnce()).toBe(true);
    for (const desk of [a, b]) {
      const dump = dumpDesk(desk.sqlite);
      expect(dump.customers[customer][5]).toBe('黄埔大道 88 号');
      expect(dump.phones[phone][3]).toBe('13900002222');
    }
    expect(listConflicts(a.sqlite, { includeResolved: true })).toEqual([]);

    // Same field on both desks: B's edit arrives last and wins; A's value is kept as a conflict.
    editRecord(a.sqlite, 'customers', customer, { email: 'a@example.cn' }, now());
    editRecord(b.sqlite, 'customers', customer, { email: 'b@example.cn' }, now());
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(dumpDesk(a.sqlite).customers[customer][6]).toBe('b@example.cn');
    const inbox = listConflicts(b.sqlite, {});
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: 'overwritten', field: 'email', lostValue: 'a@example.cn', wonValue: 'b@example.cn', recordUid: customer });

    // A supervisor restores the losing value from the inbox.
    restoreConflict(b.sqlite, inbox[0].uid, '主管', now());
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    expect(dumpDesk(a.sqlite).customers[customer][6]).toBe('a@example.cn');
    expect(listConflicts(a.sqlite, {})).toEqual([]);
    expect(dumpDesk(a.sqlite)).toEqual(dumpDesk(b.sqlite));
    expect(dumpDesk(a.sqlite)).toEqual(await dumpServer(server.sql, server.dealershipId));
  });
});
