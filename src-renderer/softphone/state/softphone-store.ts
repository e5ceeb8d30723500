import { createStore, type StoreApi } from 'zustand/vanilla';
import { initialSoftphoneState, type SoftphoneState } from './softphone-slice';

export type SoftphoneStore = StoreApi<SoftphoneState>;

export function createSoftphoneStore(): SoftphoneStore {
  return createStore<SoftphoneState>()(() => initialSoftphoneState);
}
