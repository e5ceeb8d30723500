import { todayIn } from '../../src-shared/domain/dates';
import { dealershipTimeZone } from '../customers/handlers';
import { seedDemoData } from '../demo/seed';
import type { DeskContext } from './context';

export const defaultDemoCustomers = 20_000;

/** Seeds demo data into an empty desk, reporting progress as task.progress events. */
export function runDemoSeed(ctx: DeskContext, options: { taskId: string; customers: number; seed: number }): void {
  const label = 'demo.seed';
  const progress = (done: number, total: number, finished = false, error?: string) =>
    ctx.emit('task.progress', { taskId: options.taskId, label, done, total, finished, error });
  try {
    progress(0, options.customers);
    seedDemoData(ctx.sqlite, {
      customers: options.customers,
      seed: options.seed,
      today: todayIn(dealershipTimeZone, ctx.now()),
      onProgress: (done, total) => progress(done, total),
    });
    progress(options.customers, options.customers, true);
    ctx.emit('customers.changed', {});
  } catch (error) {
    ctx.log.error('demo seed failed', { error: error instanceof Error ? error.message : String(error) });
    progress(0, options.customers, true, error instanceof Error ? error.message : String(error));
  }
}
