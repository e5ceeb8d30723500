import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialRecordingState, type RecordingState } from './recording-slice';

export type RecordingStore = StoreApi<RecordingState>;

export function createRecordingStore(): RecordingStore {
  return createStore<RecordingState>()(() => initialRecordingState);
}
