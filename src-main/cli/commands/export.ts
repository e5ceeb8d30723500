import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { CliUsageError, numberFlag, stringFlag, type CliCommand } from '../command';
import { openCliContext } from '../../transfer/cli-context';
import { exportCustomers } from '../../transfer/export-service';

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export customers to CSV (UTF-8 with BOM, opens in Chinese Excel) or XLSX',
  usage: 'Usage: npx dealerdesk export customers FILE [--query Q] [--format csv|xlsx] [--limit N] [--json] [--data-dir DIR]\n\nThe format follows the file extension unless --format is given.',
  async run(args, io) {
    const [what, file] = args.positionals;
    if (what !== 'customers' || !file) throw new CliUsageError('usage: dealerdesk export customers FILE');
    const format = stringFlag(args, 'format') ?? (extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
    if (format !== 'csv' && format !== 'xlsx') throw new CliUsageError(`--format must be csv or xlsx, got ${format}`);
    const limit = numberFlag(args, 'limit', 100_000);
    if (!Number.isInteger(limit) || limit < 1) throw new CliUsageError('--limit must be a positive whole number');
    const ctx = openCliContext(args.dataDir, io);
    try {
      const exported = await exportCustomers(ctx, { query: stringFlag(args, 'query') ?? '', format, limit });
      writeFileSync(file, exported.bytes);
      io.result({ path: file, customers: exported.rows, format, bytes: exported.bytes.length }, `exported ${exported.rows} customers to ${file}`);
    } finally {
      ctx.close();
    }
  },
};
