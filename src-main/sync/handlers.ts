// sync.* contract methods. One engine per open desk; a desk with a configured server starts
// it at startup (startSyncIfConfigured) using the refresh token it kept.
import { setSmsReplySession } from '../workflows/messaging/sms-reply-poller';
import { setPresenceSession } from '../presence/presence-session';
import { AttachmentBlobs } from '../knowledge/attachment-blobs';
import { sessionBlobServer } from '../knowledge/attachment-blob-client';
import { setRecordingServerAuth } from '../recording/server-auth';
import type { SyncStatusView } from '../../src-shared/contract/sync';
import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { dismissConflict, listConflicts, restoreConflict } from './conflict-inbox';
import { outboxStats } from './outbox';
import { SyncEngine } from './sync-engine';
import { syncState } from './sync-state';
import { wipeLocalCache } from '../host/wipe-local-cache';

const engines = new WeakMap<DeskContext, SyncEngine>();

function startEngine(ctx: DeskContext, credentials?: { username: string; password: string }): SyncEngine {
  const server = syncState.server(ctx.sqlite);
  if (!server) throw new Error('no dealership server configured');
  const session = { currentAccessToken: (refused: string | null): Promise<string | null> => engine.currentAccessToken(refused) };
  const blobs: AttachmentBlobs = new AttachmentBlobs(ctx.sqlite, ctx.dataDir, sessionBlobServer(server, session), (message, meta) => ctx.log.error(message, meta));
  const engine: SyncEngine = new SyncEngine({
    sqlite: ctx.sqlite,
    server,
    credentials,
    now: () => ctx.now(),
    log: (message, meta) => ctx.log.error(message, meta),
    beforePush: (batch) => blobs.beforePush(batch),
    onDisabled(reason) {
      engines.delete(ctx);
      setPresenceSession(ctx, null);
      setSmsReplySession(ctx, null);
      setRecordingServerAuth(ctx, null);
      void engine.stop();
      wipeLocalCache(ctx, { server, reason });
      ctx.emit('sync.changed', { ...statusOf(ctx), lastError: reason });
    },
    onChange({ status, dataChanged }) {
      ctx.emit('sync.changed', { ...status, configured: true, serverUrl: server.url });
      if (dataChanged) {
        // Articles and work items arrive by the same pull as customers: every view refreshes.
        ctx.emit('customers.changed', {});
        ctx.emit('kb.changed', {});
        ctx.emit('workItems.changed', { ids: [] });
        void blobs.fetchMissing();
      }
    },
  });
  engines.set(ctx, engine);
  setRecordingServerAuth(ctx, { accessToken: (refused) => engine.currentAccessToken(refused) });
  setPresenceSession(ctx, engine);
  setSmsReplySession(ctx, engine);
  engine.start();
  return engine;
}

/** Starts syncing when this desk has a server configured; returns whether it did. */
export function startSyncIfConfigured(ctx: DeskContext): boolean {
  if (!syncState.server(ctx.sqlite) || engines.has(ctx)) return false;
  startEngine(ctx);
  return true;
}

export async function stopSync(ctx: DeskContext): Promise<void> {
  setRecordingServerAuth(ctx, null);
  setPresenceSession(ctx, null);
  setSmsReplySession(ctx, null);
  await engines.get(ctx)?.stop();
  engines.delete(ctx);
}

function statusOf(ctx: DeskContext): SyncStatusView {
  const server = syncState.server(ctx.sqlite);
  const engine = engines.get(ctx);
  if (engine) return { ...engine.status(), configured: true, serverUrl: server?.url ?? null };
  const stats = outboxStats(ctx.sqlite);
  return {
    configured: server !== null,
    serverUrl: server?.url ?? null,
    connection: server ? 'signed-out' : 'not-configured',
    pendingOutbox: stats.pending,
    oldestPendingAt: stats.oldestAt,
    lastSyncAt: syncState.lastSyncAt(ctx.sqlite),
    lastError: null,
    cursor: syncState.cursor(ctx.sqlite),
    serverRev: null,
    phase: syncState.snapshot(ctx.sqlite) ? 'snapshot' : 'incremental',
    snapshot: null,
    openConflicts: ctx.sqlite.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved = 0').pluck().get() as number,
    scope: syncState.scope(ctx.sqlite),
  };
}

type SyncMethods = 'sync.status' | 'sync.connect' | 'sync.now' | 'sync.conflicts' | 'sync.restoreConflict' | 'sync.dismissConflict';

export const syncHandlers: HandlersFor<SyncMethods, DeskContext> = {
  'sync.status'(_input, ctx) {
    return statusOf(ctx);
  },
  async 'sync.connect'(input, ctx) {
    await stopSync(ctx);
    syncState.setServer(ctx.sqlite, { url: input.serverUrl, caPem: input.caPem, username: input.username });
    syncState.setRefreshToken(ctx.sqlite, null);
    const engine = startEngine(ctx, { username: input.username, password: input.password });
    await engine.idle();
    return statusOf(ctx);
  },
  async 'sync.now'(_input, ctx) {
    const engine = engines.get(ctx) ?? (syncState.server(ctx.sqlite) ? startEngine(ctx) : null);
    if (engine) await engine.syncOnce();
    return statusOf(ctx);
  },
  'sync.conflicts'(input, ctx) {
    return { conflicts: listConflicts(ctx.sqlite, input) as never };
  },
  'sync.restoreConflict'({ uid }, ctx) {
    restoreConflict(ctx.sqlite, uid, ctx.session.userName, ctx.now());
    return { ok: true as const };
  },
  'sync.dismissConflict'({ uid }, ctx) {
    dismissConflict(ctx.sqlite, uid, ctx.session.userName, ctx.now());
    return { ok: true as const };
  },
};
