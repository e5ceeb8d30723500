import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SoftphoneController } from '../controller';
import type { SoftphoneState } from '../state/softphone-slice';
import type { SoftphoneStore } from '../state/softphone-store';

export interface SoftphoneHandle {
  store: SoftphoneStore;
  controller: SoftphoneController;
}

export const SoftphoneContext = createContext<SoftphoneHandle | null>(null);

function handle(): SoftphoneHandle {
  const h = useContext(SoftphoneContext);
  if (!h) throw new Error('SoftphoneContext is missing');
  return h;
}

export function useSoftphone<T>(selector: (s: SoftphoneState) => T): T {
  return useStore(handle().store, selector);
}

export function usePhone(): SoftphoneController {
  return handle().controller;
}
