// The initial sync's rollback-journal window (bulk-journal.ts): entered and left cleanly, skipped
// while another connection holds the desk, and a desk killed inside it keeps its last commit.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { beginBulkJournal } from './bulk-journal';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function deskDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-bulk-journal-'));
  dirs.push(dir);
  return dir;
}

describe('bulk journal', () => {
  it('switches the desk to a rollback journal with full syncs, and back to WAL', () => {
    const { sqlite } = openDatabase(join(deskDir(), 'dealerdesk.sqlite'));
    const journal = beginBulkJournal(sqlite);
    expect(journal.active).toBe(true);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('truncate');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    journal.end();
    journal.end();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    sqlite.close();
  });

  it('stays in WAL while another connection has the desk open', () => {
    const path = join(deskDir(), 'dealerdesk.sqlite');
    const { sqlite } = openDatabase(path);
    const other = openDatabase(path).sqlite;
    other.prepare('SELECT count(*) FROM customers').get();
    const journal = beginBulkJournal(sqlite);
    expect(journal.active).toBe(false);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1);
    journal.end();
    other.close();
    sqlite.close();
  });

  it('a desk killed mid-transaction reopens with its last commit, intact and in WAL', async () => {
    const dir = deskDir();
    const output = await new Promise<string>((resolve) => {
      const proc = spawn(join(process.cwd(), 'node_modules', '.bin', 'tsx'), [join(process.cwd(), 'test', 'sync', 'bulk-journal-child.ts'), dir, '3000'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      proc.stdout.on('data', (d) => (out += d));
      proc.on('exit', () => resolve(out)); // tsx relays the child's SIGKILL as exit code 137
    });
    expect(JSON.parse(output)).toEqual({ active: true, mode: 'truncate' });
    // The killed transaction had written into the file: only its hot journal can undo that.
    expect(statSync(join(dir, 'dealerdesk.sqlite-journal')).size).toBeGreaterThan(0);
    const { sqlite } = openDatabase(join(dir, 'dealerdesk.sqlite'));
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(3000);
    expect(sqlite.prepare(`SELECT count(*) FROM customers WHERE address = 'overwritten'`).pluck().get()).toBe(0);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    sqlite.close();
  }, 60_000);
});
