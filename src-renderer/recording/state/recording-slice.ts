// The recording slice: calls being recorded (or offered for recording on demand), the list and
// its filters, the recording open in the player, partial recordings to recover, disk warnings.
// Actions are pure (state, input) → state (style.md §3).
import type { DiskStatus, RecordingFilter, RecordingSettingsView, RecordingView } from '../../../src-shared/contract/recording';
import type { RecorderState } from '../recorder/call-recorder';

export interface ActiveRecording extends RecorderState {
  callId: string;
  remoteNumber: string;
}

export type ListFilter = Omit<RecordingFilter, 'limit'>;

export interface RecordingState {
  settings: RecordingSettingsView | null;
  active: ActiveRecording[];
  /** On-demand calls the agent may start recording. */
  offered: { callId: string; remoteNumber: string }[];
  panelOpen: boolean;
  filter: ListFilter;
  list: RecordingView[];
  agents: string[];
  loading: boolean;
  selected: RecordingView | null;
  recovery: RecordingView[];
  disk: DiskStatus | null;
}

export const initialRecordingState: RecordingState = {
  settings: null,
  active: [],
  offered: [],
  panelOpen: false,
  filter: {},
  list: [],
  agents: [],
  loading: false,
  selected: null,
  recovery: [],
  disk: null,
};

export function activePatched(s: RecordingState, callId: string, patch: Partial<ActiveRecording>): RecordingState {
  return { ...s, active: s.active.map((a) => (a.callId === callId ? { ...a, ...patch } : a)) };
}

export function activeAdded(s: RecordingState, a: ActiveRecording): RecordingState {
  return { ...s, active: [...s.active.filter((x) => x.callId !== a.callId), a], offered: s.offered.filter((o) => o.callId !== a.callId) };
}

export function callGone(s: RecordingState, callId: string): RecordingState {
  return { ...s, active: s.active.filter((a) => a.callId !== callId), offered: s.offered.filter((o) => o.callId !== callId) };
}

export function filterEdited(s: RecordingState, patch: Partial<ListFilter>): RecordingState {
  const filter = { ...s.filter, ...patch };
  for (const key of Object.keys(filter) as (keyof ListFilter)[]) if (filter[key] === '' || filter[key] === undefined) delete filter[key];
  return { ...s, filter };
}

/** Filter as the contract wants it: form strings trimmed, dates made into day bounds. */
export function filterForRequest(filter: ListFilter): RecordingFilter {
  const out: RecordingFilter = { ...filter, limit: 200 };
  if (filter.to && /^\d{4}-\d{2}-\d{2}$/.test(filter.to)) out.to = `${filter.to}T23:59:59.999Z`;
  return out;
}
