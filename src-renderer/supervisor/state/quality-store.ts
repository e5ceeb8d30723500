// The quality-review tab's state (质检): the recordings of the supervisor's month range, the one
// open for review with its review and pinned comments, the form's criteria and the trends.
import { createStore } from 'zustand/vanilla';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { Output } from '../../../src-shared/contract/index';
import type { RecordingView } from '../../../src-shared/contract/recording';

export interface QualityState {
  agent: string;
  recordings: RecordingView[];
  agents: string[];
  open: RecordingView | null;
  detail: Output<'quality.get'> | null;
  criteria: Output<'quality.criteria'>;
  trends: Output<'quality.trends'>;
  saving: boolean;
  error: ContractError | null;
}

export type QualityStore = ReturnType<typeof createQualityStore>;

export const emptyQuality: QualityState = { agent: '', recordings: [], agents: [], open: null, detail: null, criteria: [], trends: [], saving: false, error: null };

export function createQualityStore() {
  return createStore<QualityState>()(() => ({ ...emptyQuality }));
}
