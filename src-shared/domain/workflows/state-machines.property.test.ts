import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '../roles';
import { accidentMachine, allowedActions, complaintMachine, genericMachine, rescueMachine, transition, type Machine } from './state-machines';

const machines: Machine[] = [complaintMachine, rescueMachine, accidentMachine, genericMachine];
const allActions = [...new Set(machines.flatMap((m) => Object.keys(m.actions))), 'delete', 'approve', '__proto__', 'toString'];

function reachable(m: Machine): Set<string> {
  const seen = new Set([m.initial]);
  const queue = [m.initial];
  while (queue.length) {
    const s = queue.shift()!;
    for (const def of Object.values(m.actions)) if (def.from.includes(s)) {
      const to = def.to ?? s;
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

describe.each(machines.map((m) => [m.name, m] as const))('%s machine', (_name, m) => {
  it('never accepts a transition that is not in the table, from any state, for any role', () => {
    fc.assert(
      fc.property(fc.constantFrom(...m.states, 'bogus'), fc.constantFrom(...allActions), fc.constantFrom(...roles), fc.option(fc.string()), fc.option(fc.string()), (state, action, role, assignee, note) => {
        const r = transition(m, state, action, { role, assignee, note });
        const def = Object.prototype.hasOwnProperty.call(m.actions, action) ? (m.actions as Record<string, { from: readonly string[]; to?: string; roles?: readonly string[] }>)[action] : undefined;
        if (r.ok) {
          expect(def).toBeDefined();
          expect(def!.from).toContain(state);
          expect(r.to).toBe(def!.to ?? state);
          if (def!.roles) expect(def!.roles).toContain(role);
          expect(m.states).toContain(r.to);
        } else if (def && def.from.includes(state) && (!def.roles || def.roles.includes(role))) {
          expect(['assignee-required', 'note-required']).toContain(r.reason);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reaches closed from every reachable state', () => {
    for (const s of reachable(m)) {
      const sub: Machine = { ...m, initial: s };
      expect(reachable(sub).has('closed'), `${m.name}: ${s} cannot reach closed`).toBe(true);
    }
  });

  it('random walks of allowed actions stay inside the machine and can always be closed', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (picks) => {
        let state = m.initial;
        for (const p of picks) {
          const options = allowedActions(m, state, 'admin');
          if (options.length === 0) break;
          const r = transition(m, state, options[p % options.length], { role: 'admin', assignee: 'x', note: 'n' });
          expect(r.ok).toBe(true);
          if (r.ok) state = r.to;
        }
        expect(reachable({ ...m, initial: state }).has('closed')).toBe(true);
      }),
    );
  });
});

describe('complaint machine', () => {
  it('follows 受理 → 分发 → 处理 → 批示 → 跟踪 → 催办 → 回复 → closed, then reopens', () => {
    const steps: [string, string, string][] = [
      ['accepted', 'assign', 'assigned'], ['assigned', 'handle', 'handling'], ['handling', 'instruct', 'instructed'],
      ['instructed', 'track', 'tracking'], ['tracking', 'chase', 'tracking'], ['tracking', 'reply', 'replied'], ['replied', 'close', 'closed'], ['closed', 'reopen', 'assigned'],
    ];
    for (const [from, action, to] of steps) expect(transition(complaintMachine, from, action, { role: 'supervisor', assignee: '王经理', note: '处理意见' })).toEqual({ ok: true, to, changesState: from !== to });
  });
  it('lets only managers instruct and requires an assignee to assign', () => {
    expect(transition(complaintMachine, 'handling', 'instruct', { role: 'agent', note: 'x' })).toEqual({ ok: false, reason: 'role-not-allowed' });
    expect(transition(complaintMachine, 'accepted', 'assign', { role: 'agent' })).toEqual({ ok: false, reason: 'assignee-required' });
    expect(transition(complaintMachine, 'accepted', 'close', { role: 'admin' })).toEqual({ ok: false, reason: 'not-allowed-from-state' });
  });
});
