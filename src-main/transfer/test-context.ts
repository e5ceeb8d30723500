// Test helper: a DeskContext over a real SQLite file in a fresh temp folder, recording events.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src-shared/domain/roles';
import { openDatabase } from '../db/open';
import type { DeskContext } from '../host/context';

export interface TestContext extends DeskContext {
  events: { event: string; payload: unknown }[];
  close(): void;
}

export function createTestContext(role: Role = 'admin', dataDir = mkdtempSync(join(tmpdir(), 'dealerdesk-transfer-'))): TestContext {
  const { sqlite, db } = openDatabase(join(dataDir, 'dealerdesk.sqlite'));
  const events: TestContext['events'] = [];
  const ctx: TestContext = {
    sqlite,
    db,
    dataDir,
    host: 'cli',
    session: { userName: 'test', role, locale: 'zh-CN' },
    now: () => new Date('2024-05-01T10:00:00+08:00'),
    emit: (event, payload) => events.push({ event, payload }),
    log: { info: () => {}, error: () => {} },
    events,
    // The live connection changes when a backup is restored.
    close: () => ctx.sqlite.close(),
  };
  return ctx;
}

export function countRows(ctx: DeskContext): { customers: number; phones: number; vehicles: number } {
  const count = (table: string) => ctx.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { customers: count('customers'), phones: count('phones'), vehicles: count('vehicles') };
}
