// The sync UI's own zustand store: the last sync.status (from polling and sync.changed), the
// connect dialog and the conflict inbox. Pure transitions here; effects in sync-actions.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { ConflictView, SyncStatusView } from '../../../src-shared/contract/sync';

export type SyncDialog = 'connect' | 'inbox' | null;

export interface SyncState {
  status: SyncStatusView | null;
  dialog: SyncDialog;
  connecting: boolean;
  connectError: ContractError | null;
  conflicts: ConflictView[];
  includeResolved: boolean;
  inboxLoading: boolean;
  /** Conflict uid being restored or dismissed. */
  busyUid: string | null;
  inboxError: ContractError | null;
}

export type SyncStore = StoreApi<SyncState>;

export const initialSyncState: SyncState = {
  status: null,
  dialog: null,
  connecting: false,
  connectError: null,
  conflicts: [],
  includeResolved: false,
  inboxLoading: false,
  busyUid: null,
  inboxError: null,
};

export function createSyncStore(): SyncStore {
  return createStore<SyncState>(() => initialSyncState);
}

/** sync.status replies and sync.changed events both carry the whole status: the latest wins. */
export function statusArrived(_state: SyncState, status: SyncStatusView): Partial<SyncState> {
  return { status };
}

export function dialogOpened(state: SyncState, dialog: SyncDialog): Partial<SyncState> {
  return { dialog, connectError: dialog === 'connect' ? null : state.connectError, inboxError: null };
}
