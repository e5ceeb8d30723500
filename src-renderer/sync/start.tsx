// Wires the sync UI (issue 6) to the desk: strings under `sync`, a store fed by sync.status at
// start (and every 30 s, so a missed event heals) and by every sync.changed event, the connect
// form and the conflict inbox as overlays over any screen.
import type { i18n } from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-shared/contract/client';
import { DeskContext, type DeskHandle } from '../app/desk-context';
import { SyncOverlays } from './components/sync-overlays';
import { syncEn, syncZhCN } from './i18n';
import { createSyncActions, type SyncActions } from './state/sync-actions';
import { createSyncStore, type SyncState, type SyncStore } from './state/sync-store';
import './sync.css';

export interface SyncHandle {
  store: SyncStore;
  actions: SyncActions;
}

let current: SyncHandle | null = null;

function handle(): SyncHandle {
  if (!current) throw new Error('startSyncUi has not run');
  return current;
}

export function useSync<T>(selector: (state: SyncState) => T): T {
  return useStore(handle().store, selector);
}

export function useSyncActions(): SyncActions {
  return handle().actions;
}

export function syncUiStarted(): boolean {
  return current !== null;
}

export function startSyncUi(client: ContractClient, desk: DeskHandle, i18n: i18n): SyncHandle {
  i18n.addResourceBundle('zh-CN', 'translation', { sync: syncZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { sync: syncEn }, true, false);
  const store = createSyncStore();
  const actions = createSyncActions(client, store);
  current = { store, actions };
  client.on('sync.changed', (status) => actions.statusChanged(status));
  void actions.refresh();
  setInterval(() => void actions.refresh(), 30_000);

  const host = document.createElement('div');
  host.className = 'sync-overlay-root';
  document.body.append(host);
  createRoot(host).render(
    <I18nextProvider i18n={i18n}>
      <DeskContext.Provider value={desk}>
        <SyncOverlays />
      </DeskContext.Provider>
    </I18nextProvider>,
  );
  return current;
}
