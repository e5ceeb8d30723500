// The browser host's transport: the contract over one WebSocket, framed as src-shared/contract/wire.ts.
// Invariants:
//   - every call gets a fresh numeric id; the reply with that id settles it, exactly once;
//   - invoke never rejects: failures are Result values with code 'unavailable';
//   - when the socket drops, calls already sent fail at once ('unavailable'); calls made while
//     the socket is down wait for the next open up to `queueTimeoutMs`, then fail the same way;
//   - the socket reconnects with doubling backoff (initialDelayMs … maxDelayMs), reset on open.
import type { ContractTransport } from '../../src-shared/contract/client';
import type { ContractError, Result } from '../../src-shared/contract/errors';
import { EventFrameSchema, ReplyFrameSchema } from '../../src-shared/contract/wire';

/** The part of the DOM WebSocket API we use; the `ws` package's class satisfies it too. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}
export type SocketConstructor = new (url: string) => SocketLike;

export type ConnectionStatus =
  | { state: 'connecting'; attempt: number }
  | { state: 'open' }
  | { state: 'down'; attempt: number; retryInMs: number }
  | { state: 'closed' };

export interface WebSocketTransportOptions {
  url: string;
  WebSocket: SocketConstructor;
  initialDelayMs?: number;
  maxDelayMs?: number;
  queueTimeoutMs?: number;
}

export interface WebSocketTransport extends ContractTransport {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
}

const OPEN = 1;

interface Pending {
  resolve(result: Result<unknown>): void;
}
interface Queued {
  id: number;
  frame: string;
  pending: Pending;
  timer: ReturnType<typeof setTimeout>;
}

export function reconnectDelay(attempt: number, initialDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, attempt - 1));
}

export function unavailable(message: string): Result<never> {
  const error: ContractError = { code: 'unavailable', message };
  return { ok: false, error };
}

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const initialDelayMs = options.initialDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  const queueTimeoutMs = options.queueTimeoutMs ?? 8_000;
  const pending = new Map<number, Pending>();
  const queued = new Set<Queued>();
  const eventListeners = new Set<(event: string, payload: unknown) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let current: ConnectionStatus = { state: 'connecting', attempt: 1 };
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function setStatus(status: ConnectionStatus) {
    current = status;
    for (const listener of statusListeners) listener(status);
  }

  function connect() {
    attempt += 1;
    setStatus({ state: 'connecting', attempt });
    const ws = new options.WebSocket(options.url);
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      attempt = 0;
      setStatus({ state: 'open' });
      for (const item of queued) {
        clearTimeout(item.timer);
        queued.delete(item);
        pending.set(item.id, item.pending);
        ws.send(item.frame);
      }
    };
    ws.onmessage = (message) => receive(message.data);
    ws.onerror = () => {
      // 'close' always follows an error; reconnecting happens there.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      failPending('connection to the desk host was lost');
      if (closed) return;
      const retryInMs = reconnectDelay(attempt, initialDelayMs, maxDelayMs);
      setStatus({ state: 'down', attempt, retryInMs });
      retryTimer = setTimeout(() => {
        retryTimer = null;
        connect();
      }, retryInMs);
    };
  }

  function failPending(message: string) {
    const settled = [...pending.values()];
    pending.clear();
    for (const item of settled) item.resolve(unavailable(message));
  }

  function receive(data: unknown) {
    let frame: unknown;
    try {
      frame = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const reply = ReplyFrameSchema.safeParse(frame);
    if (reply.success) {
      const waiting = pending.get(reply.data.id);
      if (!waiting) return;
      pending.delete(reply.data.id);
      waiting.resolve(reply.data.result as Result<unknown>);
      return;
    }
    const event = EventFrameSchema.safeParse(frame);
    if (event.success) {
      for (const listener of eventListeners) listener(event.data.event, event.data.payload);
    }
  }

  connect();

  return {
    invoke(method, input) {
      return new Promise<Result<unknown>>((resolve) => {
        if (closed) return resolve(unavailable('transport closed'));
        const id = nextId++;
        const frame = JSON.stringify({ id, method, input: input ?? {} });
        const entry: Pending = { resolve };
        if (socket && socket.readyState === OPEN) {
          pending.set(id, entry);
          socket.send(frame);
          return;
        }
        const item: Queued = {
          id,
          frame,
          pending: entry,
          timer: setTimeout(() => {
            queued.delete(item);
            resolve(unavailable('the desk host is not reachable'));
          }, queueTimeoutMs),
        };
        queued.add(item);
      });
    },
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    status: () => current,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      for (const item of queued) {
        clearTimeout(item.timer);
        item.pending.resolve(unavailable('transport closed'));
      }
      queued.clear();
      failPending('transport closed');
      const ws = socket;
      socket = null;
      ws?.close();
      setStatus({ state: 'closed' });
    },
  };
}

/** ws(s)://host/contract for the page the renderer was served from. */
export function contractSocketUrl(location: { protocol: string; host: string }, path = '/contract'): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}
