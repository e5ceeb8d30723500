// Keeps the supervisor's precomputed figures (churn-job.ts) current without anyone pressing
// 刷新: a tick, given the desk clock, rebuilds them once a night — the first tick at or after
// `nightlyHour` in the dealership's time zone on a day the figures are not yet as of — and soon
// after a large import or sync (service_visits grew by `importRows`, or by `importShare` of the
// rows the figures counted). The rebuild is synchronous (about 10 s at 1M customers), hence the
// night; an import already kept the desk busy for longer.
import { performance } from 'node:perf_hooks';
import { todayIn } from '../../src-shared/domain/dates';
import type { DeskContext } from '../host/context';
import { loadWorkflowSettings } from '../workflows/settings';
import { figuresBuiltAt, rebuildSupervisorFigures } from './churn-job';

export interface RefreshPolicy {
  nightlyHour: number;
  importRows: number;
  importShare: number;
}

export const defaultRefreshPolicy: RefreshPolicy = Object.freeze({ nightlyHour: 2, importRows: 20_000, importShare: 0.05 });

type RefreshContext = Pick<DeskContext, 'sqlite' | 'now' | 'log' | 'emit'>;
export type RefreshReason = 'nightly' | 'import';

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

export function refreshSupervisorFigures(ctx: RefreshContext): { customers: number; tookMs: number; builtAt: string } {
  const started = performance.now();
  const now = ctx.now();
  const builtAt = now.toISOString();
  const { customers } = rebuildSupervisorFigures(ctx.sqlite, { today: todayIn(loadWorkflowSettings(ctx.sqlite).dealership.timeZone, now), builtAt });
  return { customers, tookMs: performance.now() - started, builtAt };
}

/** One tick: rebuilds when refreshDue says so; returns the reason, or null when nothing was due. */
export function supervisorRefreshTick(ctx: RefreshContext, policy: RefreshPolicy = defaultRefreshPolicy): RefreshReason | null {
  const reason = refreshDue(ctx, policy);
  if (!reason) return null;
  const r = refreshSupervisorFigures(ctx);
  ctx.log.info('supervisor figures rebuilt', { reason, customers: r.customers, tookMs: Math.round(r.tookMs) });
  return reason;
}

/** Runs supervisorRefreshTick every `intervalMs` (default five minutes) until the returned stop is called. */
export function runSupervisorRefreshTicks(ctx: RefreshContext, intervalMs = 300_000, policy: RefreshPolicy = defaultRefreshPolicy): () => void {
  const timer = setInterval(() => {
    try {
      supervisorRefreshTick(ctx, policy);
    } catch (error) {
      ctx.log.error('supervisor refresh failed', { error: error instanceof Error ? error.stack : String(error) });
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
