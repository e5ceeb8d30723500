// Files of the recording store. A partial upload is `.incoming/<uploadId>.part`; the database's
// received_bytes is the truth about it: every chunk first cuts the file back to that offset
// (a crash after a write but before its row update leaves a tail that is dropped here), then
// writes and syncs. A completed recording is renamed to `<dealership>/<yyyy-mm>/<uid>.<ext>`.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export function partPath(dir: string, uploadId: string): string {
  return join(dir, '.incoming', `${uploadId}.part`);
}

/** Relative to the store folder; derived from the row only, so a crash mid-move can be undone. */
export function storedRelativePath(input: { dealershipId: number; recordingUid: string; startedAt: string; extension: string }): string {
  const month = /^\d{4}-\d{2}/.exec(input.startedAt)?.[0] ?? 'undated';
  return join(String(input.dealershipId), month, `${input.recordingUid}.${input.extension}`);
}

export async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function ensurePart(path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  await handle.close();
}

/** Writes `chunk` at `offset`, dropping whatever lay past the offset, and syncs it to disk. */
export async function writeChunkAt(path: string, offset: number, chunk: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, constants.O_RDWR | constants.O_CREAT);
  try {
    await handle.truncate(offset);
    let written = 0;
    while (written < chunk.length) {
      const { bytesWritten } = await handle.write(chunk, written, chunk.length - written, offset + written);
      written += bytesWritten;
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function truncateTo(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(bytes);
  } finally {
    await handle.close();
  }
}

/** sha256 of the first `bytes` bytes of a file. */
export function hashFile(path: string, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    if (bytes === 0) return resolve(hash.digest('hex'));
    createReadStream(path, { start: 0, end: bytes - 1 })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await rename(from, to);
}

export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
