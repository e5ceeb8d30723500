// What every service receives: the database, the data folder, the signed-in user, the clock,
// and a way to push typed events to whichever host (Electron or browser) is attached.
import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '../../src-shared/contract/index';
import type { Role } from '../../src-shared/domain/roles';
import type { DeskDb } from '../db/open';

export interface SessionState {
  userName: string;
  role: Role;
  locale: 'zh-CN' | 'en';
}

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface DeskContext {
  sqlite: Database.Database;
  db: DeskDb;
  dataDir: string;
  host: 'electron' | 'browser' | 'cli';
  session: SessionState;
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  log: Logger;
}
