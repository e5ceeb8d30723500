// The CLI is an admin tool on the user's own machine: it opens the data folder's database
// directly and acts as admin. Progress events go to stderr (never with --json).
import { userInfo } from 'node:os';
import type { CliIO } from '../cli/command';
import { openDatabase } from '../db/open';
import { databasePath } from '../host/data-dir';
import type { DeskContext } from '../host/context';

export function openCliContext(dataDir: string, io: CliIO): DeskContext & { close(): void } {
  const { sqlite, db } = openDatabase(databasePath(dataDir));
  let lastShown = 0;
  return {
    sqlite,
    db,
    dataDir,
    host: 'cli',
    session: { userName: safeUserName(), role: 'admin', locale: 'zh-CN' },
    now: () => new Date(),
    emit(event, payload) {
      if (event !== 'task.progress') return;
      const p = payload as { label: string; done: number; total: number; finished: boolean };
      const percent = p.total ? Math.floor((p.done / p.total) * 100) : 100;
      if (p.finished || percent >= lastShown + 10) {
        lastShown = percent;
        io.progress(`${p.label}: ${percent}%`);
      }
    },
    log: { info: () => {}, error: (message, meta) => io.progress(`${message} ${meta ? JSON.stringify(meta) : ''}`) },
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}
