// Effects of the sync UI: every contract call goes through here (components never call it).
import { ContractCallError, type ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import { dialogOpened, statusArrived, type SyncDialog, type SyncState, type SyncStore } from './sync-store';

export interface ConnectForm {
  serverUrl: string;
  username: string;
  password: string;
  caPem: string;
}

function asError(error: unknown): ContractError {
  return error instanceof ContractCallError ? error.error : { code: 'internal', message: String(error) };
}

export function createSyncActions(client: ContractClient, store: SyncStore) {
  const set = (patch: Partial<SyncState> | ((state: SyncState) => Partial<SyncState>)) => store.setState(patch);

  async function loadConflicts() {
    set({ inboxLoading: true, inboxError: null });
    try {
      const { conflicts } = await client.call('sync.conflicts', { includeResolved: store.getState().includeResolved, limit: 200 });
      set({ conflicts, inboxLoading: false });
    } catch (error) {
      set({ inboxLoading: false, inboxError: asError(error) });
    }
  }

  async function resolve(method: 'sync.restoreConflict' | 'sync.dismissConflict', uid: string) {
    set({ busyUid: uid, inboxError: null });
    try {
      await client.call(method, { uid });
    } catch (error) {
      set({ inboxError: asError(error) });
    } finally {
      set({ busyUid: null });
    }
    await Promise.all([loadConflicts(), refresh()]);
  }

  async function refresh() {
    try {
      const status = await client.call('sync.status', {});
      set((s) => statusArrived(s, status));
    } catch {
      // The status bar keeps the last known state; the connection banner reports a dead host.
    }
  }

  return {
    refresh,
    loadConflicts,
    open(dialog: SyncDialog) {
      set((s) => dialogOpened(s, dialog));
      if (dialog === 'inbox') void loadConflicts();
    },
    close() {
      set({ dialog: null });
    },
    async connect(form: ConnectForm) {
      set({ connecting: true, connectError: null });
      try {
        const status = await client.call('sync.connect', {
          serverUrl: form.serverUrl.trim(),
          username: form.username.trim(),
          password: form.password,
          ...(form.caPem.trim() ? { caPem: form.caPem.trim() } : {}),
        });
        set((s) => ({ ...statusArrived(s, status), connecting: false }));
        return status;
      } catch (error) {
        set({ connecting: false, connectError: asError(error) });
        return null;
      }
    },
    async syncNow() {
      try {
        const status = await client.call('sync.now', {});
        set((s) => statusArrived(s, status));
      } catch (error) {
        set({ connectError: asError(error) });
      }
    },
    setIncludeResolved(includeResolved: boolean) {
      set({ includeResolved });
      void loadConflicts();
    },
    restore: (uid: string) => resolve('sync.restoreConflict', uid),
    dismiss: (uid: string) => resolve('sync.dismissConflict', uid),
    /** sync.changed: the inbox reloads when the number of open conflicts moved. */
    statusChanged(status: Parameters<typeof statusArrived>[1]) {
      const before = store.getState().status?.openConflicts;
      set((s) => statusArrived(s, status));
      if (store.getState().dialog === 'inbox' && before !== status.openConflicts) void loadConflicts();
    },
  };
}

export type SyncActions = ReturnType<typeof createSyncActions>;
