// Collects every slice's actions (the closed set the components may call) and binds contract
// events to them. Cross-slice reactions live here, not in components.
import type { ContractClient } from '../../src-shared/contract/client';
import type { Role } from '../../src-shared/domain/roles';
import type { ConnectionStatus } from '../transport/websocket-transport';
import { createBackupActions } from './backup-slice';
import { connectionChanged } from './connection-slice';
import { cardAffected, createCardActions } from './customer-card-slice';
import { createSearchActions } from './customer-search-slice';
import { patch } from './action-deps';
import { createSessionActions } from './session-slice';
import type { DeskStore } from './store';
import { createTaskActions } from './tasks-slice';
import { createTransferActions, type SaveFile } from './transfer-slice';

export function createDeskActions(client: ContractClient, store: DeskStore, saveFile: SaveFile) {
  const deps = { client, store };
  const session = createSessionActions(deps);
  const search = createSearchActions(deps);
  const card = createCardActions(deps);
  const transfer = createTransferActions(deps, saveFile);
  const backup = createBackupActions(deps);
  const tasks = createTaskActions(deps);

  /** Masking depends on the role: what is on screen must be fetched again after a switch. */
  async function refreshViews() {
    await Promise.all([search.searchNow(), card.refreshCard()]);
  }

  /** Imports and restores change customers under the screen; hosts may also emit customers.changed. */
  async function afterDataChanged() {
    await Promise.all([session.refreshCounts(), refreshViews()]);
  }

  return {
    session: {
      ...session,
      async switchRole(role: Role) {
        await session.switchRole(role);
        await refreshViews();
      },
    },
    search,
    card,
    transfer: {
      ...transfer,
      runImport: () => transfer.runImport().then(afterDataChanged),
      importValidRows: () => transfer.importValidRows().then(afterDataChanged),
    },
    backup: {
      ...backup,
      restore: (path: string) => backup.restore(path).then(() => {
        if (store.getState().backup.restoredFrom) return afterDataChanged();
      }),
    },
    tasks,
    async start() {
      await Promise.all([session.loadSession(), session.refreshCounts()]);
    },
    refreshViews,
  };
}
export type DeskActions = ReturnType<typeof createDeskActions>;

export function bindContractEvents(client: ContractClient, store: DeskStore, actions: DeskActions): () => void {
  const offs = [
    client.on('task.progress', (progress) => {
      actions.tasks.progressed(progress);
      if (progress.finished) {
        void actions.session.refreshCounts();
        if (store.getState().search.shownQuery) void actions.search.searchNow();
      }
    }),
    client.on('session.changed', (next) => {
      const before = store.getState().session.session?.user.role;
      actions.session.sessionPushed(next);
      if (before && before !== next.user.role) void actions.refreshViews();
    }),
    client.on('customers.changed', ({ ids }) => {
      void actions.session.refreshCounts();
      if (store.getState().search.shownQuery) void actions.search.searchNow();
      if (cardAffected(store.getState().card, ids)) void actions.card.refreshCard();
    }),
  ];
  return () => offs.forEach((off) => off());
}

/** Feeds the WebSocket transport's status into the store; after a drop, data on screen is refreshed. */
export function bindConnectionStatus(store: DeskStore, actions: DeskActions, status: ConnectionStatus): void {
  const wasDown = store.getState().connection.wasOpen && store.getState().connection.status.state !== 'open';
  patch(store, 'connection', (s) => connectionChanged(s, status));
  if (status.state === 'open' && wasDown) {
    void actions.start();
    void actions.refreshViews();
  }
}
