// A desk process for the SIGKILL test: opens the desk at argv[2], edits a few customers (each
// edit with its outbox row in one transaction), writes capability records through their
// services as an agent's desk does (a work item, a transition the state machine allows, a
// comment, and the follow-ups of the delivery named by argv[7–8], which the parent's desk
// plans too), then syncs in small pages until up to date, printing progress. The parent kills
// it with SIGKILL at random moments.
import { openDatabase } from '../../src-main/db/open';
import { editRecord } from '../../src-main/sync/local-writes';
import { SyncEngine } from '../../src-main/sync/sync-engine';
import { syncState } from '../../src-main/sync/sync-state';
import type { WorkflowContext } from '../../src-main/workflows/context';
import { planFollowUps } from '../../src-main/workflows/follow-up-service';
import { commentOnWorkItem, createWorkItem, transitionWorkItem } from '../../src-main/workflows/work-item-service';
import type { WorkItemKind } from '../../src-shared/domain/workflows/kinds';
import { allowedActions, machineFor, type ActionDef } from '../../src-shared/domain/workflows/state-machines';

const [dir, url, username, password, edits, customerUid, eventKey] = process.argv.slice(2);
const { sqlite } = openDatabase(`${dir}/dealerdesk.sqlite`);
syncState.setServer(sqlite, { url });
const engine = new SyncEngine({ sqlite, server: { url }, credentials: { username, password }, websocket: false, snapshotLimit: 150, pullLimit: 100, retryBaseMs: 20, retryMaxMs: 100 });
const uids = sqlite.prepare('SELECT uid FROM customers ORDER BY random() LIMIT ?').pluck().all(Number(edits ?? 3)) as string[];
for (const uid of uids) editRecord(sqlite, 'customers', uid, { address: `child ${process.pid} ${Date.now()}` }, new Date());

const ctx: WorkflowContext = {
  sqlite,
  dataDir: dir,
  session: { userName: username, role: 'agent', locale: 'zh-CN' },
  now: () => new Date(),
  emit: () => undefined,
  log: { info: () => undefined, error: () => undefined },
};
const customerId = uids.length ? (sqlite.prepare('SELECT id FROM customers WHERE uid = ?').pluck().get(uids[0]) as number) : null;
createWorkItem(ctx, { kind: 'inquiry', title: `来电咨询 ${process.pid}`, description: '询问保养价格', category: 'maintenance', priority: 'normal', customerId, fields: {} });
const item = sqlite.prepare('SELECT id, kind, status FROM work_items ORDER BY random() LIMIT 1').get() as { id: number; kind: WorkItemKind; status: string };
const machine = machineFor(item.kind);
const [action] = allowedActions(machine, item.status, 'agent');
if (action) {
  const def = (machine.actions as Record<string, ActionDef<string>>)[action];
  transitionWorkItem(ctx, { id: item.id, action, assignee: def.needsAssignee ? username : undefined, note: def.needsNote ? '已处理' : undefined });
}
commentOnWorkItem(ctx, item.id, `已回电 ${process.pid}`);
const eventCustomer = customerUid ? (sqlite.prepare('SELECT id FROM customers WHERE uid = ?').pluck().get(customerUid) as number | undefined) : undefined;
if (eventCustomer !== undefined) planFollowUps(ctx, { trigger: 'delivery', eventDate: '2026-11-20', eventKey, customerId: eventCustomer });

for (let attempt = 0; attempt < 50; attempt++) {
  if (await engine.syncOnce()) {
    process.stdout.write('synced\n');
    await engine.stop();
    sqlite.close();
    process.exit(0);
  }
}
process.stdout.write(`failed ${engine.status().lastError}\n`);
process.exit(1);
