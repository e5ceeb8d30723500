// `npm start`: the desktop window where Electron is installed; otherwise (as on machines where
// the Electron binary cannot be downloaded, or without a display) the browser host, saying why.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passThrough = args.filter((a) => a !== '--web');

if (!existsSync(root + 'dist/main/web-host.mjs') || !existsSync(root + 'dist/renderer/index.html')) {
  console.log('Building Dealerdesk (first start)…');
  const built = spawnSync(process.execPath, [root + 'scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = forceWeb ? null : electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

/**
 * The desk's SQLite driver (better-sqlite3-multiple-ciphers: better-sqlite3 with the encryption
 * codec) in node_modules is built for Node (the CLI and tests need that); Electron needs its own
 * ABI. Build a copy for Electron once, beside node_modules, and point the desk at it.
 */
async function electronSqliteBinding() {
  const electronVersion = createRequire(import.meta.url)('electron/package.json').version;
  const driver = 'better-sqlite3-multiple-ciphers';
  const dir = `${root}.electron-native/${electronVersion}`;
  const binding = `${dir}/node_modules/${driver}/build/Release/better_sqlite3.node`;
  if (existsSync(binding)) return binding;
  console.log(`Building ${driver} for Electron ${electronVersion} (once)…`);
  mkdirSync(`${dir}/node_modules`, { recursive: true });
  cpSync(`${root}node_modules/${driver}`, `${dir}/node_modules/${driver}`, { recursive: true });
  writeFileSync(`${dir}/package.json`, JSON.stringify({ name: 'electron-native', dependencies: { [driver]: '*' } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: dir, electronVersion, onlyModules: [driver], force: true });
  return binding;
}

if (electron && hasDisplay) {
  const env = { ...process.env, DEALERDESK_SQLITE_BINDING: await electronSqliteBinding() };
  const child = spawn(electron, [root, ...passThrough], { stdio: 'inherit', env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceWeb) {
    const why = !electron
      ? 'Electron is not installed here (its binary could not be downloaded when the packages were installed)'
      : 'there is no display server (DISPLAY is not set)';
    console.log(`Dealerdesk: ${why}; starting the browser host instead.`);
  }
  const child = spawn(process.execPath, [root + 'dist/main/web-host.mjs', ...passThrough], { stdio: ['inherit', 'pipe', 'inherit'] });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const url = /DEALERDESK_URL=(\S+)/.exec(chunk.toString())?.[1];
    if (url && hasDisplay && !process.env.DEALERDESK_NO_OPEN) {
      const opener = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
      spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
    }
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
