// Binds the desk to Electron IPC: one handle for calls, one send per event. The preload already
// refused names outside the contract, but a compromised renderer can call ipcRenderer itself,
// so main trusts nothing: the sender frame must be the app's own page, and desk.dispatch
// validates the method, the input and the caller's role. Written against small interfaces so it
// is tested without Electron; main.ts passes the real ipcMain.
import type { Result } from '../../src-shared/contract/errors';
import { isTrustedFrame } from './app-origin';
import { eventChannel, invokeChannel } from './ipc-channels';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url?: string; origin?: string } | null }, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface DeskLike {
  dispatch(method: unknown, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

export interface ContractIpcOptions {
  log?: { error(message: string, meta?: Record<string, unknown>): void };
}

export function bindContractIpc(ipcMain: IpcMainLike, desk: DeskLike, targets: () => readonly EventTarget[], options: ContractIpcOptions = {}): () => void {
  ipcMain.handle(invokeChannel, async (event, method, input): Promise<Result<unknown>> => {
    if (!isTrustedFrame(event.senderFrame)) {
      options.log?.error('contract call from an untrusted frame refused', { url: String(event.senderFrame?.url ?? '').slice(0, 200) });
      return { ok: false, error: { code: 'forbidden', message: 'calls are accepted only from the Dealerdesk window' } };
    }
    try {
      return await desk.dispatch(method, input);
    } catch {
      // The dispatcher turns handler failures into results; this catches a desk closed mid-call.
      return { ok: false, error: { code: 'unavailable', message: 'the desk is shutting down' } };
    }
  });
  const stopEvents = desk.onEvent((name, payload) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(eventChannel, name, payload);
    }
  });
  return () => {
    stopEvents();
    ipcMain.removeHandler(invokeChannel);
  };
}
