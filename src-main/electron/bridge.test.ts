import { describe, expect, it } from 'vitest';
import { eventNames, methodNames } from '../../src-shared/contract/index';
import { createBridge, type IpcRendererLike } from './bridge';
import { eventChannel, invokeChannel } from './ipc-channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const calls: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    async invoke(channel, ...args) {
      calls.push([channel, ...args]);
      return { ok: true, value: { echoed: args } };
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
  };
  const ipcEvent = { sender: { secret: 'raw ipcRenderer' } };
  const emit = (...args: unknown[]) => {
    for (const listener of listeners.get(eventChannel) ?? []) listener(ipcEvent, ...args);
  };
  return { ipc, calls, listeners, emit };
}

const contract = { methodNames, eventNames };

describe('createBridge', () => {
  it('exposes exactly invoke, onEvent and host, frozen', () => {
    const bridge = createBridge(fakeIpc().ipc, contract);
    expect(Object.keys(bridge).sort()).toEqual(['host', 'invoke', 'onEvent']);
    expect(bridge.host).toBe('electron');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards contract methods over the invoke channel', async () => {
    const { ipc, calls } = fakeIpc();
    const method = methodNames[0];
    const result = await createBridge(ipc, contract).invoke(method, { a: 1 });
    expect(calls).toEqual([[invokeChannel, method, { a: 1 }]]);
    expect(result).toEqual({ ok: true, value: { echoed: [method, { a: 1 }] } });
  });

  it('refuses names outside the contract without touching IPC', async () => {
    const { ipc, calls } = fakeIpc();
    const bridge = createBridge(ipc, contract);
    for (const name of ['shell.openExternal', 'constructor', '__proto__', 'toString', '', 42, null]) {
      const result = await bridge.invoke(name as string, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('unknown-method');
    }
    expect(calls).toEqual([]);
  });

  it('delivers contract events as (name, payload) only, never the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createBridge(ipc, contract);
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args) => seen.push(args));
    const event = eventNames[0];
    emit(event, { n: 1 });
    emit('not.an.event', { n: 2 });
    emit(undefined);
    expect(seen).toEqual([[event, { n: 1 }]]);
    off();
    off();
    emit(event, { n: 3 });
    expect(seen).toHaveLength(1);
    expect(listeners.get(eventChannel)?.size).toBe(0);
  });

  it('keeps independent subscriptions independent', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createBridge(ipc, contract);
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bridge.onEvent((name) => a.push(name));
    bridge.onEvent((name) => b.push(name));
    offA();
    emit(eventNames[0], {});
    expect(a).toEqual([]);
    expect(b).toEqual([eventNames[0]]);
  });
});
