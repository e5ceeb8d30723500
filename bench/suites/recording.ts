// Issue 5 benchmarks, on loopback against a real Kamailio with the real desk in the browser host:
// - recording_cpu: extra CPU of recording a call, in % of one core: the agent browser's process
//   tree (utime+stime from /proc/<pid>/stat: browser, renderer, GPU, audio/network utilities) plus
//   this process (process.cpuUsage(): it runs main) during a recorded call, minus the same during
//   an unrecorded call of the same length. Target ≤ 5 %.
// - recording_bytes_per_min: bytes of a finalized mono recording per minute of call.
// Method (the machine is shared and loaded): one discarded warm-up pair, then
// BENCH_RECORDING_ROUNDS pairs of BENCH_RECORDING_SECONDS calls in ABBA order (off,on / on,off)
// so drift in background load cancels; the figure is the median of the per-pair differences;
// their mean and standard deviation, the per-process split and the load average go to stderr.
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

/** Chromium rewrites its children's command lines with spaces: `--type=renderer`, `--utility-sub-type=audio.mojom.AudioService`. */
function processKind(cmd: string): string {
  const utility = /--utility-sub-type=([^\s\0]+)/.exec(cmd)?.[1];
  if (utility) return utility.replace(/\.mojom\./, '.').split('.').slice(-1)[0];
  return /--type=([^\s\0]+)/.exec(cmd)?.[1] ?? 'browser';
}

/** CPU seconds used so far by the browser whose command line holds `marker` and its children, by process kind. */
function browserCpuSeconds(marker: string): Map<string, number> {
  const pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  const stats = new Map<number, { ppid: number; ticks: number; cmd: string }>();
  let rootPid: number | null = null;
  for (const pid of pids) {
    const s = procStat(pid);
    if (!s) continue;
    let cmd: string;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // process gone
    }
    stats.set(Number(pid), { ...s, cmd });
    if (rootPid === null && cmd.includes(marker) && !cmd.includes('--type=')) rootPid = Number(pid);
  }
  if (rootPid === null) throw new Error('agent browser not found in /proc');
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of stats) if (!tree.has(pid) && tree.has(s.ppid)) (tree.add(pid), (grew = true));
  }
  const byKind = new Map<string, number>();
  for (const pid of tree) {
    const s = stats.get(pid)!;
    const kind = processKind(s.cmd);
    byKind.set(kind, (byKind.get(kind) ?? 0) + s.ticks / ticksPerSecond);
  }
  return byKind;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / Math.max(1, xs.length - 1));
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const mainCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export const recordingSuite: BenchSuite = {
  title: 'call recording (issue 5)',
  names: ['recording_cpu', 'recording_bytes_per_min'],
  async run(names) {
    const seconds = Number(process.env.BENCH_RECORDING_SECONDS ?? 15);
    const rounds = Number(process.env.BENCH_RECORDING_ROUNDS ?? 4);
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
      type Sample = { total: number; byKind: Map<string, number> };
      const oneCall = async (mode: 'none' | 'all'): Promise<Sample> => {
        await as('supervisor', () => desk.dispatch('recording.settings.set', { mode }));
        await agent.goto(host.url);
        await agent.locator('[data-testid="sp-registration"][data-state="registered"]').waitFor({ timeout: 20_000 });
        await agent.getByTestId('sp-agent-select').selectOption('ready');
        await agent.getByTestId('sp-dial-input').fill('2001');
        await agent.getByTestId('sp-dial').click();
        await agent.locator('[data-testid="sp-call"][data-phase="connected"]').waitFor({ timeout: 10_000 });
        if (mode === 'all') await agent.locator('[data-testid="rec-indicator"][data-phase="recording"]').waitFor();
        // settle: page load, call set-up and recording start are not part of the steady state
        await agent.waitForTimeout(2000);
        const b0 = browserCpuSeconds(agentWav);
        const m0 = mainCpuSeconds();
        const t0 = performance.now();
        await agent.waitForTimeout(seconds * 1000);
        const b1 = browserCpuSeconds(agentWav);
        const main = mainCpuSeconds() - m0;
        const wall = (performance.now() - t0) / 1000;
        await agent.getByTestId('sp-hangup').click();
        await agent.getByTestId('sp-wrap-up-save').click().catch(() => {});
        await agent.getByTestId('sp-call').waitFor({ state: 'detached' });
        const byKind = new Map<string, number>([['main', (main / wall) * 100]]);
        for (const [kind, s] of b1) byKind.set(kind, ((s - (b0.get(kind) ?? 0)) / wall) * 100);
        return { total: [...byKind.values()].reduce((a, b) => a + b, 0), byKind };
      };
      await oneCall('none'); // warm-up: first page load, JIT, codec and device set-up
      await oneCall('all');
      const off: Sample[] = [];
      const on: Sample[] = [];
      for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) (off.push(await oneCall('none')), on.push(await oneCall('all')));
        else (on.push(await oneCall('all')), off.push(await oneCall('none')));
      }
      const diffs = on.map((x, i) => x.total - off[i].total);
      const extra = mean(diffs);
      // The figure is the median pair (the repo's convention for noisy machines); the mean is printed too.
      const middle = [...diffs].sort((a, b) => a - b);
      const median = middle.length % 2 ? middle[(middle.length - 1) / 2] : (middle[middle.length / 2 - 1] + middle[middle.length / 2]) / 2;
      const fmt = (xs: Sample[]) => xs.map((x) => x.total.toFixed(1)).join(', ');
      console.error(`recording_cpu: unrecorded ${fmt(off)} % · recorded ${fmt(on)} % of one core (agent browser + main), ${seconds} s calls, load average ${loadAverage()}`);
      console.error(`recording_cpu: extra per pair ${diffs.map((d) => d.toFixed(1)).join(', ')} → median ${median.toFixed(2)}, mean ${extra.toFixed(2)} ± sd ${sd(diffs).toFixed(2)} (sem ${(sd(diffs) / Math.sqrt(diffs.length)).toFixed(2)})`);
      const kinds = [...new Set([...off, ...on].flatMap((x) => [...x.byKind.keys()]))];
      const split = kinds
        .map((k) => ({ k, d: mean(on.map((x) => x.byKind.get(k) ?? 0)) - mean(off.map((x) => x.byKind.get(k) ?? 0)), o: mean(off.map((x) => x.byKind.get(k) ?? 0)) }))
        .filter((x) => Math.abs(x.d) >= 0.05 || x.o >= 0.5)
        .map((x) => `${x.k} ${x.o.toFixed(1)}${x.d >= 0 ? '+' : ''}${x.d.toFixed(1)}`);
      console.error(`recording_cpu: by process, unrecorded+extra: ${split.join(' · ')}`);
      if (names.includes('recording_cpu')) results.push({ name: 'recording_cpu', unit: '% of one core (median of paired calls)', value: Math.round(median * 100) / 100 });
      const started = Date.now();
      let rows: { bytes: number; duration_ms: number }[] = [];
      while (Date.now() - started < 20_000) {
        rows = desk.context.sqlite.prepare("SELECT bytes, duration_ms FROM recordings WHERE status = 'finalized' AND duration_ms > 0").all() as typeof rows;
        if (rows.length >= rounds + 1) break;
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
