// The CLI's own contract: --help, search --json, JSON errors with non-zero exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
function cli(...args: string[]) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('dealerdesk CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-cli-'));
  beforeAll(() => {
    expect(cli('seed', '--customers', '500', '--seed', '3', '--data-dir', dir, '--json').code).toBe(0);
  });

  it('documents every command in --help', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['seed', 'import', 'export', 'backup', 'restore', 'search']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(cli('search', '--help').stdout).toContain('--json');
  });

  it('prints ranked customers with number, name, phones and plates as JSON', () => {
    const out = cli('search', '张', '--json', '--limit', '5', '--data-dir', dir);
    expect(out.code).toBe(0);
    const { hits } = JSON.parse(out.stdout);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    for (const hit of hits) {
      expect(hit.name.startsWith('张')).toBe(true);
      expect(hit).toMatchObject({ number: expect.stringMatching(/^C\d{8}$/), phones: expect.any(Array), plates: expect.any(Array), score: expect.any(Number) });
    }
    const scores = hits.map((h: { score: number }) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const byNumber = JSON.parse(cli('search', hits[0].number, '--json', '--data-dir', dir).stdout);
    expect(byNumber.hits[0]).toMatchObject({ id: hits[0].id, match: 'number' });
  });

  it('reports errors as JSON with a non-zero exit', () => {
    const missing = cli('search', '--json', '--data-dir', dir);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('QUERY') } });
    const unknown = cli('frobnicate', '--json');
    expect(unknown.code).toBe(2);
    expect(JSON.parse(unknown.stdout).error.code).toBe('usage');
  });
});
