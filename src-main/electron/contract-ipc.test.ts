import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../host/desk';
import { bindContractIpc, type EventTarget, type IpcMainLike } from './contract-ipc';
import { eventChannel, invokeChannel } from './ipc-channels';

type Handler = Parameters<IpcMainLike['handle']>[1];

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

function fakeWindow(destroyed = false) {
  const sent: unknown[][] = [];
  const target: EventTarget = { isDestroyed: () => destroyed, send: (...args) => void sent.push(args) };
  return { target, sent };
}

const appFrame = { url: 'app://dealerdesk/index.html', origin: 'app://dealerdesk' };
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function realDesk(): Desk {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealerdesk-ipc-'));
  const desk = createDesk({ dataDir, host: 'electron', log: { info() {}, error() {} } });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => desk.close());
  return desk;
}

describe('bindContractIpc', () => {
  it('dispatches calls from the app window to the real desk', async () => {
    const desk = realDesk();
    const { ipcMain, handlers } = fakeIpcMain();
    bindContractIpc(ipcMain, desk, () => []);
    const unknown = (await handlers.get(invokeChannel)!({ senderFrame: appFrame }, 'nope.method', {})) as { ok: boolean; error?: { code: string } };
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses calls from other frames before the desk sees them', async () => {
    const calls: unknown[] = [];
    const desk = { dispatch: async (method: unknown) => (calls.push(method), { ok: true as const, value: 1 }), onEvent: () => () => {} };
    const { ipcMain, handlers } = fakeIpcMain();
    bindContractIpc(ipcMain, desk, () => []);
    for (const senderFrame of [null, { url: 'https://evil.cn/', origin: 'https://evil.cn' }, { url: 'file:///x.html' }]) {
      const result = await handlers.get(invokeChannel)!({ senderFrame }, 'session.get', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls).toEqual([]);
    expect(await handlers.get(invokeChannel)!({ senderFrame: appFrame }, 'session.get', {})).toEqual({ ok: true, value: 1 });
    expect(calls).toEqual(['session.get']);
  });

  it('turns a throwing desk into a typed result', async () => {
    const desk = { dispatch: async () => Promise.reject(new Error('closed')), onEvent: () => () => {} };
    const { ipcMain, handlers } = fakeIpcMain();
    bindContractIpc(ipcMain, desk, () => []);
    expect(await handlers.get(invokeChannel)!({ senderFrame: appFrame }, 'session.get', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('forwards desk events to live windows and stops on dispose', () => {
    const desk = realDesk();
    const live = fakeWindow();
    const closed = fakeWindow(true);
    const { ipcMain, handlers } = fakeIpcMain();
    const dispose = bindContractIpc(ipcMain, desk, () => [live.target, closed.target]);
    desk.context.emit('customers.changed', { ids: [1] });
    expect(live.sent).toEqual([[eventChannel, 'customers.changed', { ids: [1] }]]);
    expect(closed.sent).toEqual([]);
    dispose();
    desk.context.emit('customers.changed', { ids: [2] });
    expect(live.sent).toHaveLength(1);
    expect(handlers.has(invokeChannel)).toBe(false);
  });
});
