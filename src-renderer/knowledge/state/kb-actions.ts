// Actions of the knowledge base: the only place that calls the kb.* contract (and the email
// settings of workflows.settings.*). Each action updates the KB store; errors become notices.
import type { ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { KbArticle, KbArticleFields, KbContext, KbHit } from '../../../src-shared/contract/knowledge';
import type { MessageView } from '../../../src-shared/contract/messages';
import type { CustomerCard } from '../../../src-shared/contract/customers';
import type { WorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import type { KbCategory, KbStatus } from '../../../src-shared/domain/knowledge/categories';
import { cardKbContext } from '../../../src-shared/domain/knowledge/card-context';
import { renderArticleText } from '../../../src-shared/domain/knowledge/render';
import type { InquiryCategory } from '../../../src-shared/domain/softphone/ivr-category';
import { todayIn } from '../../../src-shared/domain/dates';
import { asContractError } from '../../state/action-deps';
import { bytesToBase64 } from '../../transfer/base64';
import { searchAnswered, searchFailed, searchRequest, searchStarted, type KbFilter } from './kb-search';
import { initialKbCard, type KbNotice, type KbPane, type KbState, type KbStore, type KbTab } from './kb-store';

const dealershipTimeZone = 'Asia/Shanghai';

export interface KbAttachmentFile {
  name: string;
  mime: string;
  base64: string;
}

export function createKbActions(client: ContractClient, store: KbStore, isEditor: () => boolean) {
  const set = (patch: Partial<KbState> | ((s: KbState) => Partial<KbState>)) => store.setState(patch as Partial<KbState>);
  const notify = (notice: KbNotice | null) => set({ notice });
  const fail = (error: unknown): ContractError => {
    const e = asContractError(error);
    notify({ kind: 'error', text: e.message });
    return e;
  };
  /** Inquiry category of the call on screen, per customer (set by the softphone's screen-pop). */
  let inquiry: { customerId: number; category: InquiryCategory } | null = null;
  const attachmentCache = new Map<number, Promise<KbAttachmentFile>>();

  async function runSearch() {
    set((s) => ({ search: searchStarted(s.search) }));
    const { search, card } = store.getState();
    const seq = search.seq;
    const req = searchRequest(search, card.context);
    try {
      if (req.kind === 'search') {
        const { hits, tookMs } = await client.call('kb.search', { query: req.query, context: req.context, filter: req.filter, limit: 30, includeUnpublished: isEditor() });
        set((s) => ({ search: searchAnswered(s.search, seq, 'search', hits, tookMs) }));
      } else if (req.kind === 'suggest') {
        const { hits } = await client.call('kb.suggest', { context: req.context, limit: 20 });
        set((s) => ({ search: searchAnswered(s.search, seq, 'suggest', hits, null) }));
      } else {
        const { hits } = await client.call('kb.list', { category: req.category, status: isEditor() ? undefined : 'published', limit: 100 });
        set((s) => ({ search: searchAnswered(s.search, seq, 'list', hits, null) }));
      }
    } catch (error) {
      set((s) => ({ search: searchFailed(s.search, seq, asContractError(error)) }));
    }
  }

  async function openArticle(id: number) {
    set((s) => ({ article: { id, status: s.article.id === id && s.article.data ? 'ready' : 'loading', data: s.article.id === id ? s.article.data : null, error: null }, pane: 'article' }));
    try {
      const data = await client.call('kb.get', { id });
      if (store.getState().article.id === id) set({ article: { id, status: 'ready', data, error: null } });
    } catch (error) {
      if (store.getState().article.id === id) set({ article: { id, status: 'error', data: null, error: asContractError(error) } });
    }
  }

  function shown(article: KbArticle) {
    attachmentCache.clear();
    set({ article: { id: article.id, status: 'ready', data: article, error: null } });
  }

  async function refreshSuggestions() {
    const { card } = store.getState();
    const key = card.context ? JSON.stringify(card.context) : null;
    if (!card.context || Object.keys(card.context).length === 0) {
      set((s) => ({ card: { ...s.card, suggestions: [], suggestionsFor: key } }));
      return;
    }
    try {
      const { hits } = await client.call('kb.suggest', { context: card.context, limit: 6 });
      if (JSON.stringify(store.getState().card.context) === key) set((s) => ({ card: { ...s.card, suggestions: hits, suggestionsFor: key } }));
    } catch {
      // Suggestions are a help, not a must: the panel's search still works.
    }
  }

  /** Panel and suggestions follow the open card and its vehicle in front. */
  function cardChanged(card: CustomerCard | null, vehicleId: number | null) {
    const before = store.getState().card;
    if (!card) {
      if (before.customerId !== null) {
        set({ card: initialKbCard });
        void runSearch();
      }
      return;
    }
    const today = todayIn(dealershipTimeZone, new Date());
    const context: KbContext = cardKbContext(card, vehicleId, today, inquiry?.customerId === card.id ? inquiry.category : null);
    const same = before.customerId === card.id && JSON.stringify(before.context) === JSON.stringify(context) && before.email === card.email;
    if (same) return;
    set({ card: { ...before, customerId: card.id, name: card.name, email: card.email, context } });
    void refreshSuggestions();
    void runSearch();
  }

  return {
    runSearch,
    setQuery(query: string) {
      set((s) => ({ search: { ...s.search, query } }));
      void runSearch();
    },
    setFilter(filter: Partial<KbFilter>) {
      set((s) => ({ search: { ...s.search, filter: { ...s.search.filter, ...filter } } }));
      void runSearch();
    },
    setUseCardContext(on: boolean) {
      set((s) => ({ search: { ...s.search, useCardContext: on } }));
      void runSearch();
    },
    cardChanged,
    /** The call's IVR choice (保养/维修/投诉/新车/促销) for a customer; ranks that category first. */
    setInquiry(customerId: number, category: InquiryCategory | null, card: CustomerCard | null, vehicleId: number | null) {
      inquiry = category ? { customerId, category } : null;
      if (card && card.id === customerId) {
        set((s) => ({ card: { ...s.card, context: null } }));
        cardChanged(card, vehicleId);
      }
    },
    openArticle,
    async reloadArticle() {
      const id = store.getState().article.id;
      if (id !== null) await openArticle(id);
    },
    showTab: (tab: KbTab) => set({ tab, notice: null }),
    showPane: (pane: KbPane) => set({ pane, notice: null }),
    newArticle: () => set({ pane: 'new', tab: 'search', notice: null }),
    dismissNotice: () => notify(null),
    notify,
    async saveArticle(fields: KbArticleFields, options: { id?: number; expectedVersion?: number; note?: string }): Promise<KbArticle | null> {
      try {
        const article = options.id
          ? await client.call('kb.update', { id: options.id, fields, expectedVersion: options.expectedVersion, ...(options.note ? { note: options.note } : {}) })
          : await client.call('kb.create', fields);
        shown(article);
        set({ pane: 'article' });
        void runSearch();
        return article;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    async setStatus(id: number, status: KbStatus) {
      try {
        shown(await client.call('kb.setStatus', { id, status }));
        void runSearch();
      } catch (error) {
        fail(error);
      }
    },
    async history(id: number) {
      return (await client.call('kb.history', { id })).versions;
    },
    async diff(id: number, from: number, to: number) {
      return client.call('kb.diff', { id, from, to });
    },
    async restore(id: number, version: number): Promise<KbArticle | null> {
      try {
        const article = await client.call('kb.restore', { id, version });
        shown(article);
        void runSearch();
        return article;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    async addAttachment(articleId: number, file: File) {
      try {
        const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
        await client.call('kb.addAttachment', { articleId, name: file.name, base64 });
        shown(await client.call('kb.get', { id: articleId }));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    async removeAttachment(articleId: number, attachmentId: number) {
      try {
        await client.call('kb.removeAttachment', { id: attachmentId });
        shown(await client.call('kb.get', { id: articleId }));
      } catch (error) {
        fail(error);
      }
    },
    /** Attachment bytes, fetched once per article view. */
    attachment(id: number): Promise<KbAttachmentFile> {
      let file = attachmentCache.get(id);
      if (!file) {
        file = client.call('kb.attachment', { id }).then((a) => ({ name: a.name, mime: a.mime, base64: a.base64 }));
        file.catch(() => attachmentCache.delete(id));
        attachmentCache.set(id, file);
      }
      return file;
    },
    getArticle: (id: number) => client.call('kb.get', { id }),
    async synonyms() {
      return (await client.call('kb.synonyms', {})).groups;
    },
    async saveSynonyms(groups: { kind: 'equivalent' | 'related'; terms: string[] }[]) {
      try {
        const saved = (await client.call('kb.saveSynonyms', { groups })).groups;
        void runSearch();
        return saved;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    /** Opens the send dialog; the attachment count is looked up when the caller does not know it. */
    openSend(article: { id: number; title: string; attachments?: number }) {
      set({ sending: { articleId: article.id, title: article.title, attachments: article.attachments ?? 0 } });
      if (article.attachments === undefined) {
        void client.call('kb.get', { id: article.id }).then(
          (a) => {
            const sending = store.getState().sending;
            if (sending?.articleId === a.id) set({ sending: { ...sending, attachments: a.attachments.length } });
          },
          () => {},
        );
      }
    },
    /** The card panel's own search: ranked for the card's car, not shown on the KB screen. */
    async panelSearch(query: string, context: KbContext | null): Promise<KbHit[]> {
      try {
        return (await client.call('kb.search', { query, ...(context && Object.keys(context).length ? { context } : {}), limit: 8 })).hits;
      } catch {
        return [];
      }
    },
    closeSend: () => set({ sending: null }),
    async sendEmail(input: { articleId: number; to: string; note: string }): Promise<{ message: MessageView | null; error: ContractError | null }> {
      const customerId = store.getState().card.customerId;
      try {
        const message = await client.call('kb.sendEmail', { ...input, customerId });
        return { message, error: null };
      } catch (error) {
        return { message: null, error: asContractError(error) };
      }
    },
    openPreview: (id: number) => set({ preview: id }),
    closePreview: () => set({ preview: null }),
    async standardAnswers(): Promise<KbHit[]> {
      const { hits } = await client.call('kb.list', { category: 'complaint_standard' satisfies KbCategory, status: 'published', limit: 500 });
      return hits;
    },
    /** The answer as plain text (no Markdown marks) for a reply or a note. */
    async standardAnswerText(id: number): Promise<string> {
      return renderArticleText((await client.call('kb.get', { id })).body);
    },
    mailSettings: () => client.call('workflows.settings.get', {}),
    async saveMailSettings(email: WorkflowSettings['email']) {
      try {
        const saved = await client.call('workflows.settings.set', { email });
        notify(null);
        return saved;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    async outboxCount(): Promise<number> {
      try {
        return (await client.call('messages.list', { status: 'queued', limit: 500 })).messages.filter((m) => m.channel === 'email').length;
      } catch {
        return 0;
      }
    },
  };
}

export type KbActions = ReturnType<typeof createKbActions>;
