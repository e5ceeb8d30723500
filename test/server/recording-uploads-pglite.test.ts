// Recording uploads on PGlite kept in a folder, so the restart in the suite reopens the same store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { recordingUploadSuite } from './recording-uploads-suite';

describe('recording uploads on PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-rec-pglite-'));
  recordingUploadSuite(() => ({ kind: 'pglite', dataDir }));
});
