// Effects of the workflow screens: every call goes through the contract client; results land in
// the store through the reducers of workflows-store.ts. Errors become one banner (store.error).
import type { ContractClient } from '../../../src-shared/contract/client';
import type { Input } from '../../../src-shared/contract/index';
import type { WorkItemView } from '../../../src-shared/contract/work-items-view';
import type { FollowUpOutcome } from '../../../src-shared/domain/workflows/follow-up-rules';
import type { AnswerValue, Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { validateAnswers } from '../../../src-shared/domain/workflows/questionnaire';
import type { DeskHandle } from '../../app/desk-context';
import { asContractError } from '../../state/action-deps';
import { inlineCard, navigationStore } from '../navigation';
import { answersToRecord, goTo, move, pressDigit, setAnswer } from './follow-up-call';
import { callStarted, filterChanged, itemReplaced, pageArrived, type CreatePreset, type QueueFilter, type WorkflowsState, type WorkflowsStore, type WorkTab } from './workflows-store';

export type TransitionExtra = Omit<Input<'workItems.transition'>, 'id' | 'action'>;

export function createWorkflowActions(client: ContractClient, store: WorkflowsStore, desk: DeskHandle) {
  const patch = <K extends keyof WorkflowsState>(key: K, fn: (s: WorkflowsState[K]) => WorkflowsState[K]) => store.setState({ [key]: fn(store.getState()[key]) } as Partial<WorkflowsState>);
  const fail = (error: unknown) => store.setState({ error: asContractError(error) });

  async function loadQueue(append: boolean) {
    const { filter, seq, nextCursor } = store.getState().queue;
    try {
      const page = await client.call('workItems.list', {
        scope: filter.scope, open: filter.open, overdueOnly: filter.overdueOnly, limit: 50,
        ...(filter.kind ? { kinds: [filter.kind] } : {}), ...(filter.status ? { status: filter.status } : {}), ...(append && nextCursor ? { cursor: nextCursor } : {}),
      });
      patch('queue', (q) => pageArrived(q, seq, page, append));
    } catch (error) {
      patch('queue', (q) => ({ ...q, status: 'error' }));
      fail(error);
    }
  }

  async function openDetail(id: number) {
    patch('detail', (d) => ({ ...d, id, status: d.id === id && d.item ? 'ready' : 'loading', item: d.id === id ? d.item : null }));
    try {
      const item = await client.call('workItems.get', { id });
      patch('detail', (d) => (d.id === id ? { ...d, item, status: 'ready' } : d));
    } catch (error) {
      patch('detail', (d) => (d.id === id ? { ...d, status: 'error' } : d));
      fail(error);
    }
  }

  async function loadBoard() {
    patch('board', (b) => ({ ...b, status: b.columns.length ? 'ready' : 'loading' }));
    try {
      const { columns } = await client.call('rescue.board', {});
      patch('board', () => ({ columns, status: 'ready' }));
    } catch (error) {
      patch('board', (b) => ({ ...b, status: 'error' }));
      fail(error);
    }
  }

  async function loadDay(date = store.getState().day.date) {
    patch('day', (d) => ({ ...d, date, status: 'loading' }));
    try {
      const data = await client.call('appointments.day', { date });
      patch('day', (d) => (d.date === date ? { ...d, data, status: 'ready' } : d));
    } catch (error) {
      patch('day', (d) => ({ ...d, status: 'error' }));
      fail(error);
    }
  }

  async function loadFollowUps() {
    patch('followUps', (f) => ({ ...f, status: 'loading' }));
    try {
      const [queue, { questionnaires }, settings] = await Promise.all([
        client.call('followUps.queue', { limit: 100 }),
        client.call('questionnaires.list', {}),
        client.call('workflows.settings.get', {}),
      ]);
      patch('followUps', (f) => ({ ...f, queue, questionnaires: questionnaires as Questionnaire[], settings, status: 'ready' }));
    } catch (error) {
      patch('followUps', (f) => ({ ...f, status: 'error' }));
      fail(error);
    }
  }

  async function loadStats(from = store.getState().stats.from, to = store.getState().stats.to) {
    patch('stats', (s) => ({ ...s, from, to, status: 'loading' }));
    try {
      const data = await client.call('workItems.stats', { from, to });
      patch('stats', (s) => ({ ...s, data, status: 'ready' }));
    } catch (error) {
      patch('stats', (s) => ({ ...s, status: 'error' }));
      fail(error);
    }
  }

  /** Whatever is on screen, fetched again (after a role switch or a workItems.changed event). */
  async function refreshVisible() {
    const screen = navigationStore.getState().screen;
    const s = store.getState();
    const jobs: Promise<unknown>[] = [];
    if (screen === 'workOrders') {
      if (s.tab === 'queue') jobs.push(loadQueue(false));
      if (s.tab === 'rescue') jobs.push(loadBoard());
      if (s.tab === 'appointments' || s.tab === 'frontDesk') jobs.push(loadDay());
      if (s.detail.id !== null) jobs.push(openDetail(s.detail.id));
    } else if (screen === 'followUps') {
      if (!s.followUps.call) jobs.push(loadFollowUps());
    } else if (screen === 'reports') jobs.push(loadStats());
    await Promise.all(jobs);
  }

  async function transition(id: number, action: string, extra: TransitionExtra = {}): Promise<WorkItemView | null> {
    patch('detail', (d) => ({ ...d, busy: true }));
    try {
      const item = await client.call('workItems.transition', { id, action, ...extra });
      patch('queue', (q) => itemReplaced(q, item));
      patch('detail', (d) => ({ ...d, busy: false }));
      if (store.getState().detail.id === id) await openDetail(id);
      if (item.kind === 'rescue') await loadBoard();
      return item;
    } catch (error) {
      patch('detail', (d) => ({ ...d, busy: false }));
      fail(error);
      return null;
    }
  }

  const answerWith = (fn: (q: Questionnaire, call: NonNullable<WorkflowsState['followUps']['call']>) => NonNullable<WorkflowsState['followUps']['call']>['answers']) =>
    patch('followUps', (f) => (f.call?.questionnaire ? { ...f, call: { ...f.call, answers: fn(f.call.questionnaire, f.call), problems: [] } } : f));

  return {
    setTab(tab: WorkTab) {
      store.setState({ tab });
      void refreshVisible();
    },
    clearError: () => store.setState({ error: null }),
    refreshVisible,
    queue: {
      setFilter(p: Partial<QueueFilter>) {
        patch('queue', (q) => filterChanged(q, p));
        void loadQueue(false);
      },
      loadMore: () => loadQueue(true),
    },
    detail: {
      open: openDetail,
      close: () => patch('detail', () => ({ id: null, item: null, status: 'idle', busy: false })),
      transition,
      async comment(id: number, text: string) {
        try {
          await client.call('workItems.comment', { id, text });
          await openDetail(id);
          return true;
        } catch (error) {
          fail(error);
          return false;
        }
      },
      async attach(id: number, file: { name: string; mime: string; dataBase64: string }) {
        try {
          await client.call('workItems.attach', { id, ...file });
          await openDetail(id);
        } catch (error) {
          fail(error);
        }
      },
      attachment: (attachmentId: number) => client.call('workItems.attachment', { attachmentId }),
    },
    create: {
      open: (preset: CreatePreset) => patch('create', () => ({ preset, busy: false, createdId: null })),
      close: () => patch('create', (c) => ({ ...c, preset: null, busy: false })),
      async submit(input: Input<'workItems.create'>): Promise<WorkItemView | null> {
        patch('create', (c) => ({ ...c, busy: true }));
        try {
          const item = await client.call('workItems.create', input);
          patch('create', () => ({ preset: null, busy: false, createdId: item.id }));
          return item;
        } catch (error) {
          patch('create', (c) => ({ ...c, busy: false }));
          fail(error);
          return null;
        }
      },
    },
    board: { load: loadBoard },
    day: {
      load: loadDay,
      async book(input: Input<'appointments.book'>) {
        try {
          const booked = await client.call('appointments.book', input);
          patch('day', (d) => ({ ...d, booked }));
          await loadDay(input.date);
          return booked;
        } catch (error) {
          fail(error);
          return null;
        }
      },
      async setStatus(id: number, status: 'cancelled' | 'no_show' | 'booked') {
        try {
          await client.call('appointments.setStatus', { id, status });
          await loadDay();
        } catch (error) {
          fail(error);
        }
      },
    },
    checkIn: {
      async run(plate: string) {
        patch('checkIn', (c) => ({ ...c, plate, status: 'loading' }));
        try {
          const result = await client.call('frontDesk.checkIn', { plate });
          patch('checkIn', () => ({ plate, result, status: 'ready' }));
          // The same card a call pops, shown beside the front desk.
          if (result.customerId !== null) {
            inlineCard.id = result.customerId;
            await desk.actions.card.openCard(result.customerId);
            if (result.vehicleId !== null) desk.actions.card.chooseVehicle(result.vehicleId);
          }
          await loadDay();
        } catch (error) {
          patch('checkIn', (c) => ({ ...c, status: 'error' }));
          fail(error);
        }
      },
    },
    followUps: {
      load: loadFollowUps,
      start(item: WorkItemView) {
        const qid = typeof item.fields.questionnaireId === 'string' ? item.fields.questionnaireId : null;
        const questionnaire = store.getState().followUps.questionnaires.find((q) => q.id === qid) ?? null;
        patch('followUps', (f) => ({ ...f, call: callStarted(item, questionnaire) }));
        if (item.customerId !== null) {
          inlineCard.id = item.customerId;
          void desk.actions.card.openCard(item.customerId);
        }
      },
      back() {
        patch('followUps', (f) => ({ ...f, call: null }));
        void loadFollowUps();
      },
      digit: (digit: number) => answerWith((q, call) => pressDigit(q, call.answers, digit)),
      next: () => answerWith((q, call) => move(q, call.answers, 1)),
      previous: () => answerWith((q, call) => move(q, call.answers, -1)),
      focus: (questionId: string) => answerWith((q, call) => goTo(q, call.answers, questionId)),
      set: (questionId: string, value: AnswerValue | undefined) => answerWith((q, call) => setAnswer(q, call.answers, questionId, value)),
      async record(outcome: FollowUpOutcome, note?: string) {
        const call = store.getState().followUps.call;
        if (!call || call.busy) return;
        const answers = outcome === 'completed' && call.questionnaire ? answersToRecord(call.questionnaire, call.answers) : undefined;
        if (answers && call.questionnaire) {
          const problems = validateAnswers(call.questionnaire, answers);
          if (problems.length) {
            patch('followUps', (f) => (f.call ? { ...f, call: { ...f.call, problems } } : f));
            return;
          }
        }
        patch('followUps', (f) => (f.call ? { ...f, call: { ...f.call, busy: true } } : f));
        try {
          const result = await client.call('followUps.record', { id: call.item.id, outcome, ...(answers ? { answers } : {}), ...(note ? { note } : {}) });
          patch('followUps', (f) => (f.call ? { ...f, call: { ...f.call, result, busy: false } } : f));
        } catch (error) {
          patch('followUps', (f) => (f.call ? { ...f, call: { ...f.call, busy: false } } : f));
          fail(error);
        }
      },
    },
    stats: { load: loadStats },
    kb: {
      async standardAnswers(): Promise<{ id: number; title: string }[]> {
        try {
          const { hits } = await client.call('kb.list', { category: 'complaint_standard', status: 'published', limit: 200 });
          return hits.map((h) => ({ id: h.id, title: h.title }));
        } catch {
          return [];
        }
      },
      async article(id: number): Promise<string | null> {
        try {
          return (await client.call('kb.get', { id })).body;
        } catch (error) {
          fail(error);
          return null;
        }
      },
    },
    async customerBrief(customerId: number) {
      try {
        const card = await client.call('customers.card', { customerId });
        return { id: card.id, name: card.name, vehicles: card.vehicles.map((v) => ({ id: v.id, plate: v.plate })) };
      } catch (error) {
        fail(error);
        return null;
      }
    },
    searchCustomers: async (query: string) => (query.trim() ? (await client.call('customers.search', { query, limit: 8 })).hits : []),
  };
}
export type WorkflowActions = ReturnType<typeof createWorkflowActions>;
