// The rich parts of a queued email (HTML and attachments, e.g. a knowledge-base article) live
// beside the outbox row, in DATA_DIR/outbox-parts/<message uid>.json, written before the row
// is inserted: a queued row never points at parts that were not saved. The row itself keeps
// the subject and the plain-text part, so even a missing parts file still sends the text.
// Snapshotting at queue time means what the agent sent is what the customer gets, even if the
// article or its attachments change before the network is back. Deleted once sent.
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmailAttachment } from './transports';

export interface EmailParts {
  html: string | null;
  attachments: EmailAttachment[];
}

interface StoredParts {
  html: string | null;
  attachments: { fileName: string; contentType: string; cid?: string; base64: string }[];
}

const folder = (dataDir: string) => join(dataDir, 'outbox-parts');
const uidPattern = /^[0-9a-f-]{8,64}$/i;

function partsPath(dataDir: string, uid: string): string {
  if (!uidPattern.test(uid)) throw new Error(`bad message uid ${uid}`);
  return join(folder(dataDir), `${uid}.json`);
}

export function saveEmailParts(dataDir: string, uid: string, parts: EmailParts): void {
  mkdirSync(folder(dataDir), { recursive: true });
  const stored: StoredParts = {
    html: parts.html,
    attachments: parts.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, ...(a.cid ? { cid: a.cid } : {}), base64: a.content.toString('base64') })),
  };
  const path = partsPath(dataDir, uid);
  writeFileSync(`${path}.tmp`, JSON.stringify(stored));
  renameSync(`${path}.tmp`, path);
}

/** The saved parts, or none (plain-text emails, or a parts file that went missing). */
export function loadEmailParts(dataDir: string, uid: string): EmailParts {
  const path = partsPath(dataDir, uid);
  if (!existsSync(path)) return { html: null, attachments: [] };
  const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredParts;
  return {
    html: stored.html,
    attachments: stored.attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, ...(a.cid ? { cid: a.cid } : {}), content: Buffer.from(a.base64, 'base64') })),
  };
}

export function dropEmailParts(dataDir: string, uid: string): void {
  const path = partsPath(dataDir, uid);
  if (existsSync(path)) unlinkSync(path);
}
