// Wires the supervisor's screen (issue 9) to the desk: strings under `sv` (and the top bar's
// `app.nav.supervisor`), a store and actions over the contract client, the dashboard loaded when
// the screen opens, and the supervisor.alerted notice shown to supervisors over any screen.
import type { i18n } from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { useStore } from 'zustand';
import type { ContractClient } from '../../src-shared/contract/client';
import { todayIn } from '../../src-shared/domain/dates';
import { can, type Role } from '../../src-shared/domain/roles';
import type { DeskHandle } from '../app/desk-context';
import { saveFile } from '../transfer/save-file';
import { navigationStore } from '../workflows/navigation';
import { AlertNotices } from './components/alert-notices';
import { supervisorEn, supervisorZhCN } from './i18n';
import { createLiveActions, createLiveStore, type LiveActions, type LiveState, type LiveStore } from './state/live-store';
import { createQualityActions, type QualityActions } from './state/quality-actions';
import { createQualityStore, type QualityState, type QualityStore } from './state/quality-store';
import { createSupervisorActions, type SupervisorActions } from './state/supervisor-actions';
import { createSupervisorStore, type SupervisorState, type SupervisorStore } from './state/supervisor-store';
import './supervisor.css';

export interface SupervisorHandle {
  client: ContractClient;
  store: SupervisorStore;
  actions: SupervisorActions;
  desk: DeskHandle;
  quality: { store: QualityStore; actions: QualityActions };
  live: { store: LiveStore; actions: LiveActions };
}

let current: SupervisorHandle | null = null;

function handle(): SupervisorHandle {
  if (!current) throw new Error('startSupervisor has not run');
  return current;
}

export function useSv<T>(selector: (state: SupervisorState) => T): T {
  return useStore(handle().store, selector);
}

export function useSvActions(): SupervisorActions {
  return handle().actions;
}

export function useQuality<T>(selector: (state: QualityState) => T): T {
  return useStore(handle().quality.store, selector);
}

export function useQualityActions(): QualityActions {
  return handle().quality.actions;
}

export function useLive<T>(selector: (state: LiveState) => T): T {
  return useStore(handle().live.store, selector);
}

export function useLiveActions(): LiveActions {
  return handle().live.actions;
}

/** The desk's role, for the notices mounted outside the app's DeskContext. */
export function useSvRole(): Role | undefined {
  return useStore(handle().desk.store, (s) => s.session.session?.user.role);
}

/** For components mounted outside this module's screens (the card's reveal button). */
export function supervisorClient(): ContractClient | null {
  return current?.client ?? null;
}

export function startSupervisor(client: ContractClient, desk: DeskHandle, i18n: i18n): SupervisorHandle {
  i18n.addResourceBundle('zh-CN', 'translation', { sv: supervisorZhCN, app: { nav: { supervisor: supervisorZhCN.nav } } }, true, false);
  i18n.addResourceBundle('en', 'translation', { sv: supervisorEn, app: { nav: { supervisor: supervisorEn.nav } } }, true, false);
  const store = createSupervisorStore(todayIn('Asia/Shanghai', new Date()).slice(0, 7));
  const actions = createSupervisorActions(client, store, saveFile);
  const qualityStore = createQualityStore();
  const quality = { store: qualityStore, actions: createQualityActions(client, qualityStore, () => ({ from: store.getState().from, to: store.getState().to })) };
  const liveStore = createLiveStore();
  const live = { store: liveStore, actions: createLiveActions(client, liveStore) };
  current = { client, store, actions, desk, quality, live };
  const role = () => desk.store.getState().session.session?.user.role;
  const allowed = () => {
    const r = role();
    return r !== undefined && can(r, 'viewDashboards');
  };

  navigationStore.subscribe((s, before) => {
    if (s.screen === 'supervisor' && before.screen !== 'supervisor' && allowed()) void actions.load();
  });
  let lastRole = role();
  desk.store.subscribe(() => {
    const next = role();
    if (next === lastRole) return;
    lastRole = next;
    // What a supervisor saw does not stay on screen for a role that may not see it.
    if (!allowed()) {
      store.setState({ dashboard: null, drill: null, appraisal: null, audit: null, status: 'idle' });
      quality.actions.reset();
      live.actions.reset();
    }
    else if (navigationStore.getState().screen === 'supervisor') void actions.load();
  });
  client.on('presence.changed', (view) => {
    if (allowed()) live.actions.received(view);
  });
  // Kept whatever the role; AlertNotices shows them to roles that see dashboards only.
  client.on('supervisor.alerted', (alert) => {
    store.setState({ alerts: [...store.getState().alerts.slice(-4), { actor: alert.actor, hour: alert.hour, count: alert.count }] });
  });

  const host = document.createElement('div');
  host.id = 'supervisor-root';
  document.body.append(host);
  createRoot(host).render(
    <I18nextProvider i18n={i18n}>
      <AlertNotices />
    </I18nextProvider>,
  );
  return current;
}
