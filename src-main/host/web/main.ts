// `npm run start:web`: the desk in any browser on this machine, for desks without a display
// server and for the end-to-end tests.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../data-dir';
import { startDesk } from '../startup';
import { startWebHost } from './web-host';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

export function rendererDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dist', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'dist', 'renderer');
}

const defaultPort = 5178;

async function main() {
  const dataDir = flag('data-dir') ?? defaultDataDir();
  const desk = startDesk({ dataDir, host: 'browser', demoCustomers: flag('demo-customers') ? Number(flag('demo-customers')) : undefined });
  const requested = flag('port') ?? process.env.PORT;
  const options = { rendererDir: flag('renderer') ?? rendererDir() };
  // A stable default address users can bookmark; a free one when it is taken.
  const host = requested
    ? await startWebHost(desk, { ...options, port: Number(requested) })
    : await startWebHost(desk, { ...options, port: defaultPort }).catch(() => startWebHost(desk, { ...options, port: 0 }));
  // One machine-readable line first: tests and scripts read the URL from it.
  console.log(`DEALERDESK_URL=${host.url}`);
  console.log(`Dealerdesk browser host: open ${host.url} (data: ${dataDir})`);
  const stop = async () => {
    await host.close();
    desk.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
