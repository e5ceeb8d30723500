// How a host keeps the desk's database key better than a plain file can. Electron implements it
// with safeStorage (DPAPI / Keychain / libsecret, src-main/electron/database-key-protector.ts) and
// hands it to createDesk; plain Node code (browser host, CLI, tests) never imports electron and
// runs without one, keeping the key in a mode-0600 file instead.
export interface KeyProtector {
  /** Where the wrapping key lives, for messages ('os-keychain'). */
  readonly kind: string;
  /** False where the OS offers no real secret store (Linux without a keyring). */
  isAvailable(): boolean;
  wrap(key: Buffer): Buffer;
  /** Throws when the blob was wrapped under another OS account or a reset keyring. */
  unwrap(blob: Buffer): Buffer;
}
