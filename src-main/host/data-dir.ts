import { homedir } from 'node:os';
import { join } from 'node:path';

export function databasePath(dataDir: string): string {
  return join(dataDir, 'dealerdesk.sqlite');
}

/** The per-user app data folder, the same one Electron's app.getPath('userData') uses. */
export function defaultDataDir(): string {
  if (process.env.DEALERDESK_DATA_DIR) return process.env.DEALERDESK_DATA_DIR;
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Dealerdesk');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Dealerdesk');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Dealerdesk');
  }
}
