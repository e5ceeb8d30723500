// One desk = one data folder, one SQLite file, one dispatcher. Both hosts (Electron IPC and the
// browser host's WebSocket) and the CLI build a desk with createDesk and only differ in transport.
import { databasePath } from './data-dir';
import type { EventName, EventPayload, Result } from '../../src-shared/contract/index';
import type { Role } from '../../src-shared/domain/roles';
import { createDispatcher } from '../contract/dispatcher';
import { openDatabase } from '../db/open';
import type { DeskContext, Logger, SessionState } from './context';
import { handlers } from './handlers';
import { loadSession } from '../session/session-store';
import { runWorkflowTicks } from '../workflows/scheduler';
import { runSupervisorRefreshTicks } from '../supervisor/refresh-tick';
import { stopSync } from '../sync/handlers';

export interface DeskOptions {
  dataDir: string;
  host: DeskContext['host'];
  now?: () => Date;
  log?: Logger;
  /** Overrides the stored role (tests, CLI). */
  role?: Role;
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
  const { sqlite, db } = openDatabase(databasePath(options.dataDir));
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
  const stopTicks = () => {
    stopWorkflowTicks();
    stopRefreshTicks();
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
      if (sqlite.open) sqlite.close();
    },
  };
}
