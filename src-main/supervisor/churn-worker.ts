// Worker-thread entry of the churn job (started by churn-runner.ts). It opens the desk's file
// through the desk's own opener (openDatabase: key, pragmas, migrations), with the key bytes the
// main thread loaded from its key source — the source itself may need the main thread (Electron
// safeStorage) and cannot cross threads — runs every slice of the job, and posts the result.
// Its writes are short transactions (churn-snapshot.ts), so the desk's writer waits at most one.
import { parentPort, workerData } from 'node:worker_threads';
import { DeskError } from '../../src-shared/contract/errors';
import { openDatabase } from '../db/open';
import type { DeskKeySource } from '../db/encryption/key-file';
import { rebuildSupervisorFigures, type ChurnJobOptions } from './churn-job';

export interface ChurnWorkerInput {
  path: string;
  /** The desk's key bytes, 'none' for a plaintext desk, null: the opener's default source. */
  key: Uint8Array | 'none' | null;
  job: ChurnJobOptions;
}

export type ChurnWorkerOutput = { ok: true; result: ReturnType<typeof rebuildSupervisorFigures> } | { ok: false; message: string; stack?: string };

function handedOverKey(key: Uint8Array): DeskKeySource {
  const bytes = Buffer.from(key);
  return {
    description: 'the desk key handed over by the main thread',
    files: [],
    load: () => bytes,
    create: () => {
      throw new DeskError('unavailable', 'the churn worker never creates a database key');
    },
  };
}

const input = workerData as ChurnWorkerInput;
let output: ChurnWorkerOutput;
try {
  const key = input.key === null ? undefined : input.key === 'none' ? 'none' : handedOverKey(input.key);
  const { sqlite } = openDatabase(input.path, key === undefined ? {} : { key });
  try {
    output = { ok: true, result: rebuildSupervisorFigures(sqlite, input.job) };
  } finally {
    sqlite.close();
  }
} catch (error) {
  output = { ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined };
}
parentPort?.postMessage(output);
