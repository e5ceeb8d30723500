// Starts the real browser host (desk + WebSocket contract + built renderer) on a temp data folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Desk } from '../../../src-main/host/desk';
import { startDesk } from '../../../src-main/host/startup';
import { startWebHost, type WebHost } from '../../../src-main/host/web/web-host';

const root = join(import.meta.dirname, '..', '..', '..');
export const rendererDir = join(root, 'dist', 'renderer');

export function ensureRendererBuilt(): void {
  if (existsSync(join(rendererDir, 'index.html')) && !process.env.E2E_REBUILD) return;
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--renderer-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('renderer build failed');
}

export interface RunningHost {
  desk: Desk;
  host: WebHost;
  dataDir: string;
  stop(): Promise<void>;
}

/** `now` injects the desk's clock (calling windows, SLA clocks) for tests of time-dependent rules. */
export async function startBrowserHost(options: { demoCustomers?: number; dataDir?: string; now?: () => Date } = {}): Promise<RunningHost> {
  ensureRendererBuilt();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'dd-e2e-'));
  const desk = startDesk({ dataDir, host: 'browser', demoCustomers: options.demoCustomers ?? 0, ...(options.now ? { now: options.now } : {}) });
  const host = await startWebHost(desk, { rendererDir });
  return {
    desk,
    host,
    dataDir,
    async stop() {
      await host.close();
      desk.close();
    },
  };
}

/** Waits until the first-start demo seed has filled the cache. */
export async function waitForCustomers(desk: Desk, atLeast: number, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const count = desk.context.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    if (count >= atLeast) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${atLeast} customers`);
}
