// One zustand store, one slice per capability (style.md §3). Slices are plain data plus pure
// reducers `(slice, input) → slice`; the only side effects live in the actions, which talk to
// main exclusively through the contract client.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialBackupState, type BackupState } from './backup-slice';
import { initialCardState, type CardState } from './customer-card-slice';
import { initialConnectionState, type ConnectionSliceState } from './connection-slice';
import { initialSearchState, type SearchState } from './customer-search-slice';
import { initialSessionState, type SessionSliceState } from './session-slice';
import { initialTasksState, type TasksState } from './tasks-slice';
import { initialTransferState, type TransferState } from './transfer-slice';

export interface DeskState {
  session: SessionSliceState;
  search: SearchState;
  card: CardState;
  transfer: TransferState;
  backup: BackupState;
  tasks: TasksState;
  connection: ConnectionSliceState;
}

export type DeskStore = StoreApi<DeskState>;

export function createDeskStore(host: ConnectionSliceState['host']): DeskStore {
  return createStore<DeskState>()(() => ({
    session: initialSessionState,
    search: initialSearchState,
    card: initialCardState,
    transfer: initialTransferState,
    backup: initialBackupState,
    tasks: initialTasksState,
    connection: { ...initialConnectionState, host },
  }));
}
