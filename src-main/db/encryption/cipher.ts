// Page encryption of the desk's SQLite file with SQLite3MultipleCiphers (the
// better-sqlite3-multiple-ciphers driver) in its SQLCipher 4 scheme: AES-256-CBC per 4 KiB page
// with an HMAC-SHA512 that detects tampering, readable by SQLCipher 4 and DB Browser for SQLite
// given the raw key. The key is passed raw (`x'<64 hex>'`), so no passphrase KDF runs on open.
// Rules the opener follows, from the SQLite3MultipleCiphers docs:
//  - the cipher settings and the key come before any other statement on the connection;
//  - rekey (plaintext → encrypted) is refused in WAL mode (before sqlite3mc 2.4), so a plaintext
//    desk is switched to a rollback journal, encrypted in one transaction, then back to WAL;
//  - memory-mapped I/O is bypassed for encrypted pages (each page must be decrypted), so
//    mmap_size only matters for plaintext files; a bigger page cache stands in for it.
import type Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

const sqliteMagic = Buffer.from('SQLite format 3\u0000', 'latin1');

export type DatabaseFileKind = 'missing' | 'plaintext' | 'encrypted';

/** What is on disk at `path`: nothing (or an empty file), a plain SQLite file, or anything else. */
export function databaseFileKind(path: string): DatabaseFileKind {
  if (!existsSync(path) || statSync(path).size === 0) return 'missing';
  const head = Buffer.alloc(sqliteMagic.length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(sqliteMagic) ? 'plaintext' : 'encrypted';
}

function rawKey(key: Buffer): string {
  return `"x'${key.toString('hex')}'"`;
}

/** The cipher scheme; must run before `key`/`rekey` on every connection and attached file. */
export function selectCipher(sqlite: Database.Database): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
}

export function applyKey(sqlite: Database.Database, key: Buffer): void {
  selectCipher(sqlite);
  sqlite.pragma(`key = ${rawKey(key)}`);
}

/** Whether the keyed connection can read the schema (false: wrong key or not a database). */
export function keyWorks(sqlite: Database.Database): boolean {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') return false;
    throw error;
  }
}

/**
 * Encrypts a plaintext database in place on a connection that has not been keyed. The WAL is
 * checkpointed into the file first (leaving WAL mode does that); rekey then rewrites every page
 * in one rollback-journal transaction, so a crash leaves either the plaintext or the encrypted
 * file, never a mix.
 */
export function encryptInPlace(sqlite: Database.Database, key: Buffer): void {
  sqlite.pragma('journal_mode = DELETE');
  selectCipher(sqlite);
  sqlite.pragma(`rekey = ${rawKey(key)}`);
}

/** A consistent, encrypted copy (same cipher and key as `sqlite`) in a rollback-journal file. */
export function copyDatabaseTo(sqlite: Database.Database, target: string): void {
  sqlite.prepare('VACUUM INTO ?').run(target);
}
