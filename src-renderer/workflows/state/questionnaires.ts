// The questionnaire editor's store: the list (seed 002 repair and sales questionnaires as
// editable defaults, plus the dealership's own), the draft being edited, and saving.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { Input } from '../../../src-shared/contract/index';
import type { Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { asContractError } from './contract-error';
import { emptyQuestionnaire, type Draft } from './questionnaire-draft';

export interface QuestionnairesState {
  list: Questionnaire[];
  draft: Draft | null;
  dirty: boolean;
  busy: boolean;
  saved: boolean;
  error: ContractError | null;
}

export function createQuestionnaires(client: ContractClient) {
  const store: StoreApi<QuestionnairesState> = createStore<QuestionnairesState>()(() => ({ list: [], draft: null, dirty: false, busy: false, saved: false, error: null }));
  return {
    store,
    async load() {
      try {
        const { questionnaires } = await client.call('questionnaires.list', {});
        const list = questionnaires as Questionnaire[];
        store.setState((s) => ({ list, draft: s.draft ?? list[0] ?? null }));
      } catch (error) {
        store.setState({ error: asContractError(error) });
      }
    },
    open(id: string) {
      const q = store.getState().list.find((x) => x.id === id);
      if (q) store.setState({ draft: structuredClone(q), dirty: false, saved: false, error: null });
    },
    create() {
      store.setState((s) => ({ draft: emptyQuestionnaire(s.list), dirty: true, saved: false, error: null }));
    },
    edit(step: (d: Draft) => Draft) {
      const d = store.getState().draft;
      if (d) store.setState({ draft: step(d), dirty: true, saved: false });
    },
    async save() {
      const d = store.getState().draft;
      if (!d) return;
      store.setState({ busy: true, error: null });
      try {
        const saved = (await client.call('questionnaires.save', structuredClone(d) as Input<'questionnaires.save'>)) as Questionnaire;
        store.setState((s) => ({ list: s.list.some((x) => x.id === saved.id) ? s.list.map((x) => (x.id === saved.id ? saved : x)) : [...s.list, saved], draft: saved, dirty: false, saved: true }));
      } catch (error) {
        store.setState({ error: asContractError(error) });
      } finally {
        store.setState({ busy: false });
      }
    },
  };
}

export type Questionnaires = ReturnType<typeof createQuestionnaires>;
