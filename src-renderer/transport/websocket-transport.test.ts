// The test plays the browser host, which runs in Node: it needs a real `ws` server.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createContractClient, ContractCallError } from '../../src-shared/contract/client';
import { createWebSocketTransport, contractSocketUrl, reconnectDelay, type ConnectionStatus, type SocketConstructor, type WebSocketTransport } from './websocket-transport';

interface Host {
  server: WebSocketServer;
  url: string;
  port: number;
  frames: Array<{ id: number; method: string; input: unknown }>;
}

const cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function startHost(port = 0, onFrame?: (frame: { id: number; method: string; input: unknown }, socket: WebSocket) => void): Promise<Host> {
  return new Promise((resolve) => {
    const server = new WebSocketServer({ port, path: '/contract' });
    const frames: Host['frames'] = [];
    server.on('connection', (socket) => {
      socket.on('message', (data) => {
        const frame = JSON.parse(String(data));
        frames.push(frame);
        if (onFrame) onFrame(frame, socket);
        else socket.send(JSON.stringify({ id: frame.id, result: { ok: true, value: { echo: frame.method, input: frame.input } } }));
      });
    });
    server.on('listening', () => {
      const actual = (server.address() as { port: number }).port;
      resolve({ server, frames, port: actual, url: `ws://127.0.0.1:${actual}/contract` });
    });
    cleanups.push(() => stopHost(server));
  });
}

function stopHost(server: WebSocketServer): Promise<void> {
  for (const client of server.clients) client.terminate();
  return new Promise((resolve) => server.close(() => resolve()));
}

function transportFor(url: string, extra: Partial<Parameters<typeof createWebSocketTransport>[0]> = {}): WebSocketTransport {
  const transport = createWebSocketTransport({ url, WebSocket: WebSocket as unknown as SocketConstructor, initialDelayMs: 20, maxDelayMs: 80, ...extra });
  cleanups.push(() => transport.close());
  return transport;
}

function waitForStatus(transport: WebSocketTransport, state: ConnectionStatus['state']): Promise<void> {
  if (transport.status().state === state) return Promise.resolve();
  return new Promise((resolve) => {
    const off = transport.onStatus((status) => {
      if (status.state === state) {
        off();
        resolve();
      }
    });
  });
}

describe('websocket transport', () => {
  it('sends calls with fresh ids and settles each with its own reply, even out of order', async () => {
    const held: Array<{ id: number; socket: WebSocket }> = [];
    const host = await startHost(0, (frame, socket) => {
      held.push({ id: frame.id, socket });
      if (held.length === 2) {
        // Answer the second call first.
        for (const item of [...held].reverse()) item.socket.send(JSON.stringify({ id: item.id, result: { ok: true, value: item.id * 10 } }));
      }
    });
    const transport = transportFor(host.url);
    const [a, b] = await Promise.all([transport.invoke('customers.count', {}), transport.invoke('session.get', {})]);
    expect(host.frames.map((frame) => frame.method)).toEqual(['customers.count', 'session.get']);
    const [first, second] = host.frames;
    expect(first.id).not.toBe(second.id);
    expect(a).toEqual({ ok: true, value: first.id * 10 });
    expect(b).toEqual({ ok: true, value: second.id * 10 });
  });

  it('works under the typed contract client, which rejects with ContractCallError', async () => {
    const host = await startHost(0, (frame, socket) => {
      const result = frame.method === 'customers.card'
        ? { ok: false, error: { code: 'not-found', message: 'no such customer' } }
        : { ok: true, value: { customers: 7, vehicles: 9 } };
      socket.send(JSON.stringify({ id: frame.id, result }));
    });
    const client = createContractClient(transportFor(host.url));
    await expect(client.call('customers.count', {})).resolves.toEqual({ customers: 7, vehicles: 9 });
    const failure = await client.call('customers.card', { customerId: 5 }).catch((error) => error);
    expect(failure).toBeInstanceOf(ContractCallError);
    expect((failure as ContractCallError).error.code).toBe('not-found');
    expect(host.frames[1].input).toEqual({ customerId: 5 });
  });

  it('delivers pushed events to listeners and stops after unsubscribe', async () => {
    const host = await startHost();
    const transport = transportFor(host.url);
    await waitForStatus(transport, 'open');
    const seen: Array<[string, unknown]> = [];
    const off = transport.onEvent((event, payload) => seen.push([event, payload]));
    const push = (event: string, payload: unknown) => {
      for (const client of host.server.clients) client.send(JSON.stringify({ event, payload }));
    };
    push('task.progress', { taskId: 't1', done: 1, total: 2 });
    // A reply for nobody and garbage must be ignored, not crash the transport.
    for (const client of host.server.clients) {
      client.send('not json');
      client.send(JSON.stringify({ id: 999, result: { ok: true, value: 1 } }));
    }
    await transport.invoke('session.get', {}); // a round trip orders us after the pushes
    expect(seen).toEqual([['task.progress', { taskId: 't1', done: 1, total: 2 }]]);
    off();
    push('customers.changed', {});
    await transport.invoke('session.get', {});
    expect(seen).toHaveLength(1);
  });

  it('fails calls in flight with unavailable when the socket drops, then reconnects with backoff', async () => {
    let answer = false;
    const host = await startHost(0, (frame, socket) => {
      if (answer) socket.send(JSON.stringify({ id: frame.id, result: { ok: true, value: 'back' } }));
    });
    const transport = transportFor(host.url);
    const states: string[] = [];
    transport.onStatus((status) => states.push(status.state));
    await waitForStatus(transport, 'open');
    const inFlight = transport.invoke('customers.search', { query: '138' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const client of host.server.clients) client.terminate();
    const dropped = await inFlight;
    expect(dropped.ok).toBe(false);
    if (!dropped.ok) expect(dropped.error.code).toBe('unavailable');
    answer = true;
    await waitForStatus(transport, 'open');
    expect(states).toContain('down');
    await expect(transport.invoke('session.get', {})).resolves.toEqual({ ok: true, value: 'back' });
  });

  it('holds calls made while the host is down and sends them once it is back', async () => {
    const first = await startHost();
    const port = first.port;
    const transport = transportFor(first.url);
    await waitForStatus(transport, 'open');
    await stopHost(first.server);
    await waitForStatus(transport, 'down');
    const queued = transport.invoke('customers.count', { later: true });
    const second = await startHost(port);
    await expect(queued).resolves.toEqual({ ok: true, value: { echo: 'customers.count', input: { later: true } } });
    expect(second.frames).toHaveLength(1);
  });

  it('gives up on a held call after queueTimeoutMs with unavailable', async () => {
    const transport = transportFor('ws://127.0.0.1:9/contract', { queueTimeoutMs: 60 });
    const result = await transport.invoke('session.get', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(['down', 'connecting']).toContain(transport.status().state);
  });

  it('computes doubling delays capped at the maximum and the socket URL of the page', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => reconnectDelay(attempt, 250, 2_000))).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(contractSocketUrl({ protocol: 'http:', host: '127.0.0.1:5178' })).toBe('ws://127.0.0.1:5178/contract');
    expect(contractSocketUrl({ protocol: 'https:', host: 'desk.example.cn' })).toBe('wss://desk.example.cn/contract');
  });
});
