// Appends a recording's chunks to its file as they arrive. Invariant: bytes on disk are always a
// prefix of the recording (chunk 0 first, no gaps, no reordering), so a file cut by a crash or
// power cut still decodes up to the cut. The fsync policy bounds what a power cut can lose:
// 'chunk' = fdatasync after every chunk (≤ 1 s of audio), 'interval' = at most every 5 s.
import { closeSync, fdatasyncSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export const intervalSyncMillis = 5_000;

export interface ChunkWriter {
  readonly bytes: number;
  readonly nextSeq: number;
  /** Returns false for a replayed seq (already on disk). Throws on a gap. */
  append(seq: number, data: Buffer, nowMs: number): boolean;
  close(): void;
}

export class ChunkGapError extends Error {
  constructor(readonly expected: number, readonly got: number) {
    super(`chunk ${got} arrived, expected ${expected}`);
  }
}

export function openChunkWriter(path: string, policy: 'chunk' | 'interval', resume?: { nextSeq: number }): ChunkWriter {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  let bytes = fstatSync(fd).size;
  let nextSeq = resume?.nextSeq ?? 0;
  let lastSync = 0;
  let dirty = false;
  let closed = false;
  return {
    get bytes() {
      return bytes;
    },
    get nextSeq() {
      return nextSeq;
    },
    append(seq, data, nowMs) {
      if (closed) throw new Error('writer closed');
      if (seq < nextSeq) return false;
      if (seq > nextSeq) throw new ChunkGapError(nextSeq, seq);
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written, data.length - written);
      bytes += data.length;
      nextSeq += 1;
      dirty = true;
      if (policy === 'chunk' || nowMs - lastSync >= intervalSyncMillis) {
        fdatasyncSync(fd);
        lastSync = nowMs;
        dirty = false;
      }
      return true;
    },
    close() {
      if (closed) return;
      closed = true;
      if (dirty) fdatasyncSync(fd);
      closeSync(fd);
    },
  };
}
