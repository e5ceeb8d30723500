// KB attachment bytes travel beside their rows (issue 7). The row (kb_attachments) syncs like
// any capability record; the bytes go through the server's blob store under their sha256:
//  - sending desk: before a push batch holding an attachment row that names new bytes, those
//    bytes are uploaded (beforePush, run by the sync engine per batch), so no desk ever pulls
//    a row whose bytes the server lacks. A transient failure fails the cycle (the row waits
//    in the outbox and is retried with it); a refusal that no retry fixes (role, size,
//    checksum) lets the row go on, and the server's own checks decide about it.
//  - receiving desks: missing files are fetched in the background after a pull that changed
//    data (fetchMissing), and lazily when someone opens an attachment (ensureAttachmentFile).
import { existsSync, readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { isSha256 } from '../../src-shared/domain/knowledge/attachments';
import type { Mutation } from '../../src-shared/domain/sync/protocol';
import type { DeskContext } from '../host/context';
import { recordingServerAuth } from '../recording/server-auth';
import { syncState } from '../sync/sync-state';
import { BlobTransferError, downloadBlob, sessionBlobServer, uploadBlob, type BlobServer } from './attachment-blob-client';
import { attachmentPath, removeUnreferencedAttachmentFiles } from './attachment-store';

type Log = (message: string, meta: Record<string, unknown>) => void;

/** A blob the server did not have is asked for again after this long (ms). */
const missingRetryMs = 10 * 60_000;

export class AttachmentBlobs {
  /** Hashes this session uploaded or found on the server. */
  private readonly onServer = new Set<string>();
  private readonly missingUntil = new Map<string, number>();
  private fetching: Promise<{ fetched: number; failed: number }> | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly dataDir: string,
    private readonly server: BlobServer,
    private readonly log: Log = () => undefined,
  ) {}

  /** Uploads the bytes of every attachment row in the batch the server may not have yet. */
  async beforePush(batch: readonly Mutation[]): Promise<void> {
    const hashes = new Set<string>();
    for (const m of batch) if (m.entity === 'kb_attachments' && m.op !== 'delete' && isSha256(m.fields.sha256)) hashes.add(m.fields.sha256);
    for (const sha256 of hashes) {
      if (this.onServer.has(sha256)) continue;
      const path = attachmentPath(this.dataDir, sha256);
      if (!existsSync(path)) {
        this.log('attachment bytes missing on this desk; its row syncs without them', { sha256 });
        continue;
      }
      try {
        await uploadBlob(this.server, sha256, new Uint8Array(readFileSync(path)));
        this.onServer.add(sha256);
      } catch (error) {
        if (error instanceof BlobTransferError && !error.retryable) {
          this.log('attachment upload refused', { sha256, error: error.message });
          continue;
        }
        throw error;
      }
    }
  }

  /**
   * After a pull: fetches the file of every attachment row on this desk that has none, and
   * deletes files no row names any more (one run at a time).
   */
  fetchMissing(now = Date.now()): Promise<{ fetched: number; failed: number }> {
    return (this.fetching ??= this.fetchAll(now).finally(() => (this.fetching = null)));
  }

  private async fetchAll(now: number): Promise<{ fetched: number; failed: number }> {
    const removed = removeUnreferencedAttachmentFiles(this.sqlite, this.dataDir);
    if (removed > 0) this.log('attachment files no row names any more were deleted', { removed });
    const hashes = this.sqlite.prepare('SELECT DISTINCT sha256 FROM kb_attachments').pluck().all() as string[];
    let fetched = 0;
    let failed = 0;
    for (const sha256 of hashes) {
      if (!isSha256(sha256) || existsSync(attachmentPath(this.dataDir, sha256)) || (this.missingUntil.get(sha256) ?? 0) > now) continue;
      try {
        if (await downloadBlob(this.server, this.dataDir, sha256)) fetched++;
        else {
          failed++;
          this.missingUntil.set(sha256, now + missingRetryMs);
        }
      } catch (error) {
        failed++;
        this.log('attachment download failed', { sha256, error: error instanceof Error ? error.message : String(error) });
        // Unreachable or failing server: the next pull tries again; a bad blob waits like a missing one.
        if (!(error instanceof BlobTransferError) || error.retryable) break;
        this.missingUntil.set(sha256, now + missingRetryMs);
      }
    }
    return { fetched, failed };
  }
}

/** The blob server of this desk's running sync session, if any. */
export function blobServerOf(sqlite: Database.Database): BlobServer | null {
  const server = syncState.server(sqlite);
  const auth = recordingServerAuth(sqlite);
  return server && auth ? sessionBlobServer(server, { currentAccessToken: (refused) => auth.accessToken(refused) }) : null;
}

/**
 * Before an attachment is read: a row that arrived by sync without its file yet gets it from
 * the server now (a network wait in the main process, never a blocked thread). Without a
 * session or on failure the read reports the file missing, as before.
 */
export async function ensureAttachmentFile(ctx: Pick<DeskContext, 'sqlite' | 'dataDir' | 'log'>, id: number): Promise<void> {
  const sha256 = ctx.sqlite.prepare('SELECT sha256 FROM kb_attachments WHERE id = ?').pluck().get(id) as string | undefined;
  if (!isSha256(sha256) || existsSync(attachmentPath(ctx.dataDir, sha256))) return;
  const server = blobServerOf(ctx.sqlite);
  if (!server) return;
  try {
    await downloadBlob({ ...server, timeoutMs: 30_000 }, ctx.dataDir, sha256);
  } catch (error) {
    ctx.log.error('attachment download failed', { sha256, error: error instanceof Error ? error.message : String(error) });
  }
}
