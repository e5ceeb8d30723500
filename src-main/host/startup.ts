// How both hosts start a desk: open it, and when it has no dealership server and no customers
// yet, fill it with demo data so a new user sees a working tool at once.
import { randomUUID } from 'node:crypto';
import { createDesk, type Desk, type DeskOptions } from './desk';
import { defaultDemoCustomers, runDemoSeed } from './demo-seed-task';
import { ensureDemoKnowledge } from '../knowledge/demo-knowledge';
import { startSyncIfConfigured } from '../sync/handlers';

export function startDesk(options: DeskOptions & { demoCustomers?: number }): Desk {
  const desk = createDesk(options);
  // A desk with a dealership server gets its data from there, never demo data.
  if (startSyncIfConfigured(desk.context)) return desk;
  const empty = (desk.context.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number) === 0;
  const demoCustomers = options.demoCustomers ?? Number(process.env.DEALERDESK_DEMO_CUSTOMERS ?? defaultDemoCustomers);
  if (empty && demoCustomers > 0) {
    // After the host has attached its event listeners, so the first window sees the progress.
    setTimeout(() => runDemoSeed(desk.context, { taskId: randomUUID(), customers: demoCustomers, seed: 42 }), 50);
  }
  if (demoCustomers > 0) {
    // The demo knowledge base (assets/demo-kb) loads once into a desk that has no articles yet.
    setTimeout(() => {
      try {
        if (ensureDemoKnowledge(desk.context)) desk.context.emit('kb.changed', {});
      } catch (error) {
        desk.context.log.error('demo knowledge failed to load', { error: error instanceof Error ? error.message : String(error) });
      }
    }, 50);
  }
  return desk;
}
