// Client side of the recording upload protocol (src-shared/domain/recording/upload-protocol.ts).
// One call uploads one file to completion or fails; the next call resumes from the offset the
// server reports, whatever this process remembers (restart-safe).
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  defaultUploadChunkBytes, nextChunk, uploadPath, UploadStatusSchema, type UploadCreate, type UploadStatus,
} from '../../src-shared/domain/recording/upload-protocol';

export interface UploadTarget {
  baseUrl: string;
  token: string;
  /**
   * The dealership server's access token (the sync session's), used instead of `token` when
   * given; asked again with the refused token after a 401, once per request.
   */
  tokenSource?: (refused: string | null) => Promise<string | null>;
  chunkBytes?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class UploadError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadOutcome {
  uploadId: string;
  /** Bytes sent in this call (0 when the server already had the file). */
  sentBytes: number;
  resumedFrom: number;
}

/** The token of one upload: the target's own, or the server session's, renewed after a 401. */
class Bearer {
  private current: string | null;
  private asked = false;

  constructor(private readonly target: UploadTarget) {
    this.current = target.tokenSource ? null : target.token;
  }

  async get(): Promise<string> {
    if (this.current === null && !this.asked) {
      this.asked = true;
      this.current = await this.source(null);
    }
    return this.current ?? '';
  }

  /** After a 401: whether a different token is worth one more try. */
  async renew(refused: string): Promise<boolean> {
    if (!this.target.tokenSource) return false;
    const next = await this.source(refused);
    if (!next || next === refused) return false;
    this.current = next;
    return true;
  }

  private async source(refused: string | null): Promise<string | null> {
    try {
      return (await this.target.tokenSource!(refused)) ?? null;
    } catch (error) {
      throw new UploadError(`sign-in to the dealership server: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }
}

async function requestJson(target: UploadTarget, bearer: Bearer, method: string, path: string, body: BodyInit | null, headers: Record<string, string>): Promise<{ status: number; json: unknown }> {
  const doFetch = target.fetch ?? fetch;
  let res: Response;
  for (let attempt = 0; ; attempt++) {
    const token = await bearer.get();
    try {
      res = await doFetch(target.baseUrl.replace(/\/+$/, '') + path, {
        method,
        body,
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        signal: AbortSignal.timeout(target.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new UploadError(`network: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`, true);
    }
    if (res.status !== 401 || attempt > 0 || !(await bearer.renew(token))) break;
    await res.body?.cancel().catch(() => undefined);
  }
  const text = await res.text().catch(() => '');
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, json };
}

function status(json: unknown): UploadStatus {
  const parsed = UploadStatusSchema.safeParse(json);
  if (!parsed.success) throw new UploadError('server answered an unexpected upload status', true);
  return parsed.data;
}

function readRange(path: string, start: number, end: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(end - start);
    let read = 0;
    while (read < buf.length) {
      const n = readSync(fd, buf, read, buf.length - read, start + read);
      if (n === 0) throw new UploadError('file shorter than recorded', false);
      read += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}

export async function uploadRecordingFile(target: UploadTarget, file: string, create: UploadCreate): Promise<UploadOutcome> {
  const json = { 'content-type': 'application/json' };
  const bearer = new Bearer(target);
  const created = await requestJson(target, bearer, 'POST', uploadPath(), JSON.stringify(create), json);
  if (created.status === 401 || created.status === 403) throw new UploadError(`server refused the upload (${created.status})`, true);
  if (created.status < 200 || created.status >= 300) throw new UploadError(`create upload: HTTP ${created.status}`, created.status >= 500 || created.status === 429);
  let current = status(created.json);
  const resumedFrom = current.offset;
  let sentBytes = 0;
  if (current.complete) return { uploadId: current.uploadId, sentBytes, resumedFrom };
  if (current.bytes !== create.bytes) throw new UploadError('server holds a different size for this recording', false);
  let checksumFailures = 0;
  for (;;) {
    const range = nextChunk(current.offset, create.bytes, target.chunkBytes ?? defaultUploadChunkBytes);
    if (!range) break;
    const body = readRange(file, range.start, range.end);
    const sha = createHash('sha256').update(body).digest('hex');
    const put = await requestJson(target, bearer, 'PUT', `${uploadPath(current.uploadId)}?offset=${range.start}`, new Uint8Array(body), {
      'content-type': 'application/octet-stream',
      'x-chunk-sha256': sha,
    });
    if (put.status === 200) {
      current = status(put.json);
      sentBytes += body.length;
    } else if (put.status === 409) {
      current = status(put.json);
    } else if (put.status === 422) {
      // The body was damaged on the way; resend it, but not forever.
      if (++checksumFailures >= 3) throw new UploadError('chunk checksum keeps failing', true);
    } else {
      throw new UploadError(`chunk at ${range.start}: HTTP ${put.status}`, put.status >= 500 || put.status === 429);
    }
  }
  const done = await requestJson(target, bearer, 'POST', uploadPath(current.uploadId, 'complete'), JSON.stringify({ sha256: create.sha256 }), json);
  if (done.status === 200 && status(done.json).complete) return { uploadId: current.uploadId, sentBytes, resumedFrom };
  throw new UploadError(`complete: HTTP ${done.status}`, true);
}
