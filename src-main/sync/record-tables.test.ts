// A capability record whose optional parent (a work item's customer) is not on the desk yet is
// written with the reference empty; when the parent arrives and the server sends the same row
// again at the same rev (the pull that follows a snapshot started before the customer existed),
// the reference is filled in. Found by the fault schedules (soak seed 413246177).
import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { entityFields, type WireValue } from '../../src-shared/domain/sync/entities';
import { deskRows } from './desk-rows';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function openDesk(): Database.Database {
  const dir = mkdtempSync(join(tmpdir(), 'dd-record-tables-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'dealerdesk.sqlite'), { key: 'none' }).sqlite;
}

const workItem = (customer: string | null): WireValue[] => {
  const values: Record<string, WireValue> = {
    kind: 'inquiry', status: 'open', title: '来电咨询', description: '', priority: 'normal', createdBy: 'agent1', customer, sortAt: '2026-11-26T08:00:00.000Z',
    fields: '{}', importance: '[]', alarmsFired: '[]', attempts: 0, createdAt: '2026-11-26T08:00:00.000Z',
  };
  return entityFields.work_items.map((f) => values[f] ?? null);
};
const customer: WireValue[] = entityFields.customers.map((f) => ({ number: 'C1', name: '吴九', customFields: '{}' })[f as string] ?? null);

describe('capability records with optional parents', () => {
  it('fills in a reference whose parent arrived after the row, when the row comes again at the same rev', () => {
    const sqlite = openDesk();
    const rows = deskRows(sqlite);
    expect(rows.write('work_items', 'w1', 3, workItem('c1'))).toBe(true);
    expect(rows.read('work_items', 'w1')!.values[entityFields.work_items.indexOf('customer')]).toBeNull();

    expect(rows.write('customers', 'c1', 1, customer)).toBe(true);
    rows.write('work_items', 'w1', 3, workItem('c1'));
    expect(rows.read('work_items', 'w1')!.values[entityFields.work_items.indexOf('customer')]).toBe('c1');
    expect(sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  });

  it('still ignores an older rev and leaves a resolved reference as the newer row has it', () => {
    const sqlite = openDesk();
    const rows = deskRows(sqlite);
    rows.write('customers', 'c1', 1, customer);
    rows.write('work_items', 'w1', 5, workItem(null));
    expect(rows.write('work_items', 'w1', 4, workItem('c1'))).toBe(false);
    expect(rows.read('work_items', 'w1')!.values[entityFields.work_items.indexOf('customer')]).toBeNull();
  });
});
