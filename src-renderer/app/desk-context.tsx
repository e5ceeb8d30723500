import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DeskActions } from '../state/desk-actions';
import type { Dialer } from './dialer';
import type { DeskState, DeskStore } from '../state/store';

export interface DeskHandle {
  store: DeskStore;
  actions: DeskActions;
  /** Click-to-dial, when a softphone is mounted. */
  dialer?: Dialer;
}

export const DeskContext = createContext<DeskHandle | null>(null);

function useHandle(): DeskHandle {
  const handle = useContext(DeskContext);
  if (!handle) throw new Error('DeskContext is missing');
  return handle;
}

export function useDesk<T>(selector: (state: DeskState) => T): T {
  return useStore(useHandle().store, selector);
}

export function useActions(): DeskActions {
  return useHandle().actions;
}

export function useDialer(): Dialer | null {
  return useHandle().dialer ?? null;
}

/** The raw store, for event handlers that read the latest state without subscribing. */
export function useDeskStore(): DeskStore {
  return useHandle().store;
}
