// What a KB attachment may be (issue 7): images and documents an agent would send a customer,
// up to 20 MB. The desk checks a file when it is attached; the dealership server checks the
// synced row (mime, size, sha256) and the bytes a desk uploads to its blob store.
export const attachmentMimes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
export const attachmentMimeTypes: readonly string[] = [...new Set(Object.values(attachmentMimes))];
export const maxAttachmentBytes = 20 * 1024 * 1024;

/** A lowercase hex SHA-256: attachment bytes are named by it on desks and on the server. */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
