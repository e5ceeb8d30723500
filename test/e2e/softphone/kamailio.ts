// Starts Debian's Kamailio as a child of the test on 127.0.0.1 with free ports, from
// test/fixtures/kamailio/kamailio.cfg and a generated users file (digest auth). Stopped on
// test teardown and, as a safety net, when the test process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const kamailioPath = process.env.KAMAILIO_PATH ?? '/usr/sbin/kamailio';
const template = join(import.meta.dirname, '..', '..', 'fixtures', 'kamailio', 'kamailio.cfg');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() - started > timeoutMs) reject(new Error(`kamailio did not open port ${port}`));
        else setTimeout(attempt, 30);
      });
    };
    attempt();
  });
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

export interface Kamailio {
  udpPort: number;
  wsPort: number;
  wsUrl: string;
  logPath: string;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startKamailio(users: Record<string, string>): Promise<Kamailio> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-kamailio-'));
  const udpPort = await freePort();
  const wsPort = await freePort();
  const usersFile = join(dir, 'users.cfg');
  const lines = Object.entries(users).map(([u, p]) => `    $sht(users=>${u}) = "${p.replace(/["\\]/g, '')}";`);
  writeFileSync(usersFile, `event_route[htable:mod-init] {\n${lines.join('\n')}\n}\n`);
  const cfg = join(dir, 'kamailio.cfg');
  writeFileSync(cfg, readFileSync(template, 'utf8').replaceAll('__UDP_PORT__', String(udpPort)).replaceAll('__WS_PORT__', String(wsPort)).replaceAll('__USERS_FILE__', usersFile));
  const logPath = join(dir, 'kamailio.log');
  let child: ChildProcess | null = null;

  async function launch() {
    const fd = openSync(logPath, 'a');
    child = spawn(kamailioPath, ['-f', cfg, '-DD', '-E', '-m', '64', '-M', '16', '-Y', dir], { stdio: ['ignore', fd, fd] });
    running.add(child);
    const proc = child;
    proc.once('exit', () => running.delete(proc));
    await waitForPort(wsPort, 5000);
  }

  async function halt() {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }

  await launch();
  return {
    udpPort,
    wsPort,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    logPath,
    async restart() {
      await halt();
      await launch();
    },
    stop: halt,
  };
}
