// Client of the dealership server's blob store (src-server/blobs/routes-blobs.ts): KB
// attachment bytes by sha256. It rides on the sync session: the server's URL and CA, and the
// session's access token (asked again once after a 401; it never signs in on its own, see
// src-main/recording/server-auth.ts). Downloaded bytes are checked against their sha256
// before they are stored, and stored as attachment-store.ts names them.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { maxAttachmentBytes } from '../../src-shared/domain/knowledge/attachments';
import { fetchTrusting } from '../recording/ca-fetch';
import type { ServerConfig } from '../sync/sync-state';
import { attachmentPath } from './attachment-store';

export interface BlobServer {
  baseUrl: string;
  /** The sync session's access token; `refused` is one the server just answered 401 to. */
  accessToken(refused: string | null): Promise<string | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export class BlobTransferError extends Error {
  constructor(
    message: string,
    /** False: asking again will not help (refused by role, size or checksum). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'BlobTransferError';
  }
}

/** The blob server of a running sync session (the engine's currentAccessToken). */
export function sessionBlobServer(server: ServerConfig, session: { currentAccessToken(refused: string | null): Promise<string | null> }): BlobServer {
  return {
    baseUrl: server.url,
    accessToken: (refused) => session.currentAccessToken(refused),
    fetch: server.caPem ? fetchTrusting(server.caPem) : undefined,
  };
}

async function blobRequest(server: BlobServer, method: 'HEAD' | 'GET' | 'PUT', sha256: string, body?: Uint8Array<ArrayBuffer>): Promise<Response> {
  const doFetch = server.fetch ?? fetch;
  let refused: string | null = null;
  for (let attempt = 0; ; attempt++) {
    const token = await server.accessToken(refused);
    if (!token) throw new BlobTransferError('not signed in to the dealership server', true);
    let res: Response;
    try {
      res = await doFetch(`${server.baseUrl.replace(/\/+$/, '')}/blobs/${sha256}`, {
        method,
        body: body ?? null,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
        signal: AbortSignal.timeout(server.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new BlobTransferError(`network: ${error instanceof Error ? error.message : String(error)}`, true);
    }
    if (res.status !== 401 || attempt > 0) return res;
    await res.body?.cancel().catch(() => undefined);
    refused = token;
  }
}

const retryableStatus = (status: number) => status >= 500 || status === 429 || status === 401;

/** Makes sure the server holds these bytes: 'present' when it already did. */
export async function uploadBlob(server: BlobServer, sha256: string, bytes: Uint8Array<ArrayBuffer>): Promise<'stored' | 'present'> {
  const head = await blobRequest(server, 'HEAD', sha256);
  await head.body?.cancel().catch(() => undefined);
  if (head.status === 200) return 'present';
  if (head.status !== 404) throw new BlobTransferError(`blob check: HTTP ${head.status}`, retryableStatus(head.status));
  const put = await blobRequest(server, 'PUT', sha256, bytes);
  const text = await put.text().catch(() => '');
  if (put.status === 200 || put.status === 201) return put.status === 201 ? 'stored' : 'present';
  throw new BlobTransferError(`blob upload: HTTP ${put.status} ${text.slice(0, 200)}`, retryableStatus(put.status));
}

/** Fetches a blob into the desk's attachment folder; false when the server has no such blob. */
export async function downloadBlob(server: BlobServer, dataDir: string, sha256: string): Promise<boolean> {
  const path = attachmentPath(dataDir, sha256);
  if (existsSync(path)) return true;
  const res = await blobRequest(server, 'GET', sha256);
  if (res.status === 404) {
    await res.body?.cancel().catch(() => undefined);
    return false;
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => undefined);
    throw new BlobTransferError(`blob download: HTTP ${res.status}`, retryableStatus(res.status));
  }
  if (Number(res.headers.get('content-length') ?? 0) > maxAttachmentBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new BlobTransferError('blob larger than an attachment may be', false);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > maxAttachmentBytes) throw new BlobTransferError('blob larger than an attachment may be', false);
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) throw new BlobTransferError('downloaded bytes do not match their sha256; not stored', false);
  mkdirSync(join(path, '..'), { recursive: true });
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
  return true;
}
