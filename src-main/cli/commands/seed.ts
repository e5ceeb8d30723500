import { statSync } from 'node:fs';
import { CliUsageError, numberFlag, stringFlag, type CliCommand } from '../command';
import { openDatabase } from '../../db/open';
import { databasePath } from '../../host/data-dir';
import { defaultSeed, seedDemoData } from '../../demo/seed';
import { wipeCustomerData } from '../../demo/wipe';
import { defaultTimeZone, isIsoDate, todayIn } from '../../../src-shared/domain/dates';

const defaultCustomers = 20_000;
const barWidth = 30;

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'fill an empty database with generated demo customers, vehicles and service history',
  usage: [
    'Usage: npx dealerdesk seed [--customers N] [--seed S] [--today YYYY-MM-DD] [--force] [--json] [--data-dir DIR]',
    '',
    `  --customers N   how many customers (default ${defaultCustomers}; about 1.5 vehicles each)`,
    `  --seed S        random seed; the same seed and --today give the same data (default ${defaultSeed})`,
    '  --today DATE    date the generated history is relative to (default: today in China)',
    '  --force         delete all existing customers first',
  ].join('\n'),
  async run(args, io) {
    const customers = numberFlag(args, 'customers', defaultCustomers);
    if (!Number.isInteger(customers) || customers < 0) throw new CliUsageError(`--customers must be a whole number ≥ 0, got ${customers}`);
    const seed = numberFlag(args, 'seed', defaultSeed);
    if (!Number.isInteger(seed)) throw new CliUsageError(`--seed must be a whole number, got ${seed}`);
    const today = stringFlag(args, 'today') ?? todayIn(defaultTimeZone, new Date());
    if (!isIsoDate(today)) throw new CliUsageError(`--today must be a date like 2025-06-30, got ${today}`);

    const path = databasePath(args.dataDir);
    const { sqlite } = openDatabase(path);
    try {
      if (args.flags.force === true) {
        const removed = wipeCustomerData(sqlite);
        if (removed) io.progress(`removed ${removed} existing customers`);
      }
      let shownPercent = -1;
      const started = performance.now();
      const result = seedDemoData(sqlite, {
        customers,
        seed,
        today,
        onProgress(done, total) {
          const percent = total ? Math.floor((done / total) * 100) : 100;
          if (percent < shownPercent + 5 && done !== total) return;
          shownPercent = percent;
          const filled = Math.round((percent / 100) * barWidth);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          io.progress(`[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${String(percent).padStart(3)}%  ${done}/${total} customers  ${seconds} s`);
        },
      });
      sqlite.close();
      const bytes = statSync(path).size;
      io.result(
        { ...result, seed, today, path, bytes },
        `seeded ${result.customers} customers, ${result.vehicles} vehicles, ${result.phones} phones, ${result.visits} visits ` +
          `in ${(result.ms / 1000).toFixed(1)} s (seed ${seed}, today ${today})\n${path}: ${(bytes / 1024 / 1024).toFixed(1)} MB`,
      );
    } finally {
      if (sqlite.open) sqlite.close();
    }
  },
};
