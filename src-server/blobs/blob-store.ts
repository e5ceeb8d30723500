// Content-addressed blobs per dealership: a blob is named by the sha256 of its bytes, so a put
// is idempotent and a get returns exactly what was put. Bytes are written to a temporary file
// and renamed into place: a crash never leaves a partial blob under a valid name.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSha256, maxAttachmentBytes } from '../../src-shared/domain/knowledge/attachments';

export type PutOutcome =
  | { ok: true; stored: boolean; bytes: number }
  | { ok: false; reason: 'bad-name' | 'too-large' | 'checksum'; message: string };

export class BlobStore {
  constructor(
    readonly dir: string,
    readonly maxBytes = maxAttachmentBytes,
  ) {}

  /** null: not a blob name. */
  path(dealershipId: number, sha256: string): string | null {
    if (!isSha256(sha256) || !Number.isSafeInteger(dealershipId)) return null;
    return join(this.dir, String(dealershipId), sha256.slice(0, 2), sha256);
  }

  /** The blob's size, or null when the dealership has no such blob. */
  async size(dealershipId: number, sha256: string): Promise<number | null> {
    const path = this.path(dealershipId, sha256);
    if (!path) return null;
    try {
      return (await stat(path)).size;
    } catch {
      return null;
    }
  }

  async put(dealershipId: number, sha256: string, bytes: Uint8Array): Promise<PutOutcome> {
    const path = this.path(dealershipId, sha256);
    if (!path) return { ok: false, reason: 'bad-name', message: 'a blob is named by the 64 lowercase hex digits of its sha256' };
    if (bytes.length > this.maxBytes) return { ok: false, reason: 'too-large', message: `a blob is at most ${this.maxBytes} bytes` };
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) return { ok: false, reason: 'checksum', message: 'the bytes do not match the sha256 they were sent under; nothing was stored' };
    if ((await this.size(dealershipId, sha256)) === bytes.length) return { ok: true, stored: false, bytes: bytes.length };
    await mkdir(join(path, '..'), { recursive: true });
    const temp = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, bytes);
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
    return { ok: true, stored: true, bytes: bytes.length };
  }
}
