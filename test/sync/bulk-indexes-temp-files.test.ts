// The index rebuild after an initial sync never writes a desk's data to a temp file: SQLite3
// MultipleCiphers does not encrypt temp files. restoreBulkIndexes uses SQLite's faster
// file-backed sorter only when every sort fits in its in-memory run (bulk-indexes.ts). A child
// desk process runs the rebuild with SQLITE_TMPDIR pointing at a watched folder; the control
// case shows the watch sees the temp file a sort that does not fit would write.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const child = join(import.meta.dirname, 'sorter-child.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function rebuild(cacheKib: number, mode = 'restore'): Promise<{ tempFiles: string[]; result: { indexes: number; tempStore: number } }> {
  const desk = mkdtempSync(join(tmpdir(), 'dd-sorter-desk-'));
  const temp = mkdtempSync(join(tmpdir(), 'dd-sorter-tmp-'));
  dirs.push(desk, temp);
  const tempFiles: string[] = [];
  const watcher = watch(temp, (_event, name) => {
    if (name) tempFiles.push(name);
  });
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const proc = spawn(tsx, [child, desk, String(cacheKib), mode], { env: { ...process.env, SQLITE_TMPDIR: temp }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      proc.stdout.on('data', (d) => (out += d));
      proc.stderr.on('data', (d) => (err += d));
      proc.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`sorter child exited ${code}: ${err}`))));
    });
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the last inotify events arrive
    return { tempFiles, result: JSON.parse(output.trim().split('\n').pop()!) };
  } finally {
    watcher.close();
  }
}

describe('index rebuild and temp files', () => {
  it('writes no temp file with the desk’s page cache (file-backed sorter, one in-memory run)', async () => {
    const { tempFiles, result } = await rebuild(655_360);
    expect(result.indexes).toBe(7);
    expect(result.tempStore).toBe(2); // back to MEMORY afterwards
    expect(tempFiles).toEqual([]);
  }, 60_000);

  it('writes no temp file when a sort would outgrow a small page cache (in-memory sorter)', async () => {
    const { tempFiles, result } = await rebuild(256);
    expect(result.indexes).toBe(7);
    expect(tempFiles).toEqual([]);
  }, 60_000);

  it('control: a file-backed sort larger than the page cache does write one, and the watch sees it', async () => {
    const { tempFiles } = await rebuild(256, 'force-file');
    expect(tempFiles.some((name) => name.startsWith('etilqs_'))).toBe(true);
  }, 60_000);
});
