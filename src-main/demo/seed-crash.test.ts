// A crash never corrupts the database: kill the seeding process mid-load (SIGKILL, no cleanup)
// and the next open rolls the load back to an empty, healthy desk that can be seeded again.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { databasePath } from '../host/data-dir';
import { seedDemoData } from './seed';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('demo seed killed mid-load', () => {
  it('leaves an empty, intact desk that seeds again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-seed-kill-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'seed', '--customers', '400000', '--data-dir', dir], { cwd: root });
    await new Promise<void>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk.toString();
        // Late in the load: the page cache (256 MB) has spilled uncommitted pages into the file.
        if (/\s(7\d|8\d)%/.test(stderr)) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`seed ended before it could be killed: ${stderr.slice(-300)}`)));
    });
    await new Promise((r) => child.once('close', r));

    const { sqlite } = openDatabase(databasePath(dir));
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    const again = seedDemoData(sqlite, { customers: 200, seed: 1, today: '2026-11-26' });
    expect(again.customers).toBe(200);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    sqlite.close();
  });
});
