// The desk's sync loop (issue 6). One cycle: sign in if needed → push the outbox in batches
// until acknowledged → initial snapshot (first time, resumable page by page) → pull pages until
// up to date. Cycles run one at a time; a local write, a WebSocket poke, the poll timer or the
// retry timer wakes the loop. Failures never lose data: the outbox stays until acknowledged,
// the cursor only moves with the rows. A transient failure retries by itself with capped
// exponential backoff (the timer fires without waiting for another write).
import type Database from 'better-sqlite3';
import type { WebSocket } from 'ws';
import {
  PokeSchema, PullResponseSchema, PushResponseSchema, SYNC_SCHEMA_VERSION, SnapshotBoundariesSchema, TokenResponseSchema, defaultPullLimit, defaultSnapshotLimit,
  maxPushChars, maxPushMutations, schemaVersionHeader, type Mutation, type PullResponse, type SnapshotPage,
} from '../../src-shared/domain/sync/protocol';
import { applyPullPage, applyRestoredRecords, applySnapshotPage, type ApplyFaults } from './apply';
import { fetchRejectedRecords } from './rejected-records';
import { acknowledge, onOutboxWrite, outboxStats, pendingMutations } from './outbox';
import { dropBulkIndexes, restoreBulkIndexes } from './bulk-indexes';
import { beginBulkJournal } from './bulk-journal';
import { downloadSnapshot, type SnapshotSource } from './snapshot-download';
import { resetForNewScope } from './scope-reset';
import { syncState, type ServerConfig, type SnapshotPosition } from './sync-state';
import { NetworkError, Transport, type HttpResult } from './transport';

export type ConnectionState = 'not-configured' | 'connecting' | 'online' | 'offline' | 'signed-out' | 'update-required';

export interface SyncStatus {
  connection: ConnectionState;
  pendingOutbox: number;
  oldestPendingAt: string | null;
  lastSyncAt: string | null;
  lastError: string | null;
  cursor: number;
  serverRev: number | null;
  phase: 'snapshot' | 'incremental';
  snapshot: { entity: string; rows: number } | null;
  openConflicts: number;
  scope: string | null;
}

export interface SyncEngineOptions {
  sqlite: Database.Database;
  server: ServerConfig;
  credentials?: { username: string; password: string };
  now?: () => Date;
  pollMs?: number;
  /** How often the outbox is checked for rows queued by triggers (ms). */
  outboxWatchMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  pushBatch?: number;
  pullLimit?: number;
  snapshotLimit?: number;
  websocket?: boolean;
  faults?: ApplyFaults;
  /** The server says this user is disabled: the host wipes the local cache; this engine is done. */
  onDisabled?: (message: string) => void;
  /** Something changed the status or the data (for host events: sync.changed, customers.changed). */
  onChange?: (what: { status: SyncStatus; dataChanged: boolean }) => void;
  log?: (message: string, meta?: Record<string, unknown>) => void;
  /** Runs before each push batch is sent (KB attachment bytes go to the server before their rows); a throw fails the cycle. */
  beforePush?: (batch: Mutation[]) => Promise<void>;
}

class SyncFailure extends Error {
  constructor(
    readonly kind: 'offline' | 'signed-out' | 'update-required' | 'server' | 'gap' | 'disabled',
    message: string,
  ) {
    super(message);
  }
}

