// Admin backup/restore. Restoring replaces every customer on this desk, so it takes two clicks:
// the first arms the row, the second (on the same row) restores.
import type { ContractError } from '../../src-shared/contract/errors';
import { asContractError, patch, type ActionDeps } from './action-deps';

export interface BackupEntry {
  path: string;
  bytes: number;
  createdAt: string;
}

export interface BackupState {
  status: 'idle' | 'loading' | 'backing-up' | 'restoring';
  backups: BackupEntry[];
  armedPath: string | null;
  lastBackup: { path: string; bytes: number } | null;
  restoredFrom: string | null;
  error: ContractError | null;
}

export const initialBackupState: BackupState = {
  status: 'idle', backups: [], armedPath: null, lastBackup: null, restoredFrom: null, error: null,
};

export function backupsListed(state: BackupState, backups: BackupEntry[]): BackupState {
  const sorted = backups.slice().sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return { ...state, status: 'idle', backups: sorted, armedPath: sorted.some((b) => b.path === state.armedPath) ? state.armedPath : null };
}

export function restoreArmed(state: BackupState, path: string | null): BackupState {
  return { ...state, armedPath: path };
}

export function backupFailed(state: BackupState, error: ContractError): BackupState {
  return { ...state, status: 'idle', error, armedPath: null };
}

export function createBackupActions({ client, store }: ActionDeps) {
  const update = (fn: (slice: BackupState) => BackupState) => patch(store, 'backup', fn);
  async function list() {
    update((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const backups = await client.call('transfer.listBackups', {});
      update((s) => backupsListed(s, backups));
    } catch (error) {
      update((s) => backupFailed(s, asContractError(error)));
    }
  }
  return {
    listBackups: list,
    async backupNow() {
      update((s) => ({ ...s, status: 'backing-up', error: null, restoredFrom: null }));
      try {
        const lastBackup = await client.call('transfer.backup', {});
        update((s) => ({ ...s, status: 'idle', lastBackup }));
        await list();
      } catch (error) {
        update((s) => backupFailed(s, asContractError(error)));
      }
    },
    arm: (path: string | null) => update((s) => restoreArmed(s, path)),
    async restore(path: string) {
      if (store.getState().backup.armedPath !== path) {
        update((s) => restoreArmed(s, path));
        return;
      }
      update((s) => ({ ...s, status: 'restoring', error: null, armedPath: null }));
      try {
        const { restoredFrom } = await client.call('transfer.restore', { path });
        update((s) => ({ ...s, status: 'idle', restoredFrom }));
      } catch (error) {
        update((s) => backupFailed(s, asContractError(error)));
      }
    },
  };
}
export type BackupActions = ReturnType<typeof createBackupActions>;
