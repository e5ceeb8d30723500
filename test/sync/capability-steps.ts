// Fault-schedule steps that write capability records (issues 6, 7, 8) the way the desk does:
// through the real services (KB articles and their versions, work items, transitions, comments,
// rule-made follow-ups), whose plain-SQL writes reach sync_outbox by change-capture trigger.
// Only operations the desk's role is allowed are taken; a KB write on a desk that may not edit
// must be refused locally with nothing queued. Rejections can still happen on the server (two
// desks moved the same item apart while offline, a work item made for a customer another desk
// deleted, or a desk writing the KB tables directly past its services, as an older or tampered
// desk would — the server's mayWrite refuses it): schedules.ts accounts for each as a 'rejected'
// conflict record, and the rejecting desk must get the server's version back.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../src-shared/contract/errors';
import type { KbArticleFields } from '../../src-shared/contract/knowledge';
import { can, type Role } from '../../src-shared/domain/roles';
import type { WorkItemKind } from '../../src-shared/domain/workflows/kinds';
import { allowedActions, machineFor, type ActionDef } from '../../src-shared/domain/workflows/state-machines';
import { createArticle, editArticle } from '../../src-main/knowledge/article-service';
import { deleteArticle } from '../../src-main/knowledge/article-repository';
import type { WorkflowContext } from '../../src-main/workflows/context';
import { planFollowUps } from '../../src-main/workflows/follow-up-service';
import { commentOnWorkItem, createWorkItem, transitionWorkItem } from '../../src-main/workflows/work-item-service';
import type { TestDesk } from './desk-harness';

const titles = ['首保免费政策', '保修条款说明', '道路救援流程'];
const bodies = ['购车后 6 个月或 5000 公里内首保免费。', '整车质保三年或十万公里,以先到者为准。', '拨打救援热线后 30 分钟内派车。', '请携带保养手册。'];
const workKinds = ['complaint', 'rescue', 'accident', 'inquiry'] as const satisfies readonly WorkItemKind[];
const kindFields: Record<(typeof workKinds)[number], Record<string, unknown>> = {
  complaint: { ourFault: true },
  rescue: { place: '京港澳高速 K12', fault: '无法启动', callbackPhone: '13800000000' },
  accident: { insurer: '平安', reportedBy: 'customer' },
  inquiry: {},
};

export type CapabilityCommand =
  | { t: 'kbCreate'; desk: number; title: number }
  | { t: 'kbEdit'; desk: number; pick: number; body: number; draft: boolean }
  | { t: 'workCreate'; desk: number; kind: (typeof workKinds)[number]; customer: number | null }
  | { t: 'workAct'; desk: number; pick: number; action: number }
  | { t: 'comment'; desk: number; pick: number }
  /** Both desks run the rule; a desk named twice runs it once (the second run finds the item). */
  | { t: 'followUp'; desks: [number, number]; pick: number; event: number }
  /** A write of kb_articles past the article service (and its permission check). */
  | { t: 'kbDirect'; desk: number; op: 'edit' | 'create' | 'delete'; pick: number };

