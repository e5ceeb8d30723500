// The Electron preload (sandboxed: CommonJS, may require nothing but electron). It needs only
// the contract's method and event names, so those are read from the contract here and inlined
// as constants: the preload does not carry the contract's zod schemas (≈ 850 KB of script that
// every window would parse and that sits in the preload's reach).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The contract's method and event names, from src-shared/contract/index.ts. */
export async function contractNames(root) {
  const outfile = `${root}dist/contract-names.${process.pid}.mjs`;
  await build({ absWorkingDir: root, entryPoints: ['src-shared/contract/index.ts'], outfile, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning' });
  try {
    const contract = await import(pathToFileURL(outfile).href);
    return { methodNames: contract.methodNames, eventNames: contract.eventNames };
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** Bundles src-main/electron/preload.ts; `write: false` returns the code instead of writing dist/main/preload.cjs. */
export async function buildPreload(root, { write = true } = {}) {
  const names = await contractNames(root);
  const result = await build({
    absWorkingDir: root,
    entryPoints: { preload: 'src-main/electron/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    define: { DEALERDESK_METHOD_NAMES: JSON.stringify(names.methodNames), DEALERDESK_EVENT_NAMES: JSON.stringify(names.eventNames) },
    write,
    logLevel: 'warning',
  });
  return write ? null : result.outputFiles[0].text;
}
