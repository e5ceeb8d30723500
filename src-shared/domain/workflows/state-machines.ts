// The status machines of work items, defined once here and enforced by main (and by the
// server, which imports src-shared). A machine is a table of actions: from which states an
// action is allowed, the state it leads to (omitted = stays), and which roles may take it.
// Invariants (property-tested): only listed transitions are accepted, and from every state
// reachable from the initial one, `closed` is reachable.
//   complaint (seed 000): 受理 accept → 分发 assign → 处理 handle → 批示 instruct → 跟踪 track →
//     催办 chase → 回复 reply → closed, with reopen.
//   rescue (seed 000 派车派工, seed 004): requested → dispatched → on_the_way → on_site →
//     result_reported → returned → closed (the result is reported back to the customer).
//   accident (事故报险): reported → assessing → in_repair → repaired → closed.
//   generic (inquiry, suggestion, follow-up, callback, survey): open → in_progress → closed.
import type { Role } from '../roles';
import type { WorkItemKind } from './kinds';

export interface ActionDef<S extends string> {
  from: readonly S[];
  to?: S;
  roles?: readonly Role[];
  /** The action needs an assignee (user name) in its input. */
  needsAssignee?: boolean;
  /** The action needs a note (what was done / instructed / replied). */
  needsNote?: boolean;
}

export interface Machine<S extends string = string, A extends string = string> {
  name: string;
  initial: S;
  states: readonly S[];
  actions: Readonly<Record<A, ActionDef<S>>>;
}

const managers: readonly Role[] = ['supervisor', 'admin'];

export const complaintStates = ['accepted', 'assigned', 'handling', 'instructed', 'tracking', 'replied', 'closed'] as const;
export type ComplaintState = (typeof complaintStates)[number];
const complaintWorking = ['assigned', 'handling', 'instructed', 'tracking'] as const;

export const complaintMachine: Machine<ComplaintState> = {
  name: 'complaint',
  initial: 'accepted',
  states: complaintStates,
  actions: {
    assign: { from: ['accepted', ...complaintWorking], to: 'assigned', needsAssignee: true },
    handle: { from: ['assigned', 'instructed', 'tracking'], to: 'handling' },
    instruct: { from: ['accepted', 'assigned', 'handling', 'tracking'], to: 'instructed', roles: managers, needsNote: true },
    track: { from: ['handling', 'instructed'], to: 'tracking' },
    chase: { from: complaintWorking },
    reply: { from: ['handling', 'instructed', 'tracking'], to: 'replied', needsNote: true },
    close: { from: ['replied'], to: 'closed' },
    reopen: { from: ['replied', 'closed'], to: 'assigned', needsNote: true },
  },
};

export const rescueStates = ['requested', 'dispatched', 'on_the_way', 'on_site', 'result_reported', 'returned', 'closed'] as const;
export type RescueState = (typeof rescueStates)[number];

export const rescueMachine: Machine<RescueState> = {
  name: 'rescue',
  initial: 'requested',
  states: rescueStates,
  actions: {
    dispatch: { from: ['requested', 'dispatched'], to: 'dispatched', needsAssignee: true },
    depart: { from: ['dispatched'], to: 'on_the_way' },
    arrive: { from: ['on_the_way'], to: 'on_site' },
    report_result: { from: ['on_site'], to: 'result_reported', needsNote: true },
    return: { from: ['result_reported'], to: 'returned' },
    close: { from: ['returned'], to: 'closed' },
    cancel: { from: ['requested', 'dispatched', 'on_the_way'], to: 'closed', needsNote: true },
  },
};

export const accidentStates = ['reported', 'assessing', 'in_repair', 'repaired', 'closed'] as const;
export type AccidentState = (typeof accidentStates)[number];

export const accidentMachine: Machine<AccidentState> = {
  name: 'accident',
  initial: 'reported',
  states: accidentStates,
  actions: {
    assign: { from: ['reported', 'assessing', 'in_repair'], needsAssignee: true },
    assess: { from: ['reported'], to: 'assessing' },
    start_repair: { from: ['reported', 'assessing'], to: 'in_repair' },
    progress: { from: ['in_repair'], needsNote: true },
    finish_repair: { from: ['in_repair'], to: 'repaired' },
    close: { from: ['reported', 'assessing', 'repaired'], to: 'closed' },
    reopen: { from: ['closed'], to: 'in_repair', needsNote: true },
  },
};

export const genericStates = ['open', 'in_progress', 'closed'] as const;
export type GenericState = (typeof genericStates)[number];

export const genericMachine: Machine<GenericState> = {
  name: 'generic',
  initial: 'open',
  states: genericStates,
  actions: {
    assign: { from: ['open', 'in_progress'], needsAssignee: true },
    start: { from: ['open'], to: 'in_progress' },
    attempt: { from: ['open', 'in_progress'] },
    close: { from: ['open', 'in_progress'], to: 'closed' },
    reopen: { from: ['closed'], to: 'in_progress', needsNote: true },
  },
};

export function machineFor(kind: WorkItemKind): Machine {
  switch (kind) {
    case 'complaint':
      return complaintMachine;
    case 'rescue':
      return rescueMachine;
    case 'accident':
      return accidentMachine;
    default:
      return genericMachine;
  }
}

export type TransitionRefusal = 'unknown-action' | 'not-allowed-from-state' | 'role-not-allowed' | 'assignee-required' | 'note-required';
export type TransitionResult = { ok: true; to: string; changesState: boolean } | { ok: false; reason: TransitionRefusal };

export function transition(
  machine: Machine,
  from: string,
  action: string,
  ctx: { role: Role; assignee?: string | null; note?: string | null },
): TransitionResult {
  if (!Object.prototype.hasOwnProperty.call(machine.actions, action)) return { ok: false, reason: 'unknown-action' };
  const def = (machine.actions as Record<string, ActionDef<string>>)[action];
  if (!def.from.includes(from)) return { ok: false, reason: 'not-allowed-from-state' };
  if (def.roles && !def.roles.includes(ctx.role)) return { ok: false, reason: 'role-not-allowed' };
  if (def.needsAssignee && !ctx.assignee?.trim()) return { ok: false, reason: 'assignee-required' };
  if (def.needsNote && !ctx.note?.trim()) return { ok: false, reason: 'note-required' };
  const to = def.to ?? from;
  return { ok: true, to, changesState: to !== from };
}

/** Actions that may be taken from `state` by `role` (for buttons; main re-checks). */
export function allowedActions(machine: Machine, state: string, role: Role): string[] {
  return Object.entries(machine.actions as Record<string, ActionDef<string>>)
    .filter(([, def]) => def.from.includes(state) && (!def.roles || def.roles.includes(role)))
    .map(([name]) => name);
}

export function isClosed(state: string): boolean {
  return state === 'closed';
}
