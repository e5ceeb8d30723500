// Where the dealership server keeps content-addressed blobs (KB attachment bytes, issue 7):
// resolved like the recordings folder (src-server/recordings/config.ts).
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BlobStoreOptions {
  /** Folder of blobs: <dir>/<dealership id>/<first two hex digits>/<sha256>. */
  dir: string;
}

let processDefault: string | null = null;

/**
 * The blobs folder: the explicit one (--blobs-dir / DEALERDESK_BLOBS_DIR), else `blobs/` in the
 * server's data folder (--data-dir), else for PostgreSQL ~/.dealerdesk-server/blobs; an
 * in-memory store gets a temporary folder that lives as long as the process.
 */
export function resolveBlobsDir(input: { explicit?: string; dataDir?: string; postgres?: boolean }): string {
  if (input.explicit) return resolve(input.explicit);
  if (input.dataDir) return join(resolve(input.dataDir), 'blobs');
  if (input.postgres) return join(homedir(), '.dealerdesk-server', 'blobs');
  return defaultBlobsDir();
}

/** One temporary folder per process, so re-created apps on the same store find their blobs. */
export function defaultBlobsDir(): string {
  processDefault ??= mkdtempSync(join(tmpdir(), 'dealerdesk-blobs-'));
  return processDefault;
}
