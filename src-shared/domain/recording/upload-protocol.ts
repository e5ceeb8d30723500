// Recording upload protocol, desk → dealership server (issue 5; the server side is issue 6).
// Chunked, resumable, checksummed, idempotent. The server's offset is the only truth about what
// it has, so a desk that lost its state (restart, reinstall) resumes by asking.
//
//   POST /api/recordings/uploads                      body UploadCreate (JSON)
//        → 200 UploadStatus. Idempotent by recordingUid: the same recording always maps to the
//          same upload; a completed one answers {complete: true} and nothing is sent again.
//   GET  /api/recordings/uploads/:uploadId            → 200 UploadStatus | 404
//   PUT  /api/recordings/uploads/:uploadId?offset=N   body: raw bytes (≤ maxUploadChunkBytes),
//        header x-chunk-sha256: hex sha256 of the body
//        → 200 UploadStatus (offset advanced) when N == server offset and the checksum matches;
//          409 UploadStatus when N != server offset (client continues from the returned offset;
//          a replayed chunk is therefore harmless); 422 {error:'checksum'} when the body does not
//          match its checksum (nothing stored); 413 when too large or past `bytes`.
//   POST /api/recordings/uploads/:uploadId/complete   body {sha256}
//        → 200 UploadStatus {complete: true} when offset == bytes and the whole file hashes to
//          sha256 (also when already complete); 409 when bytes are missing; 422 {error:'checksum'}
//          when the stored file does not match: the server discards it and resets offset to 0.
//   Auth: `authorization: Bearer <token>` (the server issue decides the token; the desk sends
//   what its settings hold). Every JSON body is UTF-8, content-type application/json.
import { z } from 'zod';

export const uploadBasePath = '/api/recordings/uploads';
export const maxUploadChunkBytes = 4 * 1024 * 1024;
export const defaultUploadChunkBytes = 512 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const UploadCreateSchema = z.object({
  recordingUid: z.string().uuid(),
  bytes: z.number().int().positive(),
  sha256: sha256Hex,
  mimeType: z.string().max(100),
  meta: z.object({
    callUid: z.string().max(100).nullable(),
    agent: z.string().max(100),
    direction: z.enum(['inbound', 'outbound']),
    remoteNumber: z.string().max(100),
    customerId: z.number().int().nullable(),
    vehicleId: z.number().int().nullable(),
    startedAt: z.string().max(40),
    endedAt: z.string().max(40).nullable(),
    durationMs: z.number().int().nullable(),
    channels: z.number().int().min(1).max(2),
    pauses: z.array(z.object({ startMs: z.number().int(), endMs: z.number().int().nullable() })).max(1000),
  }),
});
export type UploadCreate = z.infer<typeof UploadCreateSchema>;

export const UploadStatusSchema = z.object({
  uploadId: z.string().min(1).max(100),
  offset: z.number().int().nonnegative(),
  bytes: z.number().int().positive(),
  complete: z.boolean(),
});
export type UploadStatus = z.infer<typeof UploadStatusSchema>;

export const UploadCompleteSchema = z.object({ sha256: sha256Hex });

export function uploadPath(uploadId?: string, action?: 'complete'): string {
  if (!uploadId) return uploadBasePath;
  const base = `${uploadBasePath}/${encodeURIComponent(uploadId)}`;
  return action ? `${base}/${action}` : base;
}

/** The next byte range to send, or null when the server has everything. */
export function nextChunk(serverOffset: number, totalBytes: number, chunkBytes: number): { start: number; end: number } | null {
  if (serverOffset >= totalBytes) return null;
  const size = Math.max(1, Math.min(chunkBytes, maxUploadChunkBytes));
  return { start: serverOffset, end: Math.min(totalBytes, serverOffset + size) };
}

/** Retry delay after a failed round: exponential, capped, deterministic (no jitter source here). */
export function uploadBackoffMs(failures: number, baseMs = 5_000, maxMs = 10 * 60_000): number {
  if (failures <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 20));
}
