// Care reminders (客户关怀) for agents: the reminders due today, filtered on screen by kind, due
// window and service advisor; each row's last action (a message sent or held, a call queued)
// is kept so the agent sees why a message did not go out (quiet hours, opt-out, frequency cap).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { MessageView, ReminderView } from '../../../src-shared/contract/messages';
import type { MessageTemplate } from '../../../src-shared/domain/workflows/templates';
import { asContractError } from './contract-error';

export const reminderKinds = ['maintenance', 'first_maintenance', 'warranty', 'insurance', 'inspection', 'birthday', 'holiday'] as const;
/** Due windows offered: overdue only, then within 7 / 30 / 60 days (the insurance stages of seed 002). */
export const dueWindows = ['all', 'overdue', '7', '30', '60'] as const;
export type DueWindow = (typeof dueWindows)[number];

export interface CareFilter {
  kind: string;
  window: DueWindow;
  advisor: string;
}

/** What the agent did on a row, the latest of each: the message (sent or why held), the queued call, an error. */
export interface RowOutcome {
  message?: MessageView;
  queued?: { id: number | null; created: boolean };
  error?: ContractError;
}

export interface CareState {
  filter: CareFilter;
  reminders: ReminderView[];
  nextCustomerId: number | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: ContractError | null;
  templates: MessageTemplate[];
  outcomes: Record<string, RowOutcome>;
  busy: Record<string, boolean>;
}

export const reminderKey = (r: ReminderView): string => `${r.customerId}:${r.kind}:${r.vehicleId ?? 0}:${r.dueDate}:${r.stage ?? ''}`;

export function inWindow(r: ReminderView, window: DueWindow): boolean {
  if (window === 'all') return true;
  if (window === 'overdue') return r.daysLeft < 0;
  return r.daysLeft <= Number(window);
}

export function filterReminders(reminders: readonly ReminderView[], filter: CareFilter): ReminderView[] {
  return reminders.filter((r) => (!filter.kind || r.kind === filter.kind) && inWindow(r, filter.window) && (!filter.advisor || (r.advisor ?? '') === filter.advisor));
}

export function advisorsOf(reminders: readonly ReminderView[]): string[] {
  return [...new Set(reminders.map((r) => r.advisor).filter((a): a is string => !!a))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export type CareStore = StoreApi<CareState>;

const pageSize = 500;

export function createCare(client: ContractClient) {
  const store: CareStore = createStore<CareState>()(() => ({
    filter: { kind: '', window: 'all', advisor: '' }, reminders: [], nextCustomerId: null, status: 'idle', error: null, templates: [], outcomes: {}, busy: {},
  }));

  async function load(more = false) {
    const s = store.getState();
    store.setState({ status: 'loading', error: null });
    try {
      const kinds = s.filter.kind ? [s.filter.kind] : undefined;
      const [page, templates] = await Promise.all([
        client.call('reminders.due', { ...(kinds ? { kinds } : {}), afterCustomerId: more ? s.nextCustomerId ?? 0 : 0, limit: pageSize }),
        s.templates.length ? Promise.resolve({ templates: s.templates }) : client.call('messages.templates.list', {}),
      ]);
      store.setState((st) => ({ reminders: more ? [...st.reminders, ...page.reminders] : page.reminders, nextCustomerId: page.nextCustomerId, templates: templates.templates as MessageTemplate[], status: 'ready' }));
    } catch (error) {
      store.setState({ status: 'error', error: asContractError(error) });
    }
  }

  async function run(r: ReminderView, job: () => Promise<RowOutcome>) {
    const key = reminderKey(r);
    store.setState((s) => ({ busy: { ...s.busy, [key]: true } }));
    let outcome: RowOutcome;
    try {
      outcome = { ...(await job()), error: undefined };
    } catch (error) {
      outcome = { error: asContractError(error) };
    }
    store.setState((s) => ({ busy: { ...s.busy, [key]: false }, outcomes: { ...s.outcomes, [key]: { ...s.outcomes[key], ...outcome } } }));
  }

  return {
    store,
    load,
    setFilter(patch: Partial<CareFilter>) {
      const before = store.getState().filter;
      store.setState({ filter: { ...before, ...patch } });
      // The kind narrows the scan on main; window and advisor only filter what is loaded.
      if (patch.kind !== undefined && patch.kind !== before.kind) void load();
    },
    send: (r: ReminderView, templateId: string) =>
      run(r, async () => ({ message: await client.call('messages.send', { customerId: r.customerId, templateId, vehicleId: r.vehicleId, values: r.kind === 'holiday' && r.stage ? { holiday: r.stage, date: r.dueDate } : { date: r.dueDate } }) })),
    enqueue: (r: ReminderView) =>
      run(r, async () => ({ queued: await client.call('reminders.enqueue', { customerId: r.customerId, kind: r.kind, vehicleId: r.vehicleId, dueDate: r.dueDate, stage: r.stage }) })),
  };
}

export type Care = ReturnType<typeof createCare>;
