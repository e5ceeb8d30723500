// Where the dealership server keeps call recordings and what it accepts (issue 6). The desk
// records with MediaRecorder as `audio/webm;codecs=opus` (src-renderer/recording/recorder); Ogg
// Opus is accepted too. A file's first bytes must be its container's signature, so a mislabelled
// upload is refused before anything is stored.
import { mkdtempSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface RecordingStoreOptions {
  /** Folder of completed recordings; partial uploads live in its `.incoming/`. */
  dir: string;
  /** Largest recording accepted, in bytes. */
  maxBytes?: number;
}

/** 256 MiB: a four-hour stereo call at the desk's 48 kbit/s is under 90 MB. */
export const defaultMaxRecordingBytes = 256 * 1024 * 1024;

export type RecordingContainer = 'webm' | 'ogg';

const containers: Record<string, RecordingContainer> = { 'audio/webm': 'webm', 'audio/ogg': 'ogg', 'audio/opus': 'ogg' };
const signatures: Record<RecordingContainer, number[]> = { webm: [0x1a, 0x45, 0xdf, 0xa3], ogg: [0x4f, 0x67, 0x67, 0x53] };

/** The container of an accepted MIME type (`audio/webm;codecs=opus`, `audio/ogg`…), or null. */
export function recordingContainer(mimeType: string): RecordingContainer | null {
  const [base, ...params] = mimeType.split(';').map((part) => part.trim().toLowerCase());
  const container = containers[base ?? ''];
  if (!container) return null;
  for (const param of params) {
    const [key, value] = param.split('=').map((s) => s.trim().replace(/^"|"$/g, ''));
    if (key === 'codecs' && value !== 'opus') return null;
  }
  return container;
}

export function fileExtension(container: RecordingContainer): string {
  return container === 'webm' ? 'webm' : 'ogg';
}

/** Whether the first bytes of a file can start this container (only the bytes given are compared). */
export function startsLike(container: RecordingContainer, head: Uint8Array): boolean {
  const signature = signatures[container];
  const n = Math.min(signature.length, head.length);
  for (let i = 0; i < n; i++) if (head[i] !== signature[i]) return false;
  return true;
}

let processDefault: string | null = null;

/**
 * The recordings folder: the explicit one (--recordings-dir / DEALERDESK_RECORDINGS_DIR), else
 * `recordings/` in the server's data folder (--data-dir), else for PostgreSQL
 * ~/.dealerdesk-server/recordings; an in-memory store gets a temporary folder that lives as
 * long as its database.
 */
export function resolveRecordingsDir(input: { explicit?: string; dataDir?: string; postgres?: boolean }): string {
  if (input.explicit) return resolve(input.explicit);
  if (input.dataDir) return join(resolve(input.dataDir), 'recordings');
  if (input.postgres) return join(homedir(), '.dealerdesk-server', 'recordings');
  return defaultRecordingsDir();
}

/** One temporary folder per process, so re-created apps on the same store find their uploads. */
export function defaultRecordingsDir(): string {
  processDefault ??= mkdtempSync(join(tmpdir(), 'dealerdesk-recordings-'));
  return processDefault;
}