export function capabilityArbs(desks: number): fc.WeightedArbitrary<CapabilityCommand>[] {
  const desk = fc.integer({ min: 0, max: desks - 1 });
  const twoDesks = fc.tuple(desk, desk).filter(([a, b]) => a !== b);
  return [
    { weight: 1, arbitrary: fc.record({ t: fc.constant('kbCreate' as const), desk, title: fc.nat({ max: titles.length - 1 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('kbEdit' as const), desk, pick: fc.nat(), body: fc.nat({ max: bodies.length - 1 }), draft: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('workCreate' as const), desk, kind: fc.constantFrom(...workKinds), customer: fc.option(fc.nat(), { nil: null }) }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('workAct' as const), desk, pick: fc.nat(), action: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('comment' as const), desk, pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('followUp' as const), desks: twoDesks, pick: fc.nat(), event: fc.nat({ max: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('kbDirect' as const), desk, op: fc.constantFrom('edit' as const, 'create' as const, 'delete' as const), pick: fc.nat() }) },
  ];
}


export interface CapabilityDesk {
  desk: TestDesk;
  userName: string;
  role: Role;
}

function contextOf(d: CapabilityDesk, now: Date): WorkflowContext {
  return {
    sqlite: d.desk.sqlite,
    dataDir: d.desk.dir,
    session: { userName: d.userName, role: d.role, locale: 'zh-CN' },
    now: () => now,
    emit: () => undefined,
    log: { info: () => undefined, error: () => undefined },
  };
}

const pickUid = (d: CapabilityDesk, table: string, pick: number): string | null => {
  const uids = d.desk.sqlite.prepare(`SELECT uid FROM ${table} WHERE uid IS NOT NULL ORDER BY uid`).pluck().all() as string[];
  return uids.length ? uids[pick % uids.length] : null;
};
const idOf = (d: CapabilityDesk, table: string, uid: string) => d.desk.sqlite.prepare(`SELECT id FROM ${table} WHERE uid = ?`).pluck().get(uid) as number | undefined;
const outboxSeq = (d: CapabilityDesk) => d.desk.sqlite.prepare(`SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'sync_outbox'`).pluck().get() as number;

/** What the KB service must do on a desk whose role may not edit: refuse, queue nothing. */
function expectRefused(d: CapabilityDesk, write: () => unknown): void {
  const before = outboxSeq(d);
  try {
    write();
  } catch (error) {
    if (!(error instanceof DeskError) || error.code !== 'forbidden') throw error;
    if (outboxSeq(d) !== before) throw new Error(`a refused KB write on a ${d.role} desk queued a mutation`);
    return;
  }
  throw new Error(`a ${d.role} desk was allowed to write the knowledge base`);
}

function articleFields(title: string, body: string, status: 'published' | 'draft'): KbArticleFields {
  return {
    title, body, category: 'maintenance', tags: ['首保'], models: [], mileage: { min: null, max: null }, ageMonths: { min: null, max: null }, status, author: null,
  };
}

/** Runs one capability step on the desk(s) it names; the caller logs what was queued. */
export function runCapabilityCommand(command: CapabilityCommand, desks: CapabilityDesk[], now: Date): void {
  switch (command.t) {
    case 'kbCreate': {
      const d = desks[command.desk];
      const write = () => createArticle(contextOf(d, now), articleFields(titles[command.title], bodies[command.title], 'published'));
      if (can(d.role, 'editKnowledge')) write();
      else expectRefused(d, write);
      return;
    }
    case 'kbEdit': {
      const d = desks[command.desk];
      const uid = pickUid(d, 'kb_articles', command.pick);
      if (!uid) return;
      const id = idOf(d, 'kb_articles', uid)!;
      const row = d.desk.sqlite.prepare('SELECT title FROM kb_articles WHERE id = ?').get(id) as { title: string };
      const write = () => editArticle(contextOf(d, now), id, articleFields(row.title, bodies[command.body], command.draft ? 'draft' : 'published'), { note: `edit ${command.body}` });
      if (can(d.role, 'editKnowledge')) write();
      else expectRefused(d, write);
      return;
    }
    case 'workCreate': {
      const d = desks[command.desk];
      const customerUid = command.customer === null ? null : pickUid(d, 'customers', command.customer);
      createWorkItem(contextOf(d, now), {
        kind: command.kind, title: `${command.kind} 工单`, description: '客户来电', category: command.kind === 'complaint' ? 'repair_quality' : null, priority: 'normal',
        customerId: customerUid ? idOf(d, 'customers', customerUid)! : null, fields: kindFields[command.kind],
      });
      return;
    }
    case 'workAct': {
      const d = desks[command.desk];
      const uid = pickUid(d, 'work_items', command.pick);
      if (!uid) return;
      const id = idOf(d, 'work_items', uid)!;
      const item = d.desk.sqlite.prepare('SELECT kind, status FROM work_items WHERE id = ?').get(id) as { kind: WorkItemKind; status: string };
      const machine = machineFor(item.kind);
      const actions = allowedActions(machine, item.status, d.role);
      if (actions.length === 0) return;
      const action = actions[command.action % actions.length];
      const def = (machine.actions as Record<string, ActionDef<string>>)[action];
      transitionWorkItem(contextOf(d, now), { id, action, assignee: def.needsAssignee ? '小李' : undefined, note: def.needsNote ? `${action} 已处理` : undefined });
      return;
    }
    case 'comment': {
      const d = desks[command.desk];
      const uid = pickUid(d, 'work_items', command.pick);
      if (uid) commentOnWorkItem(contextOf(d, now), idOf(d, 'work_items', uid)!, `${d.userName} 已回电`);
      return;
    }
    case 'followUp': {
      // The same rule for the same event on two desks before either syncs: one item per rule.
      const [a, b] = command.desks.map((i) => desks[i]);
      const customerUid = pickUid(a, 'customers', command.pick);
      if (!customerUid || idOf(b, 'customers', customerUid) === undefined) return;
      const event = { trigger: 'delivery' as const, eventDate: '2026-11-20', eventKey: `vehicle:${customerUid}:${command.event}` };
      for (const d of [a, b]) planFollowUps(contextOf(d, now), { ...event, customerId: idOf(d, 'customers', customerUid)! });
      return;
    }
    case 'kbDirect': {
      // Plain SQL as a desk without the service's checks would write; change capture queues it.
      const sqlite = desks[command.desk].desk.sqlite;
      if (command.op === 'create') {
        const uid = randomUUID();
        sqlite
          .prepare(`INSERT INTO kb_articles (uid, slug, title, body, category, status, updated_by) VALUES (?, ?, ?, ?, 'policy', 'published', ?)`)
          .run(uid, `direct/${uid.slice(0, 8)}`, '直接写入的文章', bodies[3], desks[command.desk].userName);
        return;
      }
      const uid = pickUid(desks[command.desk], 'kb_articles', command.pick);
      if (!uid) return;
      const id = idOf(desks[command.desk], 'kb_articles', uid)!;
      if (command.op === 'delete') sqlite.transaction(() => deleteArticle(sqlite, id))();
      else sqlite.prepare(`UPDATE kb_articles SET title = title || '（改）', body = ?, updated_by = ? WHERE id = ?`).run(bodies[3], desks[command.desk].userName, id);
      return;
    }
  }
}
