// Shared by the knowledge tests: a desk context on a real SQLite file in a temp folder.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src-shared/domain/roles';
import { openDatabase } from '../db/open';
import type { DeskContext } from '../host/context';

export function testContext(role: Role = 'admin'): DeskContext & { events: { event: string; payload: unknown }[] } {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-kb-'));
  const { sqlite, db } = openDatabase(join(dataDir, 'dealerdesk.sqlite'));
  const events: { event: string; payload: unknown }[] = [];
  let clock = Date.parse('2026-03-02T01:00:00Z');
  return {
    sqlite,
    db,
    dataDir,
    host: 'cli',
    session: { userName: `test-${role}`, role, locale: 'zh-CN' },
    now: () => new Date((clock += 1000)),
    emit: (event, payload) => events.push({ event, payload }),
    log: { info() {}, error() {} },
    events,
  };
}
