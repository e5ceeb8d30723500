// 短信: the ten seed 002 templates as editable defaults with a live preview for a chosen customer,
// the outbox and replies, per-customer opt-outs (退订), quiet hours and frequency cap, and the
// SMS provider. The AccessKey secret is write-only: typed in, sent once, never read back (only
// `hasSecret` returns).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { MessageView } from '../../../src-shared/contract/messages';
import type { WorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import { defaultSmsTemplates, renderTemplate, smsSegments, validateTemplate, type MessageTemplate, type RenderResult } from '../../../src-shared/domain/workflows/templates';
import { asContractError } from './contract-error';

export const messageSections = ['templates', 'outbox', 'replies', 'optOut', 'settings'] as const;
export type MessageSection = (typeof messageSections)[number];

export interface PreviewCustomer {
  id: number;
  name: string;
}

export interface MessagesState {
  section: MessageSection;
  templates: MessageTemplate[];
  selectedId: string | null;
  draft: MessageTemplate | null;
  previewCustomer: PreviewCustomer | null;
  previewValues: Record<string, string>;
  outbox: MessageView[];
  outboxStatus: MessageView['status'] | '';
  replies: MessageView[];
  settings: WorkflowSettings | null;
  optOut: { customer: PreviewCustomer; address: string | null; scope: 'none' | 'marketing' | 'all' } | null;
  busy: boolean;
  saved: string | null;
  error: ContractError | null;
}

export interface Preview {
  problems: string[];
  result: RenderResult | null;
  segments: number;
}

/** The draft as the customer would get it: template problems first, then missing values. */
export function previewOf(draft: Pick<MessageTemplate, 'body' | 'channel'>, values: Record<string, string> | null): Preview {
  const problems = validateTemplate(draft.body);
  if (!values) return { problems, result: null, segments: 0 };
  const result = renderTemplate(draft.body, values, draft.channel);
  return { problems, result, segments: result.ok ? smsSegments(result.text) : 0 };
}

export function isEdited(t: MessageTemplate): boolean {
  const d = defaultSmsTemplates.find((x) => x.id === t.id);
  return !!d && (d.body !== t.body || d.title !== t.title);
}

export const clockPattern = /^([01]\d|2[0-4]):[0-5]\d$/;

/** "12:00-13:00, 17:30-18:00" → ranges; null when a part is not HH:MM-HH:MM. */
export function parseBreaks(text: string): { from: string; to: string }[] | null {
  const parts = text.split(/[,，;；\s]+/).filter(Boolean);
  const out: { from: string; to: string }[] = [];
  for (const p of parts) {
    const [from, to, extra] = p.split(/[-–~～]/);
    if (extra !== undefined || !clockPattern.test(from ?? '') || !clockPattern.test(to ?? '') || from >= to) return null;
    out.push({ from, to });
  }
  return out;
}

export type MessagesStore = StoreApi<MessagesState>;

export function createMessages(client: ContractClient) {
  const store: MessagesStore = createStore<MessagesState>()(() => ({
    section: 'templates', templates: [], selectedId: null, draft: null, previewCustomer: null, previewValues: {}, outbox: [], outboxStatus: '', replies: [], settings: null, optOut: null,
    busy: false, saved: null, error: null,
  }));
  const set = (patch: Partial<MessagesState>) => store.setState(patch);

  async function guarded<T>(job: () => Promise<T>): Promise<T | null> {
    set({ busy: true, error: null, saved: null });
    try {
      return await job();
    } catch (error) {
      set({ error: asContractError(error) });
      return null;
    } finally {
      set({ busy: false });
    }
  }

  const api = {
    store,
    async load() {
      await guarded(async () => {
        const { templates } = await client.call('messages.templates.list', {});
        const list = templates as MessageTemplate[];
        const selectedId = store.getState().selectedId ?? list[0]?.id ?? null;
        set({ templates: list, selectedId, draft: store.getState().draft ?? list.find((x) => x.id === selectedId) ?? null });
      });
    },
    select(id: string) {
      const t = store.getState().templates.find((x) => x.id === id) ?? null;
      set({ selectedId: id, draft: t ? { ...t } : null, saved: null, error: null });
    },
    editDraft(patch: Partial<MessageTemplate>) {
      const d = store.getState().draft;
      if (d) set({ draft: { ...d, ...patch } });
    },
    restoreDefault() {
      const d = store.getState().draft;
      const original = d && defaultSmsTemplates.find((x) => x.id === d.id);
      if (original) set({ draft: { ...d, title: original.title, body: original.body, purpose: original.purpose } });
    },
    async saveDraft() {
      const d = store.getState().draft;
      if (!d) return;
      const saved = await guarded(() => client.call('messages.templates.save', { ...d, subject: d.subject ?? null, providerTemplateCode: d.providerTemplateCode ?? null, expectsReply: d.expectsReply ?? null }));
      if (saved) set({ templates: store.getState().templates.map((x) => (x.id === saved.id ? (saved as MessageTemplate) : x)), draft: saved as MessageTemplate, saved: saved.id });
    },
    async choosePreviewCustomer(customer: PreviewCustomer | null) {
      set({ previewCustomer: customer, previewValues: {} });
      if (!customer) return;
      const r = await guarded(() => client.call('messages.values', { customerId: customer.id }));
      if (r && store.getState().previewCustomer?.id === customer.id) set({ previewValues: r.values });
    },
    async loadOutbox(status: MessageView['status'] | '' = store.getState().outboxStatus) {
      set({ outboxStatus: status });
      const r = await guarded(() => client.call('messages.list', { ...(status ? { status } : {}), limit: 200 }));
      if (r) set({ outbox: r.messages.filter((m) => m.direction === 'out') });
    },
    async loadReplies() {
      const r = await guarded(() => client.call('messages.list', { status: 'received', limit: 200 }));
      if (r) set({ replies: r.messages });
    },
    async receive(from: string, text: string) {
      const r = await guarded(() => client.call('messages.receive', { from, text }));
      if (r) await api.loadReplies();
      return r;
    },
    async chooseOptOutCustomer(customer: PreviewCustomer | null) {
      if (!customer) return set({ optOut: null });
      const r = await guarded(() => client.call('messages.optOut.get', { customerId: customer.id }));
      if (r) set({ optOut: { customer, ...r } });
    },
    async setOptOut(scope: 'none' | 'marketing' | 'all') {
      const o = store.getState().optOut;
      if (!o) return;
      const r = await guarded(() => client.call('messages.optOut.set', { customerId: o.customer.id, scope }));
      if (r) set({ optOut: { customer: o.customer, ...r }, saved: 'optOut' });
    },
    async loadSettings() {
      const r = await guarded(() => client.call('workflows.settings.get', {}));
      if (r) set({ settings: r });
    },
    async saveSettings(patch: Partial<WorkflowSettings>) {
      const r = await guarded(() => client.call('workflows.settings.set', patch));
      if (r) set({ settings: r, saved: 'settings' });
    },
    show(section: MessageSection) {
      set({ section, saved: null, error: null });
      if (section === 'templates' && !store.getState().templates.length) void api.load();
      if (section === 'outbox') void api.loadOutbox();
      if (section === 'replies') void api.loadReplies();
      if (section === 'settings') void api.loadSettings();
    },
  };
  return api;
}

export type Messages = ReturnType<typeof createMessages>;
