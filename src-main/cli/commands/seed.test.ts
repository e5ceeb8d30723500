import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeskError } from '../../../src-shared/contract/errors';
import { CliUsageError, type CliIO } from '../command';
import { parseArgs } from '../parse-args';
import { seedCommand } from './seed';

const dir = mkdtempSync(join(tmpdir(), 'cli-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIO & { results: unknown[]; lines: string[] } {
  const results: unknown[] = [];
  const lines: string[] = [];
  return { results, lines, result: (json) => results.push(json), progress: (text) => lines.push(text) };
}

describe('dealerdesk seed', () => {
  it('seeds, refuses a second seed, and replaces the data with --force', async () => {
    const io = capture();
    await seedCommand.run(parseArgs(['--customers', '1200', '--seed', '3', '--today', '2025-01-31', '--data-dir', dir, '--json']), io);
    expect(io.results[0]).toMatchObject({ customers: 1200, seed: 3, today: '2025-01-31', path: join(dir, 'dealerdesk.sqlite') });
    expect((io.results[0] as { bytes: number }).bytes).toBeGreaterThan(100_000);
    expect(io.lines.at(-1)).toMatch(/100%\s+1200\/1200 customers/);

    await expect(seedCommand.run(parseArgs(['--customers', '10', '--data-dir', dir]), capture())).rejects.toBeInstanceOf(DeskError);

    const forced = capture();
    await seedCommand.run(parseArgs(['--customers', '300', '--force', '--data-dir', dir, '--today', '2025-01-31']), forced);
    expect(forced.results[0]).toMatchObject({ customers: 300 });
    expect(forced.lines[0]).toBe('removed 1200 existing customers');
  });

  it('rejects bad flags as usage errors', async () => {
    for (const argv of [['--customers', '-3'], ['--customers', '1.5'], ['--today', '2025-02-30'], ['--seed', 'x']]) {
      await expect(seedCommand.run(parseArgs([...argv, '--data-dir', dir]), capture())).rejects.toBeInstanceOf(CliUsageError);
    }
  });
});
