// The open customer card. Invariant: a card reply is kept only if it is for the customer that is
// open now — opening B while A is still loading must never show A.
import type { ContractError } from '../../src-shared/contract/errors';
import type { CustomerCard, CustomerUpdate } from '../../src-shared/contract/customers';
import { asContractError, patch, type ActionDeps } from './action-deps';

export interface CardState {
  openId: number | null;
  status: 'closed' | 'loading' | 'ready' | 'error';
  card: CustomerCard | null;
  error: ContractError | null;
  /** The vehicle tab in front; null = the customer has no vehicle. */
  vehicleId: number | null;
}

export const initialCardState: CardState = { openId: null, status: 'closed', card: null, error: null, vehicleId: null };

export function cardRequested(state: CardState, customerId: number): CardState {
  const same = state.openId === customerId && state.card !== null;
  return {
    openId: customerId,
    status: same ? 'ready' : 'loading',
    card: same ? state.card : null,
    error: null,
    vehicleId: same ? state.vehicleId : null,
  };
}

export function cardArrived(state: CardState, card: CustomerCard): CardState {
  if (state.openId !== card.id) return state;
  const keepVehicle = state.vehicleId !== null && card.vehicles.some((vehicle) => vehicle.id === state.vehicleId);
  return { ...state, status: 'ready', card, error: null, vehicleId: keepVehicle ? state.vehicleId : (card.vehicles[0]?.id ?? null) };
}

export function cardFailed(state: CardState, customerId: number, error: ContractError): CardState {
  if (state.openId !== customerId) return state;
  return { ...state, status: 'error', error };
}

export function cardClosed(): CardState {
  return initialCardState;
}

export function vehicleChosen(state: CardState, vehicleId: number): CardState {
  if (!state.card?.vehicles.some((vehicle) => vehicle.id === vehicleId)) return state;
  return { ...state, vehicleId };
}

/** Does a `customers.changed` event touch the open card? No ids means "anything may have changed". */
export function cardAffected(state: CardState, ids: number[] | undefined): boolean {
  return state.openId !== null && (ids === undefined || ids.includes(state.openId));
}

export function createCardActions({ client, store }: ActionDeps) {
  const update = (fn: (slice: CardState) => CardState) => patch(store, 'card', fn);
  async function openCard(customerId: number) {
    update((s) => cardRequested(s, customerId));
    try {
      const card = await client.call('customers.card', { customerId });
      update((s) => cardArrived(s, card));
    } catch (error) {
      update((s) => cardFailed(s, customerId, asContractError(error)));
    }
  }
  return {
    openCard,
    /** A card that came with another reply (the screen-pop's lookup): shown as if just opened. */
    showCard: (card: CustomerCard) => update((s) => cardArrived(cardRequested(s, card.id), card)),
    closeCard: () => update(cardClosed),
    chooseVehicle: (vehicleId: number) => update((s) => vehicleChosen(s, vehicleId)),
    async refreshCard() {
      const id = store.getState().card.openId;
      if (id !== null) await openCard(id);
    },
    /** customers.update; resolves to null when saved (the card reloads), else the error. */
    async saveCustomer(input: CustomerUpdate): Promise<ContractError | null> {
      try {
        await client.call('customers.update', input);
      } catch (error) {
        return asContractError(error);
      }
      if (store.getState().card.openId === input.customerId) await openCard(input.customerId);
      return null;
    },
  };
}
export type CardActions = ReturnType<typeof createCardActions>;
