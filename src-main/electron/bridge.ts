// The object the preload exposes as window.dealerdesk (style.md §10): the ContractTransport the
// renderer expects plus `host`, and nothing else. Raw ipcRenderer and the IPC event objects
// (whose `sender` *is* ipcRenderer) never reach the page. Method names are checked here before
// any IPC; main checks the sender and the dispatcher validates everything again.
import type { ContractTransport } from '../../src-shared/contract/client';
import type { Result } from '../../src-shared/contract/errors';
import { eventChannel, invokeChannel } from './ipc-channels';

/** The slice of ipcRenderer the bridge uses; a fake in tests. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface DealerdeskBridge extends ContractTransport {
  readonly host: 'electron';
}

export function createBridge(ipc: IpcRendererLike, contract: { methodNames: readonly string[]; eventNames: readonly string[] }): DealerdeskBridge {
  const methods = new Set(contract.methodNames);
  const events = new Set(contract.eventNames);
  const bridge: DealerdeskBridge = {
    host: 'electron',
    async invoke(method: string, input: unknown): Promise<Result<unknown>> {
      if (typeof method !== 'string' || !methods.has(method)) {
        return { ok: false, error: { code: 'unknown-method', message: `unknown method: ${String(method).slice(0, 80)}` } };
      }
      return (await ipc.invoke(invokeChannel, method, input)) as Result<unknown>;
    },
    onEvent(listener: (event: string, payload: unknown) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
      const forward = (_event: unknown, name: unknown, payload: unknown) => {
        if (typeof name === 'string' && events.has(name)) listener(name, payload);
      };
      ipc.on(eventChannel, forward as (event: unknown, ...args: unknown[]) => void);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(eventChannel, forward as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
  return Object.freeze(bridge);
}
