import { CliUsageError, type CliCommand } from '../command';
import { restoreDatabase } from '../../transfer/backup-service';
import { openCliContext } from '../../transfer/cli-context';

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'replace the live database with a backup (the current data is saved as a pre-restore backup first)',
  usage: 'Usage: npx dealerdesk restore FILE [--json] [--data-dir DIR]',
  async run(args, io) {
    const [file] = args.positionals;
    if (!file) throw new CliUsageError('usage: dealerdesk restore FILE');
    const ctx = openCliContext(args.dataDir, io);
    try {
      const result = await restoreDatabase(ctx, file);
      io.result(result, `restored from ${result.restoredFrom}; previous data kept in ${result.safetyBackup}`);
    } finally {
      ctx.close();
    }
  },
};
