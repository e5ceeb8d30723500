// The seam between the customer screens and the softphone: a card or a search row asks to call
// one of a customer's phones by id (the agent may only see it masked); the softphone resolves
// the number through the contract and dials. Screens without a softphone get no dialer and
// show no call buttons.
import { useSyncExternalStore } from 'react';

export interface CustomerPhoneRef {
  customerId: number;
  /** Omitted: the customer's primary phone. */
  phoneId?: number;
}

export interface Dialer {
  dialCustomer(target: CustomerPhoneRef): Promise<void>;
  /** Registered and not already in a call that would block a new one. */
  canDial(): boolean;
  subscribe(listener: () => void): () => void;
}

export function useCanDial(dialer: Dialer | null): boolean {
  return useSyncExternalStore(
    (listener) => (dialer ? dialer.subscribe(listener) : () => {}),
    () => dialer?.canDial() ?? false,
  );
}
