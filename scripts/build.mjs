// Bundles main-process entry points with esbuild and the renderer with Vite into dist/.
// Run by `npm run build`, and by `npm ci` through the `prepare` script.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { buildPreload } from './build-preload.mjs';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.includes('--main-only') ? 'main' : process.argv.includes('--renderer-only') ? 'renderer' : 'all';

const nodeEntries = {
  cli: 'src-main/cli/main.ts',
  'web-host': 'src-main/host/web/main.ts',
  'electron-main': 'src-main/electron/main.ts',
  'churn-worker': 'src-main/supervisor/churn-worker.ts',
};

if (only !== 'renderer') {
  const entryPoints = Object.fromEntries(Object.entries(nodeEntries).filter(([, file]) => existsSync(root + file)));
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  if (existsSync(root + 'src-main/electron/preload.ts')) await buildPreload(root);
}

if (only !== 'main' && existsSync(root + 'vite.config.ts')) {
  execFileSync(process.execPath, [root + 'node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
console.log('build: done');
