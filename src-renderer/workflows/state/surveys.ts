// 问卷调查: a segment (model, district, membership tier, churn status, last visit range), a share
// sampled at random with a seed (shown, so the same draw can be repeated), the agents the calls
// are dealt to; then the surveys' progress and result statistics.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { Input, Output } from '../../../src-shared/contract/index';
import type { Questionnaire } from '../../../src-shared/domain/workflows/questionnaire';
import { asContractError } from './contract-error';

export type Segment = Input<'surveys.create'>['segment'];
export const churnStatuses = ['active', 'at_risk', 'lost', 'permanently_lost', 'new'] as const;

export interface SurveyForm {
  name: string;
  questionnaireId: string;
  segment: Segment;
  sharePercent: string;
  seed: number;
  agents: string[];
}

export interface SurveysState {
  form: SurveyForm;
  preview: Output<'surveys.preview'> | null;
  list: Output<'surveys.list'> | null;
  questionnaires: Questionnaire[];
  selected: number | null;
  stats: Output<'surveys.stats'> | null;
  busy: boolean;
  created: Output<'surveys.create'> | null;
  error: ContractError | null;
}

/** Empty strings and empty lists mean "any": they are left out of the segment. */
export function cleanSegment(segment: Segment): Segment {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(segment)) if (v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)) out[k] = v;
  return out as Segment;
}

export function shareOf(percent: string): number | null {
  const n = Number(percent);
  return /^\d+(\.\d+)?$/.test(percent.trim()) && n > 0 && n <= 100 ? n / 100 : null;
}

export function formProblems(f: SurveyForm): string[] {
  const p: string[] = [];
  if (!f.name.trim()) p.push('name');
  if (!f.questionnaireId) p.push('questionnaire');
  if (shareOf(f.sharePercent) === null) p.push('share');
  if (!f.agents.length) p.push('agents');
  if (f.segment.lastVisitFrom && f.segment.lastVisitTo && f.segment.lastVisitFrom > f.segment.lastVisitTo) p.push('visitRange');
  return p;
}

export function createSurveys(client: ContractClient, random: () => number = Math.random) {
  const newSeed = () => Math.floor(random() * 2 ** 31);
  const store: StoreApi<SurveysState> = createStore<SurveysState>()(() => ({
    form: { name: '', questionnaireId: '', segment: {}, sharePercent: '10', seed: newSeed(), agents: [] },
    preview: null, list: null, questionnaires: [], selected: null, stats: null, busy: false, created: null, error: null,
  }));
  const fail = (error: unknown) => store.setState({ error: asContractError(error) });
  let previewSeq = 0;

  const api = {
    store,
    async load() {
      try {
        const [list, { questionnaires }] = await Promise.all([client.call('surveys.list', {}), client.call('questionnaires.list', {})]);
        store.setState((s) => ({ list, questionnaires: questionnaires as Questionnaire[], form: { ...s.form, questionnaireId: s.form.questionnaireId || (questionnaires.find((q) => q.purpose === 'survey') ?? questionnaires[0])?.id || '' } }));
        void api.refreshPreview();
      } catch (error) {
        fail(error);
      }
    },
    setForm(patch: Partial<SurveyForm>) {
      store.setState((s) => ({ form: { ...s.form, ...patch }, created: null }));
      if (patch.segment || patch.sharePercent !== undefined) void api.refreshPreview();
    },
    setSegment(patch: Partial<Segment>) {
      api.setForm({ segment: { ...store.getState().form.segment, ...patch } });
    },
    reseed() {
      api.setForm({ seed: newSeed() });
    },
    async refreshPreview() {
      const { form } = store.getState();
      const share = shareOf(form.sharePercent);
      if (share === null) return store.setState({ preview: null });
      const seq = ++previewSeq;
      try {
        const preview = await client.call('surveys.preview', { segment: cleanSegment(form.segment), share });
        if (seq === previewSeq) store.setState({ preview });
      } catch (error) {
        fail(error);
      }
    },
    async create() {
      const { form } = store.getState();
      const share = shareOf(form.sharePercent);
      if (formProblems(form).length || share === null) return;
      store.setState({ busy: true, error: null });
      try {
        const created = await client.call('surveys.create', { name: form.name.trim(), questionnaireId: form.questionnaireId, segment: cleanSegment(form.segment), share, seed: form.seed, agents: form.agents });
        store.setState({ created, selected: created.surveyId });
        await api.load();
        await api.select(created.surveyId);
      } catch (error) {
        fail(error);
      } finally {
        store.setState({ busy: false });
      }
    },
    async select(surveyId: number) {
      store.setState({ selected: surveyId, stats: null });
      try {
        const stats = await client.call('surveys.stats', { surveyId });
        if (store.getState().selected === surveyId) store.setState({ stats });
      } catch (error) {
        fail(error);
      }
    },
  };
  return api;
}

export type Surveys = ReturnType<typeof createSurveys>;
