// The CLI commands end to end: a real process, a real data folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => join(root, 'test', 'fixtures', 'import', name);

function cli(...args: string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr, json: () => JSON.parse(out.stdout.trim().split('\n').at(-1)!) };
}

describe('dealerdesk import/export/backup/restore', () => {
  it('prints the row-level report as JSON and exits non-zero when nothing was committed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-cli-'));
    const rejected = cli('import', 'customers', fixture('bad-rows.csv'), '--json', '--data-dir', dir);
    expect(rejected.code).toBe(1);
    const report = rejected.json();
    expect(report).toMatchObject({ totalRows: 9, imported: 0, committed: false });
    expect(report.issues).toContainEqual({ row: 5, column: '姓名', code: 'name_required', severity: 'error', reason: 'name is required' });
    expect(report.issues).toContainEqual(expect.objectContaining({ row: 9, code: 'vin_check_digit', severity: 'warning' }));

    const text = cli('import', 'customers', fixture('bad-rows.csv'), '--data-dir', dir);
    expect(text.code).toBe(1);
    // The check-digit warning is listed but not counted as a problem.
    expect(text.stdout).toContain('nothing imported: 8 problems in 9 rows');
    expect(text.stdout).toMatch(/row 9, VIN\/车架号: warning: VIN "LSVAM4187C2184848" check digit wrong/);
    expect(text.stdout).toContain('row 5, 姓名: name is required');

    const partial = cli('import', 'customers', fixture('bad-rows.csv'), '--skip-invalid', '--json', '--data-dir', dir);
    expect(partial.code).toBe(0);
    expect(partial.json()).toMatchObject({ imported: 2, skipped: 7, committed: true });

    const ok = cli('import', 'customers', fixture('customers-gbk.csv'), '--json', '--data-dir', dir);
    expect(ok.code).toBe(0);
    expect(ok.json()).toEqual({ totalRows: 3, imported: 3, skipped: 0, committed: true, issues: [] });
  });

  it('exports, backs up and restores', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-cli-'));
    expect(cli('import', 'customers', fixture('customers-gbk.csv'), '--json', '--data-dir', dir).code).toBe(0);
    const backup = cli('backup', '--json', '--data-dir', dir);
    expect(backup.code).toBe(0);
    const backupPath = backup.json().path as string;
    expect(existsSync(backupPath)).toBe(true);

    expect(cli('import', 'customers', fixture('customers-utf8-bom.csv'), '--json', '--data-dir', dir).code).toBe(0);
    const exported = cli('export', 'customers', join(dir, 'all.xlsx'), '--json', '--data-dir', dir);
    expect(exported.json()).toMatchObject({ customers: 5, format: 'xlsx' });

    const restored = cli('restore', backupPath, '--json', '--data-dir', dir);
    expect(restored.code).toBe(0);
    expect(restored.json().restoredFrom).toBe(backupPath);
    expect(cli('export', 'customers', join(dir, 'after.csv'), '--json', '--data-dir', dir).json()).toMatchObject({ customers: 3, format: 'csv' });
    expect(cli('backup', 'list', '--json', '--data-dir', dir).json()).toHaveLength(2);
  });

  it('reports bad input as a JSON error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealerdesk-cli-'));
    const missing = cli('import', 'customers', join(dir, 'nope.csv'), '--json', '--data-dir', dir);
    expect(missing.code).toBe(2);
    expect(missing.json().error.code).toBe('usage');
    const notDealerdesk = cli('restore', fixture('multiline.csv'), '--json', '--data-dir', dir);
    expect(notDealerdesk.code).toBe(1);
    expect(notDealerdesk.json().error).toMatchObject({ code: 'invalid-input' });
  });
});
