// The renderer's view of main: typed calls that resolve to values or reject with a ContractCallError.
import type { ContractError, Result } from './errors';
import type { EventName, EventPayload, Input, Method, Output } from './index';

/** What a host hands the renderer at start: the Electron preload or the WebSocket binding. */
export interface ContractTransport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

export class ContractCallError extends Error {
  constructor(readonly error: ContractError) {
    super(error.message);
    this.name = 'ContractCallError';
  }
}

export interface ContractClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createContractClient(transport: ContractTransport): ContractClient {
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ContractCallError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return transport.onEvent((name, payload) => {
        if (name === event) listener(payload as never);
      });
    },
  };
}
