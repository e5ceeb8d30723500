// PouchDB side of the comparison (shared/docs/sync.md §D): express-pouchdb on loopback backed
// by LevelDB, a PouchDB client with LevelDB in a separate process, batch_size swept. Same rows
// as our sync: customers, phones and vehicles as separate documents with _id = our uid.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { BenchEntity } from './desk-file';

export function startPouchServer(dir: string, port: number): Promise<ChildProcess> {
  const code = `
    const PouchDB = require('pouchdb').defaults({ prefix: ${JSON.stringify(dir + '/')} });
    // express-pouchdb is an Express 4 app of its own (its nested express); the top-level express 5 breaks it.
    const app = require('express-pouchdb')(PouchDB, { mode: 'minimumForPouchDB', logPath: ${JSON.stringify(join(dir, 'log.txt'))} });
    app.listen(${port}, '127.0.0.1', () => console.log('listening'));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => String(d).includes('listening') && resolve(child));
    child.on('exit', (code) => reject(new Error(`pouch server exited ${code}`)));
  });
}

/** Loads the rows into the remote database (not timed). */
export async function loadPouch(url: string, docs: AsyncIterable<{ entity: BenchEntity; uid: string; fields: Record<string, unknown> }[]>): Promise<number> {
  const PouchDB = (await import('pouchdb')).default as unknown as new (name: string) => { bulkDocs(docs: unknown[], options?: unknown): Promise<unknown[]> };
  const db = new PouchDB(url);
  let n = 0;
  for await (const chunk of docs) {
    for (let i = 0; i < chunk.length; i += 5000) {
      const slice = chunk.slice(i, i + 5000).map((d) => ({ _id: d.uid, type: d.entity, ...d.fields }));
      await db.bulkDocs(slice, { new_edits: true });
      n += slice.length;
    }
  }
  return n;
}

/** Replicates url into a fresh local LevelDB in a child process; resolves seconds and doc count. */
export function replicatePouch(url: string, localDir: string, batchSize: number): Promise<{ seconds: number; docs: number; maxRssMb: number }> {
  const code = `
    const PouchDB = require('pouchdb');
    const local = new PouchDB(${JSON.stringify(localDir)});
    const t0 = performance.now();
    PouchDB.replicate(${JSON.stringify(url)}, local, { batch_size: ${batchSize}, batches_limit: 10 })
      .then(async () => {
        const seconds = (performance.now() - t0) / 1000;
        const info = await local.info();
        console.log(JSON.stringify({ seconds, docs: info.doc_count, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
      })
      .catch((e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`pouch replicate exited ${code}`))));
  });
}
