import { CliUsageError, type CliCommand } from '../command';
import { backupDatabase, listBackups } from '../../transfer/backup-service';
import { openCliContext } from '../../transfer/cli-context';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the live database to DATA_DIR/backups/ (safe while the desk runs); `backup list` shows backups',
  usage: 'Usage: npx dealerdesk backup [list] [--json] [--data-dir DIR]',
  async run(args, io) {
    if (args.positionals.length > 0 && args.positionals[0] !== 'list') throw new CliUsageError(`unknown backup argument: ${args.positionals[0]}`);
    const ctx = openCliContext(args.dataDir, io);
    try {
      if (args.positionals[0] === 'list') {
        const backups = listBackups(ctx);
        io.result(backups, backups.map((b) => `${b.createdAt}  ${String(b.bytes).padStart(12)}  ${b.path}`).join('\n') || 'no backups');
        return;
      }
      const backup = await backupDatabase(ctx);
      io.result(backup, `backup written to ${backup.path} (${backup.bytes} bytes)`);
    } finally {
      ctx.close();
    }
  },
};
