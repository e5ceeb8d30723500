import type { CliCommand } from '../command';
import { importCommand } from './import';
import { exportCommand } from './export';
import { backupCommand } from './backup';
import { restoreCommand } from './restore';
import { seedCommand } from './seed';
import { kbCommand } from './kb';
import { searchCommand } from './search';
import { syncCommand } from './sync';

// Each capability adds its commands here, one line each.
export const commands: CliCommand[] = [
  importCommand,
  exportCommand,
  backupCommand,
  restoreCommand,
  seedCommand,
  kbCommand,
  searchCommand,
  syncCommand,
];