export class SyncEngine {
  private readonly sqlite: Database.Database;
  private readonly transport: Transport;
  private readonly deskId: string;
  private accessToken: string | null = null;
  private connection: ConnectionState = 'connecting';
  private lastError: string | null = null;
  private serverRev: number | null = null;
  private running = false;
  private again = false;
  private stopped = true;
  /** The server disabled this user and the host wiped the database: no cycle may run again. */
  private disabled = false;
  private retryDelay: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private outboxWatch: NodeJS.Timeout | null = null;
  private socket: WebSocket | null = null;
  private socketRetry: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: SyncEngineOptions) {
    this.sqlite = options.sqlite;
    this.transport = new Transport(options.server.url, { caPem: options.server.caPem });
    this.deskId = syncState.deskId(this.sqlite);
    this.retryDelay = options.retryBaseMs ?? 1000;
  }

  get id(): string {
    return this.deskId;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = onOutboxWrite(this.sqlite, () => this.wake());
    this.pollTimer = setInterval(() => this.wake(), this.options.pollMs ?? 5 * 60_000);
    this.pollTimer.unref();
    // Capability tables queue their changes by trigger (record-tables.ts), which cannot call
    // back into JS: the outbox's sequence is watched instead.
    const lastQueued = this.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'sync_outbox'`).pluck();
    let queued = lastQueued.get() as number;
    this.outboxWatch = setInterval(() => {
      const now = lastQueued.get() as number;
      if (now !== queued) {
        queued = now;
        this.wake();
      }
    }, this.options.outboxWatchMs ?? 250);
    this.outboxWatch.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    for (const timer of [this.retryTimer, this.pollTimer, this.socketRetry, this.outboxWatch]) if (timer) clearTimeout(timer);
    this.socket?.terminate();
    this.socket = null;
    await this.idle();
    this.transport.close();
  }

  /** Ask for a cycle now (coalesced with one already running). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.loop();
  }

  /** Resolves when no cycle is running. */
  idle(): Promise<void> {
    return this.running ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  /**
   * A request of another capability (presence) on this session's access token. It never signs
   * in itself: two refreshes at once would rotate one refresh token twice, which the server
   * takes for a stolen token. Without a token, or refused with 401, it lets a sync cycle renew
   * the token and tries once more. null: stopped or not signed in.
   */
  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResult | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      if (!this.accessToken && !this.stopped) {
        this.wake();
        await this.idle();
      }
      const token = this.accessToken;
      if (this.stopped || this.disabled || !token) return null;
      const result = await this.transport.request(method, path, { body, token, headers: { [schemaVersionHeader]: String(SYNC_SCHEMA_VERSION) } });
      if (result.status !== 401) return result;
      if (this.accessToken === token) this.accessToken = null;
    }
    return null;
  }

  /** Runs one full cycle now (tests, CLI); resolves true when it reached the server's head. */
  async syncOnce(): Promise<boolean> {
    await this.idle();
    if (this.disabled) return false;
    this.running = true;
    try {
      return await this.cycle();
    } finally {
      this.running = false;
      this.flushIdle();
    }
  }

  status(): SyncStatus {
    const stats = outboxStats(this.sqlite);
    const snapshot = syncState.snapshot(this.sqlite);
    return {
      connection: this.connection,
      pendingOutbox: stats.pending,
      oldestPendingAt: stats.oldestAt,
      lastSyncAt: syncState.lastSyncAt(this.sqlite),
      lastError: this.lastError,
      cursor: syncState.cursor(this.sqlite),
      serverRev: this.serverRev,
      phase: snapshot ? 'snapshot' : 'incremental',
      snapshot: snapshot ? { entity: snapshot.entity, rows: snapshot.rows } : null,
      openConflicts: this.sqlite.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved = 0').pluck().get() as number,
      scope: syncState.scope(this.sqlite),
    };
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        const ok = await this.cycle();
        if (!ok) break;
      } while (this.again && !this.stopped);
    } finally {
      this.running = false;
      this.flushIdle();
    }
  }

  private flushIdle(): void {
    const waiters = this.idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
  }

  private async cycle(): Promise<boolean> {
    let dataChanged = false;
    try {
      await this.signIn();
      await this.pushAll();
      if (syncState.snapshot(this.sqlite)) dataChanged = (await this.snapshotAll()) || dataChanged;
      // A desk killed after its snapshot's last page but before the indexes were rebuilt.
      else restoreBulkIndexes(this.sqlite);
      dataChanged = (await this.pullAll()) || dataChanged;
      this.connection = 'online';
      this.lastError = null;
      this.retryDelay = this.options.retryBaseMs ?? 1000;
      syncState.setLastSyncAt(this.sqlite, (this.options.now?.() ?? new Date()).toISOString());
      this.ensureSocket();
      this.notify(dataChanged);
      return true;
    } catch (error) {
      this.fail(error);
      this.notify(dataChanged);
      if (error instanceof SyncFailure && error.kind === 'disabled') {
        this.disabled = true;
        this.options.onDisabled?.(error.message);
      }
      return false;
    }
  }

  private fail(error: unknown): void {
    const failure = error instanceof SyncFailure ? error : error instanceof NetworkError ? new SyncFailure('offline', error.message) : null;
    this.lastError = failure?.message ?? (error instanceof Error ? error.message : String(error));
    const signedOut = failure?.kind === 'signed-out' || failure?.kind === 'disabled';
    this.connection = failure?.kind === 'update-required' ? 'update-required' : signedOut ? 'signed-out' : 'offline';
    if (!failure) this.options.log?.('sync cycle failed', { error: error instanceof Error ? error.stack : String(error) });
    if (this.stopped || signedOut) return;
    // An outdated desk keeps its outbox and asks again at the poll interval (the server may be downgraded, the desk updated).
    const delay = failure?.kind === 'update-required' ? (this.options.pollMs ?? 5 * 60_000) : this.retryDelay * (0.75 + Math.random() * 0.5);
    this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryMaxMs ?? 30_000);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.wake(), delay);
    this.retryTimer.unref();
  }

  private notify(dataChanged: boolean): void {
    this.options.onChange?.({ status: this.status(), dataChanged });
  }

  private signingIn: Promise<void> | null = null;

  /**
   * Single flight: the recording uploader and the sync loop may both need a token at once, and
   * two refreshes presenting the same refresh token would revoke the session (token reuse).
   */
  private signIn(): Promise<void> {
    return (this.signingIn ??= this.ensureSignedIn().finally(() => (this.signingIn = null)));
  }

  /** A valid access token for other clients of the same server (recording uploads); `refused`: the one a 401 answered. */
  async currentAccessToken(refused: string | null): Promise<string | null> {
    if (refused !== null && this.accessToken === refused) this.accessToken = null;
    try {
      await this.signIn();
    } catch {
      return null;
    }
    return this.accessToken;
  }

  private async ensureSignedIn(): Promise<void> {
    if (this.accessToken) return;
    const refresh = syncState.refreshToken(this.sqlite);
    if (refresh) {
      const result = await this.transport.request('POST', '/auth/refresh', { body: { refreshToken: refresh } });
      if (result.status === 200) return this.signedIn(result.body);
      if (result.status >= 500) throw new SyncFailure('server', `server error ${result.status}`);
      throwIfDisabled(result);
      syncState.setRefreshToken(this.sqlite, null);
    }
    const credentials = this.options.credentials;
    if (!credentials) throw new SyncFailure('signed-out', 'sign in to the dealership server');
    const result = await this.transport.request('POST', '/auth/login', { body: { ...credentials, deskId: this.deskId } });
    if (result.status === 200) return this.signedIn(result.body);
    if (result.status >= 500) throw new SyncFailure('server', `server error ${result.status}`);
    throwIfDisabled(result);
    throw new SyncFailure('signed-out', messageOf(result));
  }

  private signedIn(body: unknown): void {
    const tokens = TokenResponseSchema.parse(body);
    this.accessToken = tokens.accessToken;
    syncState.setRefreshToken(this.sqlite, tokens.refreshToken);
    const previous = syncState.scope(this.sqlite);
    if (previous !== tokens.scope) {
      if (previous !== null) resetForNewScope(this.sqlite);
      syncState.setScope(this.sqlite, tokens.scope);
    }
  }

  /** A request with the access token; refreshes once when it expired. */
  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResult> {
    for (let attempt = 0; ; attempt++) {
      await this.signIn();
      const result = await this.transport.request(method, path, {
        body,
        token: this.accessToken ?? undefined,
        headers: { [schemaVersionHeader]: String(SYNC_SCHEMA_VERSION) },
      });
      throwIfDisabled(result);
      if (result.status === 401 && attempt === 0) {
        this.accessToken = null;
        continue;
      }
      if (result.status === 401) throw new SyncFailure('signed-out', messageOf(result));
      if (result.status === 426) throw new SyncFailure('update-required', messageOf(result));
      if (result.status >= 500) throw new SyncFailure('server', `server error ${result.status}: ${messageOf(result)}`);
      return result;
    }
  }

  private async pushAll(): Promise<void> {
    for (;;) {
      const batch = pendingMutations(this.sqlite, this.options.pushBatch ?? maxPushMutations, maxPushChars);
      if (batch.length === 0) return;
      await this.options.beforePush?.(batch);
      const result = await this.call('POST', '/sync/push', { deskId: this.deskId, schemaVersion: SYNC_SCHEMA_VERSION, mutations: batch });
      let last: number;
      if (result.status === 200) {
        const response = PushResponseSchema.parse(result.body);
        last = response.lastMutationId;
        this.serverRev = response.serverRev;
      } else if (result.status === 409 && (result.body as { code?: string })?.code === 'gap') {
        last = Number((result.body as { lastMutationId?: number }).lastMutationId ?? 0);
      } else {
        throw new SyncFailure('server', `push refused (${result.status}): ${messageOf(result)}`);
      }
      // What the server refused is restored to its version in the transaction that acknowledges it.
      const response = result.status === 200 ? PushResponseSchema.parse(result.body) : null;
      const restore = await fetchRejectedRecords((path, body) => this.call('POST', path, body), this.deskId, batch, last, response);
      const acked = restore ? applyRestoredRecords(this.sqlite, last, restore, this.options.faults) : this.sqlite.transaction(() => acknowledge(this.sqlite, last))();
      if (acked === 0 && last < batch[0].id) {
        if (last < batch[0].id - 1) throw new SyncFailure('gap', `server expects mutation ${last + 1} but the outbox starts at ${batch[0].id}`);
        throw new SyncFailure('server', 'push made no progress');
      }
    }
  }

  private async snapshotAll(): Promise<boolean> {
    const position = syncState.snapshot(this.sqlite);
    if (!position) return false;
    if (position.r0 === null && position.after === '' && position.entity === 'customers') {
      const empty = (this.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number) === 0;
      if (empty) dropBulkIndexes(this.sqlite);
    }
    const limit = this.options.snapshotLimit ?? defaultSnapshotLimit;
    // A bigger page cache while millions of rows go in: the children's parent lookups by uid
    // and the unique uid indexes stay in memory, and the index rebuild sorts in it. Pages go
    // through a rollback journal (bulk-journal.ts); when another connection keeps the desk in
    // WAL, it checkpoints every 64 MB of WAL instead of 4 MB: an encrypted desk decrypts and
    // re-encrypts every page it checkpoints, and a page written by several commits is copied once.
    const cacheSize = this.sqlite.pragma('cache_size', { simple: true }) as number;
    const autoCheckpoint = this.sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
    // Never smaller than the desk's own cache (640 MB encrypted): 256 MB here used to shrink it.
    this.sqlite.pragma(`cache_size = ${Math.min(cacheSize, -786432)}`);
    this.sqlite.pragma('wal_autocheckpoint = 16384');
    const journal = beginBulkJournal(this.sqlite);
    try {
      await this.snapshotPages(position, limit);
      restoreBulkIndexes(this.sqlite);
    } finally {
      journal.end();
      this.sqlite.pragma(`cache_size = ${cacheSize}`);
      this.sqlite.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    }
    // With the rollback journal the pages are in the file already (and a checkpoint right after
    // going back to WAL fails with SQLITE_LOCKED until the WAL index is first read).
    if (!journal.active) this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  }

  private async snapshotPages(start: SnapshotPosition, limit: number): Promise<void> {
    const source: SnapshotSource = {
      boundaries: async (entity, after) => {
        const query = new URLSearchParams({ deskId: this.deskId, entity, after, limit: String(limit) });
        const result = await this.call('GET', `/sync/snapshot/boundaries?${query}`);
        if (result.status === 404) return []; // a server from before boundaries: pages one at a time
        if (result.status !== 200) throw new SyncFailure('server', `snapshot refused (${result.status}): ${messageOf(result)}`);
        return SnapshotBoundariesSchema.parse(result.body).boundaries;
      },
      page: async (entity, after, until) => {
        const query = new URLSearchParams({ deskId: this.deskId, entity, after, limit: String(limit), ...(until === null ? {} : { until }) });
        const result = await this.call('GET', `/sync/snapshot?${query}`);
        if (result.status !== 200) throw new SyncFailure('server', `snapshot refused (${result.status}): ${messageOf(result)}`);
        const page = result.body as SnapshotPage;
        if (!Array.isArray(page?.rows) || page.entity !== entity) throw new SyncFailure('server', 'malformed snapshot page');
        return page;
      },
    };
    await downloadSnapshot(source, start, (page, current, next) => {
      applySnapshotPage(this.sqlite, page, current, next, this.options.faults);
      this.serverRev = page.serverRev;
    });
  }

  private async pullAll(): Promise<boolean> {
    let changed = false;
    for (;;) {
      const query = new URLSearchParams({ deskId: this.deskId, after: String(syncState.cursor(this.sqlite)), limit: String(this.options.pullLimit ?? defaultPullLimit) });
      const result = await this.call('GET', `/sync/pull?${query}`);
      if (result.status !== 200) throw new SyncFailure('server', `pull refused (${result.status}): ${messageOf(result)}`);
      const page: PullResponse = PullResponseSchema.parse(result.body);
      const applied = applyPullPage(this.sqlite, page, this.options.faults);
      this.serverRev = page.serverRev;
      if (applied.applied > 0) changed = true;
      if (page.upToDate) return changed;
    }
  }

  private ensureSocket(): void {
    if (this.socket || this.stopped || this.options.websocket === false || !this.accessToken) return;
    const socket = this.transport.websocket('/sync/events', this.accessToken);
    this.socket = socket;
    socket.on('message', (data) => {
      const poke = PokeSchema.safeParse(safeJson(String(data)));
      if (poke.success && poke.data.rev > syncState.cursor(this.sqlite)) this.wake();
    });
    socket.on('open', () => this.wake());
    const reconnect = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.stopped) return;
      this.socketRetry = setTimeout(() => {
        this.accessToken = null; // the token may have expired while connected; the next cycle refreshes it
        this.wake();
      }, 2000);
      this.socketRetry.unref();
    };
    socket.on('close', reconnect);
    socket.on('error', () => socket.terminate());
  }
}

function throwIfDisabled(result: HttpResult): void {
  if ((result.body as { code?: unknown } | null)?.code === 'disabled') throw new SyncFailure('disabled', messageOf(result));
}

function messageOf(result: HttpResult): string {
  const body = result.body as { message?: unknown } | null;
  return typeof body?.message === 'string' ? body.message : `HTTP ${result.status}`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
