// Keeps the supervisor's precomputed figures (churn-job.ts) current without anyone pressing
// 刷新: a tick, given the desk clock, rebuilds them once a night — the first tick at or after
// `nightlyHour` in the dealership's time zone on a day the figures are not yet as of — and soon
// after a large import or sync (service_visits grew by `importRows`, or by `importShare` of the
// rows the figures counted). The rebuild runs off the main thread (churn-runner.ts: a worker with
// its own connection, short write transactions), so the desk stays responsive; one rebuild per
// desk at a time — a 刷新 during the nightly one waits for it.
import { performance } from 'node:perf_hooks';
import { todayIn } from '../../src-shared/domain/dates';
import type { DeskContext } from '../host/context';
import { loadWorkflowSettings } from '../workflows/settings';
import { figuresBuiltAt } from './churn-job';
import { startChurnJob, type ChurnRun, type ChurnRunMode } from './churn-runner';

export interface RefreshPolicy {
  nightlyHour: number;
  importRows: number;
  importShare: number;
}

export const defaultRefreshPolicy: RefreshPolicy = Object.freeze({ nightlyHour: 2, importRows: 20_000, importShare: 0.05 });

type RefreshContext = Pick<DeskContext, 'sqlite' | 'now' | 'log' | 'emit'>;
export type RefreshReason = 'nightly' | 'import';
export interface RefreshResult {
  customers: number;
  tookMs: number;
  builtAt: string;
}

const hourFormats = new Map<string, Intl.DateTimeFormat>();
function localHour(timeZone: string, at: Date): number {
  let f = hourFormats.get(timeZone);
  if (!f) hourFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' })));
  return Number(f.format(at));
}

/** Why the figures should be rebuilt now, or null. */
export function refreshDue(ctx: RefreshContext, policy: RefreshPolicy = defaultRefreshPolicy): RefreshReason | null {
  const timeZone = loadWorkflowSettings(ctx.sqlite).dealership.timeZone;
  const now = ctx.now();
  const built = figuresBuiltAt(ctx.sqlite);
  if (localHour(timeZone, now) >= policy.nightlyHour && (!built || todayIn(timeZone, now) > built.asOf)) return 'nightly';
  const maxId = ctx.sqlite.prepare('SELECT coalesce(max(id), 0) FROM service_visits').pluck().get() as number;
  const added = maxId - (built?.visitMaxId ?? 0);
  if (added >= Math.max(1, Math.min(policy.importRows, Math.ceil((built?.visits ?? 0) * policy.importShare)))) return 'import';
  return null;
}

interface InFlight {
  run: ChurnRun;
  done: Promise<RefreshResult>;
}
const inFlight = new WeakMap<RefreshContext['sqlite'], InFlight>();

/** Rebuilds the figures off the main thread; joins the rebuild already under way on this desk. */
export function refreshSupervisorFigures(ctx: RefreshContext, mode: ChurnRunMode = 'worker'): Promise<RefreshResult> {
  const running = inFlight.get(ctx.sqlite);
  if (running) return running.done;
  const started = performance.now();
  const now = ctx.now();
  const builtAt = now.toISOString();
  const run = startChurnJob(ctx.sqlite, { today: todayIn(loadWorkflowSettings(ctx.sqlite).dealership.timeZone, now), builtAt }, mode);
  const done = run.result
    .then(({ customers }) => ({ customers, tookMs: performance.now() - started, builtAt }))
    .finally(() => inFlight.delete(ctx.sqlite));
  inFlight.set(ctx.sqlite, { run, done });
  return done;
}

/** Stops the rebuild under way on this desk, if any (desk close). */
export function cancelSupervisorRefresh(ctx: Pick<RefreshContext, 'sqlite'>): void {
  inFlight.get(ctx.sqlite)?.run.cancel();
}

/** One tick: rebuilds when refreshDue says so; resolves to the reason, or null when nothing was due or a rebuild is under way. */
export async function supervisorRefreshTick(ctx: RefreshContext, policy: RefreshPolicy = defaultRefreshPolicy, mode: ChurnRunMode = 'worker'): Promise<RefreshReason | null> {
  if (inFlight.has(ctx.sqlite)) return null;
  const reason = refreshDue(ctx, policy);
  if (!reason) return null;
  const r = await refreshSupervisorFigures(ctx, mode);
  ctx.log.info('supervisor figures rebuilt', { reason, customers: r.customers, tookMs: Math.round(r.tookMs) });
  return reason;
}

/** Runs supervisorRefreshTick every `intervalMs` (default five minutes) until the returned stop is called (which also stops a rebuild under way). */
export function runSupervisorRefreshTicks(ctx: RefreshContext, intervalMs = 300_000, policy: RefreshPolicy = defaultRefreshPolicy): () => void {
  const timer = setInterval(() => {
    supervisorRefreshTick(ctx, policy).catch((error: unknown) => {
      ctx.log.error('supervisor refresh failed', { error: error instanceof Error ? error.stack : String(error) });
    });
  }, intervalMs);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    cancelSupervisorRefresh(ctx);
  };
}
