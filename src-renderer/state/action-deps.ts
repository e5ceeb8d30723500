// Shared plumbing of the action factories: the contract client, the store, and a way to replace one slice.
import type { ContractClient } from '../../src-shared/contract/client';
import type { ContractError } from '../../src-shared/contract/errors';
import type { DeskState, DeskStore } from './store';

/** What every action factory receives. */
export interface ActionDeps {
  client: ContractClient;
  store: DeskStore;
}

export function patch<K extends keyof DeskState>(store: DeskStore, key: K, update: (slice: DeskState[K]) => DeskState[K]): void {
  const before = store.getState()[key];
  const after = update(before);
  if (after !== before) store.setState({ [key]: after } as unknown as Partial<DeskState>);
}

export function asContractError(error: unknown): ContractError {
  if (error && typeof error === 'object' && 'error' in error) {
    const inner = (error as { error: unknown }).error;
    if (inner && typeof inner === 'object' && 'code' in inner) return inner as ContractError;
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
