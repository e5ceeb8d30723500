// Runs the churn job (churn-job.ts) without blocking the desk's main thread: on a worker thread
// with its own connection (churn-worker.ts), or — when no worker can be started (a bundle built
// without the worker entry) — on a second connection on the main thread, one slice per turn of
// the event loop. Either way the job's connection is opened by openDatabase with the desk's key
// source (databaseKeyOf), and its writes are short transactions, so the desk keeps reading and
// writing while the figures are rebuilt (WAL).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { databaseKeyOf, openDatabase, type SqliteDatabase } from '../db/open';
import { churnJobSlices, rebuildSupervisorFigures, type ChurnJobOptions, type ChurnJobResult } from './churn-job';
import type { ChurnWorkerInput, ChurnWorkerOutput } from './churn-worker';

export type ChurnRunMode = 'worker' | 'cooperative';

export interface ChurnRun {
  result: Promise<ChurnJobResult>;
  /** Stops the run; slices already committed stay (the next run completes them). */
  cancel(): void;
}

/** The worker's module and how to load it: the bundle's .mjs, or the source through tsx (dev, tests). */
function workerScript(): { code: string; eval: true } | { file: URL; eval: false } | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    let tsx: string;
    try {
      // tsx's ESM API registers its loader in this thread; the import condition's file.
      tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    } catch {
      return null;
    }
    const entry = new URL('./churn-worker.ts', here).href;
    return { code: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`, eval: true };
  }
  const built = new URL('./churn-worker.mjs', here);
  return existsSync(fileURLToPath(built)) ? { file: built, eval: false } : null;
}

function keyForWorker(sqlite: SqliteDatabase): ChurnWorkerInput['key'] {
  const source = databaseKeyOf(sqlite);
  if (source === undefined) return null;
  if (source === 'none') return 'none';
  return source.load();
}

function runInWorker(sqlite: SqliteDatabase, job: ChurnJobOptions): ChurnRun | null {
  const script = workerScript();
  if (!script) return null;
  const workerData: ChurnWorkerInput = { path: sqlite.name, key: keyForWorker(sqlite), job };
  const worker = script.eval ? new Worker(script.code, { eval: true, workerData }) : new Worker(script.file, { workerData });
  // A closing desk does not wait for the figures.
  worker.unref();
  let cancelled = false;
  const result = new Promise<ChurnJobResult>((resolve, reject) => {
    let settled = false;
    worker.once('message', (m: ChurnWorkerOutput) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(Object.assign(new Error(m.message), { stack: m.stack }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(cancelled ? 'supervisor figures rebuild cancelled' : `churn worker exited with code ${code}`));
    });
  });
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    },
  };
}

function runCooperatively(sqlite: SqliteDatabase, job: ChurnJobOptions): ChurnRun {
  let cancelled = false;
  const result = (async () => {
    if (sqlite.memory) return rebuildSupervisorFigures(sqlite, job);
    const source = databaseKeyOf(sqlite);
    const own = openDatabase(sqlite.name, source === undefined ? {} : { key: source }).sqlite;
    try {
      const slices = churnJobSlices(own, job);
      for (;;) {
        const step = slices.next();
        if (step.done) return step.value;
        await nextTurn();
        if (cancelled) {
          slices.return(undefined as never);
          throw new Error('supervisor figures rebuild cancelled');
        }
      }
    } finally {
      own.close();
    }
  })();
  return { result, cancel: () => void (cancelled = true) };
}

/** Starts the job off the main thread ('worker' falls back to 'cooperative' when no worker can start). */
export function startChurnJob(sqlite: SqliteDatabase, job: ChurnJobOptions, mode: ChurnRunMode = 'worker'): ChurnRun {
  return (mode === 'worker' && !sqlite.memory ? runInWorker(sqlite, job) : null) ?? runCooperatively(sqlite, job);
}
