// Issue 5 benchmarks, on loopback against a real Kamailio with the real desk in the browser host:
// - recording_cpu: extra CPU of recording a call, in % of one core: (renderer browser's process
//   tree from /proc + this process, which runs main) during a recorded call minus the same during
//   an unrecorded call, over the same wall time. Target ≤ 5 %.
// - recording_bytes_per_min: bytes of a finalized mono recording per minute of call.
// Calls alternate unrecorded/recorded (BENCH_RECORDING_ROUNDS pairs of BENCH_RECORDING_SECONDS).
import { readdirSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDesk } from '../../src-main/host/startup';
import { startWebHost } from '../../src-main/host/web/web-host';
import { startKamailio } from '../../test/e2e/softphone/kamailio';
import { farEndPage, serveFarEnd } from '../../test/e2e/softphone/lab';
import { buildRenderer, launchSideBrowser, toneWav, voiceWav } from '../../test/e2e/recording/recording-lab';
import type { BenchResult } from '../stats';
import type { BenchSuite } from './index';

const users = { '8001': 'bench-rec-8001', '2001': 'bench-rec-2001' };
const ticksPerSecond = 100;

function procStat(pid: string): { ppid: number; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by the browser whose command line holds `marker`, and its children. */
function browserCpuSeconds(marker: string): number {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const stats = new Map<number, { ppid: number; ticks: number }>();
  let rootPid: number | null = null;
  for (const pid of pids) {
    const s = procStat(pid);
    if (!s) continue;
    stats.set(Number(pid), s);
    if (rootPid === null) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmd.includes(marker) && !cmd.includes('--type=')) rootPid = Number(pid);
      } catch {
        // process gone
      }
    }
  }
  if (rootPid === null) throw new Error('agent browser not found in /proc');
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) if (!tree.has(pid) && tree.has(s.ppid)) (tree.add(pid), (grew = true));
  }
  let ticks = 0;
  for (const pid of tree) ticks += stats.get(pid)!.ticks;
  return ticks / ticksPerSecond;
}

const mainCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export const recordingSuite: BenchSuite = {
  title: 'call recording (issue 5)',
  names: ['recording_cpu', 'recording_bytes_per_min'],
  async run(names) {
    const seconds = Number(process.env.BENCH_RECORDING_SECONDS ?? 20);
    const rounds = Number(process.env.BENCH_RECORDING_ROUNDS ?? 2);
    const rendererDir = buildRenderer();
    const kamailio = await startKamailio(users);
    const desk = startDesk({ dataDir: mkdtempSync(join(tmpdir(), 'dd-bench-rec-')), host: 'browser', demoCustomers: 0 });
    const host = await startWebHost(desk, { rendererDir });
    const farEnd = await serveFarEnd();
    const agentWav = toneWav();
    const agentBrowser = await launchSideBrowser(agentWav);
    const customerBrowser = await launchSideBrowser(voiceWav());
    const results: BenchResult[] = [];
    const as = async <T>(role: 'supervisor' | 'agent', fn: () => Promise<T>) => {
      const before = desk.context.session.role;
      desk.context.session.role = role;
      try {
        return await fn();
      } finally {
        desk.context.session.role = before;
      }
    };
    try {
      await desk.dispatch('softphone.settings.set', { sipUri: 'sip:8001@127.0.0.1', wsServers: [kamailio.wsUrl], password: users['8001'], iceGatheringTimeoutMs: 1000, acwSeconds: 0 });
      await farEndPage(customerBrowser, farEnd.url, 'sip:2001@127.0.0.1', users['2001'], kamailio.wsUrl, { autoAnswer: true });
      const agent: Page = await agentBrowser.newPage();
      const oneCall = async (mode: 'none' | 'all') => {
        await as('supervisor', () => desk.dispatch('recording.settings.set', { mode }));
        await agent.goto(host.url);
        await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 20_000 });
        await agent.getByTestId('sp-agent-select').selectOption('ready');
        await agent.getByTestId('sp-dial-input').fill('2001');
        await agent.getByTestId('sp-dial').click();
        await agent.locator('[data-testid="sp-call"][data-phase="connected"]').waitFor({ timeout: 10_000 });
        if (mode === 'all') await agent.locator('[data-testid="rec-indicator"][data-phase="recording"]').waitFor();
        await agent.waitForTimeout(1000);
        const b0 = browserCpuSeconds(agentWav);
        const m0 = mainCpuSeconds();
        const t0 = performance.now();
        await agent.waitForTimeout(seconds * 1000);
        const wall = (performance.now() - t0) / 1000;
        const cpu = browserCpuSeconds(agentWav) - b0 + (mainCpuSeconds() - m0);
        await agent.getByTestId('sp-hangup').click();
        await agent.getByTestId('sp-wrap-up-save').click().catch(() => {});
        await agent.getByTestId('sp-call').waitFor({ state: 'detached' });
        return cpu / wall;
      };
      const off: number[] = [];
      const on: number[] = [];
      for (let i = 0; i < rounds; i++) {
        off.push(await oneCall('none'));
        on.push(await oneCall('all'));
      }
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const extra = (mean(on) - mean(off)) * 100;
      console.error(`recording_cpu: unrecorded ${off.map((x) => (x * 100).toFixed(1)).join(', ')} % · recorded ${on.map((x) => (x * 100).toFixed(1)).join(', ')} % of one core (renderer browser + main)`);
      if (names.includes('recording_cpu')) results.push({ name: 'recording_cpu', unit: '% of one core', value: Math.round(extra * 100) / 100 });
      const started = Date.now();
      let rows: { bytes: number; duration_ms: number }[] = [];
      while (Date.now() - started < 20_000) {
        rows = desk.context.sqlite.prepare("SELECT bytes, duration_ms FROM recordings WHERE status = 'finalized' AND duration_ms > 0").all() as typeof rows;
        if (rows.length >= rounds) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const bytes = rows.reduce((a, r) => a + r.bytes, 0);
      const minutes = rows.reduce((a, r) => a + r.duration_ms, 0) / 60_000;
      // base64 over the contract: decode cost in main per second of audio
      const b64 = Buffer.alloc(Math.round(bytes / minutes / 60)).toString('base64');
      const d0 = performance.now();
      for (let i = 0; i < 1000; i++) Buffer.from(b64, 'base64');
      console.error(`recording chunks: ${(bytes / minutes / 60 / 1024).toFixed(1)} KB/s of audio, base64 ${(b64.length / 1024).toFixed(1)} KB per chunk, decode ${((performance.now() - d0) / 1000 * 1000).toFixed(1)} µs per chunk in main`);
      if (names.includes('recording_bytes_per_min')) results.push({ name: 'recording_bytes_per_min', unit: 'bytes/min (mono Opus WebM)', value: Math.round(bytes / minutes) });
    } finally {
      await agentBrowser.close();
      await customerBrowser.close();
      await farEnd.close();
      await host.close();
      desk.close();
      await kamailio.stop();
    }
    return results;
  },
};
