import { readFileSync } from 'node:fs';
import { CliUsageError, stringFlag, type CliCommand } from '../command';
import { openDatabase } from '../../db/open';
import { databasePath } from '../../host/data-dir';
import { SyncEngine } from '../../sync/sync-engine';
import { syncState } from '../../sync/sync-state';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'sync this desk with the dealership server once (push the outbox, download, pull) and print the status',
  usage: [
    'Usage: npx dealerdesk sync [--server URL --user NAME --password PW [--ca FILE]] [--json] [--data-dir DIR]',
    '',
    '  --server URL    dealership server (stored for later runs and for the app)',
    '  --user, --password   sign in (only the refresh token is stored); later runs reuse it',
    '  --ca FILE       PEM certificate to trust for an https server with its own certificate authority',
  ].join('\n'),
  async run(args, io) {
    const { sqlite } = openDatabase(databasePath(args.dataDir));
    try {
      const url = stringFlag(args, 'server');
      const ca = stringFlag(args, 'ca');
      if (url) syncState.setServer(sqlite, { url, caPem: ca ? readFileSync(ca, 'utf8') : undefined, username: stringFlag(args, 'user') });
      const server = syncState.server(sqlite);
      if (!server) throw new CliUsageError('no dealership server configured: pass --server URL --user NAME --password PW');
      const user = stringFlag(args, 'user');
      const password = stringFlag(args, 'password');
      const engine = new SyncEngine({ sqlite, server, credentials: user && password ? { username: user, password } : undefined, websocket: false });
      const ok = await engine.syncOnce();
      const status = engine.status();
      await engine.stop();
      io.result(status, `${ok ? 'synced' : 'sync failed'}: ${status.connection}, ${status.pendingOutbox} pending, cursor ${status.cursor}${status.lastError ? `, ${status.lastError}` : ''}`);
      return ok ? 0 : 1;
    } finally {
      if (sqlite.open) sqlite.close();
    }
  },
};
