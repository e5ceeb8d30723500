import { describe, expect, it } from 'vitest';
import { holdRetry, requestHold, type HoldableSession } from './hold-request';

/** A call that refuses hold/unhold while a re-INVITE is in flight, as JsSIP's RTCSession does. */
function call() {
  const state = { held: false, busy: false, ended: false, reinvites: 0 };
  const reinvite = (held: boolean) => {
    if (state.ended || state.busy || state.held === held) return false;
    state.held = held;
    state.busy = true;
    state.reinvites++;
    return true;
  };
  const session: HoldableSession = { isEnded: () => state.ended, isOnHold: () => ({ local: state.held }), hold: () => reinvite(true), unhold: () => reinvite(false) };
  return { state, session, answered: () => (state.busy = false) };
}

function clock() {
  let now = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    later: (fn: () => void, ms: number) => void timers.push({ at: now + ms, fn }),
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > until) break;
        const t = timers.shift()!;
        now = t.at;
        t.fn();
      }
      now = until;
    },
    pending: () => timers.length,
  };
}

describe('hold and unhold while a re-INVITE is in flight', () => {
  it("an unhold asked for during the consult's hold re-INVITE happens once that one is answered", () => {
    const c = call();
    const t = clock();
    let wanted = true;
    requestHold(c.session, () => wanted, t.later);
    expect(c.state).toMatchObject({ held: true, busy: true });
    wanted = false; // the conference, clicked before the hold's 200 OK
    requestHold(c.session, () => wanted, t.later);
    expect(c.state.held).toBe(true);
    t.advance(250);
    expect(c.state.held).toBe(true); // still waiting for the answer
    c.answered();
    t.advance(100);
    expect(c.state).toMatchObject({ held: false, reinvites: 2 });
    expect(t.pending()).toBe(0);
  });

  it('the last request wins: hold, unhold, hold again while busy ends held with no extra re-INVITE', () => {
    const c = call();
    const t = clock();
    let wanted = true;
    requestHold(c.session, () => wanted, t.later);
    wanted = false;
    requestHold(c.session, () => wanted, t.later);
    wanted = true;
    c.answered();
    t.advance(1000);
    expect(c.state).toMatchObject({ held: true, reinvites: 1 });
  });

  it('gives up when the call ends or the far end never answers', () => {
    const ended = call();
    const t = clock();
    requestHold(ended.session, () => true, t.later);
    requestHold(ended.session, () => false, t.later);
    ended.state.ended = true;
    t.advance(holdRetry.maxMs * 2);
    expect(t.pending()).toBe(0);
    const silent = call();
    requestHold(silent.session, () => true, t.later);
    requestHold(silent.session, () => false, t.later);
    t.advance(holdRetry.maxMs + 1000);
    expect(t.pending()).toBe(0);
    expect(silent.state.held).toBe(true);
  });
});
