// The workflow screens' store (工单, 回访, 统计): one zustand store beside the desk's, with a
// slice per screen. Reducers are plain functions here; effects live in workflows-actions.ts and
// reach main only through the contract client (style.md §3).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Output } from '../../../src-shared/contract/index';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { WorkItemDetail, WorkItemView } from '../../../src-shared/contract/work-items-view';
import type { ComplaintStats } from '../../../src-shared/contract/work-items';
import type { WorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import type { WorkItemKind } from '../../../src-shared/domain/workflows/kinds';
import type { Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { startAnswers, type CallAnswers } from './follow-up-call';

export type Load = 'idle' | 'loading' | 'ready' | 'error';
export type WorkTab = 'queue' | 'rescue' | 'appointments' | 'frontDesk';

export interface QueueFilter {
  scope: 'mine' | 'team' | 'all';
  kind: WorkItemKind | '';
  status: string;
  overdueOnly: boolean;
  open: boolean;
}

export interface CreatePreset {
  customerId: number | null;
  customerName: string | null;
  vehicles: { id: number; plate: string | null; model: string | null }[];
  kind: WorkItemKind;
}

export interface FollowUpCall {
  item: WorkItemView;
  questionnaire: Questionnaire | null;
  answers: CallAnswers;
  result: Output<'followUps.record'> | null;
  problems: string[];
  busy: boolean;
}

export interface WorkflowsState {
  tab: WorkTab;
  error: ContractError | null;
  queue: { filter: QueueFilter; items: WorkItemView[]; nextCursor: string | null; status: Load; seq: number };
  detail: { id: number | null; item: WorkItemDetail | null; status: Load; busy: boolean };
  create: { preset: CreatePreset | null; busy: boolean; createdId: number | null };
  board: { columns: Output<'rescue.board'>['columns']; status: Load };
  day: { date: string; data: Output<'appointments.day'> | null; status: Load; booked: Output<'appointments.book'> | null };
  checkIn: { plate: string; result: Output<'frontDesk.checkIn'> | null; status: Load };
  followUps: { queue: Output<'followUps.queue'> | null; status: Load; call: FollowUpCall | null; questionnaires: Questionnaire[]; settings: WorkflowSettings | null };
  stats: { from: string; to: string; data: ComplaintStats | null; status: Load };
}

export type WorkflowsStore = StoreApi<WorkflowsState>;

export const initialFilter: QueueFilter = { scope: 'mine', kind: '', status: '', overdueOnly: false, open: true };

export function createWorkflowsStore(today: string, monthAgo: string): WorkflowsStore {
  return createStore<WorkflowsState>()(() => ({
    tab: 'queue',
    error: null,
    queue: { filter: initialFilter, items: [], nextCursor: null, status: 'idle', seq: 0 },
    detail: { id: null, item: null, status: 'idle', busy: false },
    create: { preset: null, busy: false, createdId: null },
    board: { columns: [], status: 'idle' },
    day: { date: today, data: null, status: 'idle', booked: null },
    checkIn: { plate: '', result: null, status: 'idle' },
    followUps: { queue: null, status: 'idle', call: null, questionnaires: [], settings: null },
    stats: { from: monthAgo, to: today, data: null, status: 'idle' },
  }));
}

/** A new filter restarts the list; a page that arrives for an older filter is dropped. */
export function filterChanged(q: WorkflowsState['queue'], patch: Partial<QueueFilter>): WorkflowsState['queue'] {
  const filter = { ...q.filter, ...patch };
  if (patch.kind !== undefined && patch.kind !== q.filter.kind) filter.status = '';
  return { ...q, filter, seq: q.seq + 1, status: 'loading' };
}

export function pageArrived(q: WorkflowsState['queue'], seq: number, page: Output<'workItems.list'>, append: boolean): WorkflowsState['queue'] {
  if (seq !== q.seq) return q;
  return { ...q, items: append ? [...q.items, ...page.items] : page.items, nextCursor: page.nextCursor, status: 'ready' };
}

/** An item changed by an action: the row in the list follows without a reload. */
export function itemReplaced(q: WorkflowsState['queue'], item: WorkItemView): WorkflowsState['queue'] {
  if (!q.items.some((i) => i.id === item.id)) return q;
  return { ...q, items: q.items.map((i) => (i.id === item.id ? item : i)) };
}

export function callStarted(item: WorkItemView, questionnaire: Questionnaire | null): FollowUpCall {
  return { item, questionnaire, answers: startAnswers, result: null, problems: [], busy: false };
}
