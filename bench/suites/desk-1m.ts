// The 1M-customer bench desk (bench/.cache/desk-1m, seeded once by the customer-cache suite) is
// kept plaintext: it is the unencrypted baseline of phone_lookup, search_*, dashboard_open and
// churn_classify_1m. bench/.cache/desk-1m-encrypted is an encrypted copy of it (issue 9), made
// once by encrypting a file copy in place, exactly as a desk from before encryption is migrated:
// encrypted_* lookups, card_open and screen_pop (the browser host always opens desks encrypted)
// read that one.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/open';
import { databasePath } from '../../src-main/host/data-dir';

// BENCH_DESK_DIR: another folder for small-scale runs (with BENCH_CUSTOMERS), so they never touch the 1M cache.
export const desk1mDir = process.env.BENCH_DESK_DIR ?? join(import.meta.dirname, '..', '.cache', 'desk-1m');
export const encryptedDesk1mDir = `${desk1mDir}-encrypted`;

export function openPlainDesk1m(): OpenedDatabase {
  return openDatabase(databasePath(desk1mDir), { key: 'none' });
}

export function dropEncryptedDesk1m(): void {
  rmSync(encryptedDesk1mDir, { recursive: true, force: true });
}

/** The encrypted copy's data folder, made from the plaintext desk when missing. */
export function ensureEncryptedDesk1m(): string {
  const target = databasePath(encryptedDesk1mDir);
  if (existsSync(target)) return encryptedDesk1mDir;
  const source = databasePath(desk1mDir);
  if (!existsSync(source)) throw new Error('bench/.cache/desk-1m missing: run `npm run bench seed_1m` first');
  dropEncryptedDesk1m();
  mkdirSync(encryptedDesk1mDir, { recursive: true });
  const plain = openPlainDesk1m().sqlite;
  plain.pragma('wal_checkpoint(TRUNCATE)');
  plain.close();
  const started = performance.now();
  // Copy, then encrypt in place (an interrupted run leaves a plaintext or an encrypted file,
  // both of which the next open finishes).
  copyFileSync(source, `${target}.copy`);
  renameSync(`${target}.copy`, target);
  openDatabase(target).sqlite.close();
  console.error(`encrypted a copy of the bench desk in ${Math.round(performance.now() - started) / 1000} s`);
  return encryptedDesk1mDir;
}
