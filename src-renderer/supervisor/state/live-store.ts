// 坐席实况 (the live view of desks): the last board main sent, and how far this window's clock
// is from the clock the board's times are on, so durations tick right between pushes.
import { createStore } from 'zustand/vanilla';
import type { ContractClient } from '../../../src-shared/contract/client';
import type { ContractError } from '../../../src-shared/contract/errors';
import type { PresenceView } from '../../../src-shared/contract/presence';
import { asContractError } from '../../state/action-deps';

export interface LiveState {
  view: PresenceView | null;
  /** This window's clock minus the board's clock, when the board arrived. */
  offsetMs: number;
  error: ContractError | null;
}

export type LiveStore = ReturnType<typeof createLiveStore>;

export function createLiveStore() {
  return createStore<LiveState>()(() => ({ view: null, offsetMs: 0, error: null }));
}

export function createLiveActions(client: ContractClient, store: LiveStore, clock: () => number = () => Date.now()) {
  function received(view: PresenceView) {
    store.setState({ view, offsetMs: clock() - Date.parse(view.serverNow), error: null });
  }
  return {
    received,
    /** Loads the board and renews main's lease on pushing it (call at least every minute while shown). */
    async load() {
      try {
        received(await client.call('presence.list', {}));
      } catch (error) {
        store.setState({ error: asContractError(error) });
      }
    },
    reset() {
      store.setState({ view: null, offsetMs: 0, error: null });
    },
  };
}

export type LiveActions = ReturnType<typeof createLiveActions>;
