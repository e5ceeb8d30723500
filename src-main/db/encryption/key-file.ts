// The desk's database key: 256 random bits per desk, in a small JSON file beside the database
// (`dealerdesk.sqlite.key`), created with mode 0600. Invariants:
//  - a key file that other OS users could read (any group/other bit set) is refused, never used
//    and never "fixed" silently: whoever loosened it should know the key may have leaked;
//  - with a KeyProtector (Electron safeStorage) the file holds only the OS-wrapped key
//    ("protection": the protector's kind); without one (browser host, CLI) it holds the key in
//    hex, which is exactly as safe as the OS account that owns DATA_DIR;
//  - the file is written to a temp name and renamed, so a crash never leaves half a key.
// Windows has no POSIX modes: the file inherits the per-user ACL of %APPDATA%, and the mode check
// is skipped there.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { DeskError } from '../../../src-shared/contract/errors';
import type { KeyProtector } from './key-protector';

export const keyBytes = 32;

/** Where a database's key comes from; the opener asks for it before touching any page. */
export interface DeskKeySource {
  /** For messages: the key file's path and how it is protected. */
  readonly description: string;
  /** The files that hold the key (deleted with the cache when the desk is wiped). */
  readonly files: readonly string[];
  /** The stored key, or null when there is none yet. Throws DeskError when it cannot be used. */
  load(): Buffer | null;
  /** Makes, stores and returns a new random key (replacing any stored one). */
  create(): Buffer;
}

interface KeyFileBody {
  version: 1;
  /** 'none': key in hex; otherwise the protector's kind and the wrapped key in base64. */
  protection: string;
  key: string;
}

export function keyFilePath(databasePath: string): string {
  return `${databasePath}.key`;
}

/** Refuses a key file that anyone but its owner may read or write. */
export function checkKeyFilePermissions(path: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new DeskError(
      'unavailable',
      `the database key file ${path} has permissions ${mode.toString(8).padStart(4, '0')}; it must be readable by its owner only. ` +
        `If nobody else could have read it, run: chmod 600 "${path}"`,
    );
  }
}

function writeKeyFile(path: string, body: KeyFileBody): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // the umask may have narrowed it further, never widened; make it exact
  renameSync(temporary, path);
}

function parseKeyFile(path: string): KeyFileBody {
  let body: Partial<KeyFileBody>;
  try {
    body = JSON.parse(readFileSync(path, 'utf8')) as Partial<KeyFileBody>;
  } catch {
    throw new DeskError('unavailable', `the database key file ${path} is damaged (not JSON)`);
  }
  if (body.version !== 1 || typeof body.protection !== 'string' || typeof body.key !== 'string') {
    throw new DeskError('unavailable', `the database key file ${path} is damaged (unknown format)`);
  }
  return body as KeyFileBody;
}

/** The key file beside `databasePath`, optionally wrapped by the host's KeyProtector. */
export function keyFileSource(databasePath: string, protector?: KeyProtector): DeskKeySource {
  const path = keyFilePath(databasePath);
  const canWrap = () => Boolean(protector?.isAvailable());
  const store = (key: Buffer) => {
    if (protector && canWrap()) writeKeyFile(path, { version: 1, protection: protector.kind, key: protector.wrap(key).toString('base64') });
    else writeKeyFile(path, { version: 1, protection: 'none', key: key.toString('hex') });
  };
  return {
    description: `${path} (${canWrap() ? `wrapped by ${protector?.kind}` : 'file readable by this OS user only'})`,
    files: [path],
    load() {
      if (!existsSync(path)) return null;
      checkKeyFilePermissions(path);
      const body = parseKeyFile(path);
      let key: Buffer;
      if (body.protection === 'none') {
        key = /^[0-9a-f]+$/i.test(body.key) ? Buffer.from(body.key, 'hex') : Buffer.alloc(0);
      } else {
        if (!protector || !canWrap()) {
          throw new DeskError('unavailable', `the database key in ${path} is protected by ${body.protection}, which is not available to this process`);
        }
        try {
          key = protector.unwrap(Buffer.from(body.key, 'base64'));
        } catch {
          throw new DeskError('unavailable', `the database key in ${path} cannot be unwrapped by ${body.protection} (another OS account or a reset keyring?)`);
        }
      }
      if (key.length !== keyBytes) throw new DeskError('unavailable', `the database key file ${path} is damaged (wrong key length)`);
      // A key kept in the clear is wrapped as soon as the host can (first Electron start after the browser host).
      if (body.protection === 'none' && canWrap()) store(key);
      return key;
    },
    create() {
      const key = randomBytes(keyBytes);
      store(key);
      return key;
    },
  };
}
