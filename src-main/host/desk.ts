// One desk = one data folder, one SQLite file, one dispatcher. Both hosts (Electron IPC and the
// browser host's WebSocket) and the CLI build a desk with createDesk and only differ in transport.
import { warmLookupIndexesInBackground } from '../db/warm-cache';
import { databasePath } from './data-dir';
import type { EventName, EventPayload, Result } from '../../src-shared/contract/index';
import type { Role } from '../../src-shared/domain/roles';
import { createDispatcher } from '../contract/dispatcher';
import { openDatabase } from '../db/open';
import { keyFileSource } from '../db/encryption/key-file';
import type { KeyProtector } from '../db/encryption/key-protector';
import type { DeskContext, Logger, SessionState } from './context';
import { handlers } from './handlers';
import { loadSession } from '../session/session-store';
import { runWorkflowTicks } from '../workflows/scheduler';
import { runSupervisorRefreshTicks } from '../supervisor/refresh-tick';
import { runSmsReplyPolling } from '../workflows/messaging/sms-reply-poller';
import { stopSync } from '../sync/handlers';

export interface DeskOptions {
  dataDir: string;
  host: DeskContext['host'];
  now?: () => Date;
  log?: Logger;
  /** Overrides the stored role (tests, CLI). */
  role?: Role;
  /** Wraps the database key (Electron: safeStorage); without it the key file is plain, mode 0600. */
  keyProtector?: KeyProtector;
}

export type EventListener = (event: string, payload: unknown) => void;

export interface Desk {
  context: DeskContext;
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: EventListener): () => void;
  close(): void;
}

export const consoleLogger: Logger = {
  info: (message, meta) => console.log(`[desk] ${message}`, meta ?? ''),
  error: (message, meta) => console.error(`[desk] ${message}`, meta ?? ''),
};

export function createDesk(options: DeskOptions): Desk {
  const path = databasePath(options.dataDir);
  const { sqlite, db } = openDatabase(path, { key: keyFileSource(path, options.keyProtector) });
  const listeners = new Set<EventListener>();
  const session: SessionState = loadSession(sqlite);
  if (options.role) session.role = options.role;
  const context: DeskContext = {
    sqlite,
    db,
    dataDir: options.dataDir,
    host: options.host,
    session,
    now: options.now ?? (() => new Date()),
    log: options.log ?? consoleLogger,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of listeners) listener(event, payload);
    },
  };
  const dispatch = createDispatcher({
    handlers,
    context,
    role: () => context.session.role,
    log: context.log,
    validateOutput: Boolean(process.env.VITEST),
  });
  // Complaint chasing/escalation, follow-up planning and queued messages run on a timer; the CLI
  // opens desks for one command and needs none of it.
  const stopWorkflowTicks = options.host === 'cli' ? () => {} : runWorkflowTicks(context);
  const stopRefreshTicks = options.host === 'cli' ? () => {} : runSupervisorRefreshTicks(context);
  // Customers' SMS replies, claimed from the dealership server while the desk syncs with one.
  const stopSmsReplies = options.host === 'cli' ? () => {} : runSmsReplyPolling(context);
  const stopWarming =
    options.host === 'cli' ? () => {} : warmLookupIndexesInBackground(context.sqlite, (error) => context.log.error('warming lookup indexes failed', { error: String(error) }));
  const stopTicks = () => {
    stopWarming();
    stopWorkflowTicks();
    stopRefreshTicks();
    stopSmsReplies();
  };
  return {
    context,
    dispatch,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      stopTicks();
      void stopSync(context);
      listeners.clear();
      // context.sqlite, not the first connection: a restore reopens the database.
      if (context.sqlite.open) context.sqlite.close();
    },
  };
}
