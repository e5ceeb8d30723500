import { describe, expect, it } from 'vitest';
import { canListenTo, elapsedSince, formatDuration, isStale, rebase, shownNumber, shownState, visibleEntries } from './presence';
import { PresenceReportSchema, presenceStaleMs } from './protocol';

const t0 = Date.parse('2026-05-06T02:00:00.000Z');
const at = (ms: number) => new Date(t0 + ms).toISOString();

describe('staleness', () => {
  it('counts a desk as offline once it has been silent for 45 s, not before', () => {
    expect(presenceStaleMs).toBe(45_000);
    expect(isStale(at(0), t0 + 44_999)).toBe(false);
    expect(isStale(at(0), t0 + 45_000)).toBe(true);
    expect(shownState({ state: 'on_call', lastSeenAt: at(0) }, t0 + 10_000)).toBe('on_call');
    expect(shownState({ state: 'on_call', lastSeenAt: at(0) }, t0 + 60_000)).toBe('offline');
  });

  it('treats an unreadable time as stale', () => {
    expect(isStale('not a time', t0)).toBe(true);
  });
});

describe('rebase onto the receiver clock', () => {
  it('shifts desk times by the clock difference and never into the future', () => {
    // The desk clock runs 30 s ahead: it sent at +30 s what the server received at 0.
    expect(rebase(at(-60_000 + 30_000), at(30_000), t0)).toBe(at(-60_000));
    expect(rebase(at(5_000), at(0), t0)).toBe(at(0));
  });
});

describe('the other party’s number', () => {
  it('is formatted in full for supervisors and admins and masked for every other role', () => {
    expect(shownNumber('13812345678', 'supervisor')).toBe('138 1234 5678');
    expect(shownNumber('13812345678', 'admin')).toBe('138 1234 5678');
    expect(shownNumber('13812345678', 'agent')).toBe('138****5678');
    expect(shownNumber('020-8765 4321', 'advisor')).toBe('020-****4321');
    expect(shownNumber('02087654321', 'sales')).toBe('020-****4321');
    expect(shownNumber('', 'agent')).toBeNull();
    expect(shownNumber(null, 'supervisor')).toBeNull();
  });

  it('never shows more to an agent than the last digits of an odd number', () => {
    expect(shownNumber('anonymous', 'agent')).not.toContain('anon');
    expect(shownNumber('8002', 'agent')).toBe('**02');
  });
});

describe('durations', () => {
  it('reads mm:ss under an hour and h:mm:ss above; negative spans are zero', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_400)).toBe('01:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5_000)).toBe('00:00');
  });

  it('ticks with the viewer clock corrected by its offset from the server', () => {
    // Viewer clock 2 s ahead of the server.
    expect(elapsedSince(at(0), t0 + 2_000 + 7_000, 2_000)).toBe(7_000);
    expect(elapsedSince(at(0), t0 + 8_000, 2_000)).toBe(6_000);
  });
});

describe('visible entries', () => {
  const entry = (userName: string, deskId: string, seen: number, extension: string | null = null) => ({ userName, deskId, extension, lastSeenAt: at(seen) });

  it('hides the silent desk of a user who is live on another desk, keeps other silent desks as offline', () => {
    const now = t0 + 100_000;
    const shown = visibleEntries([entry('李四', 'old', 0), entry('李四', 'new', 90_000), entry('张三', 'z', 0)], now);
    expect(shown.map((e) => e.deskId)).toEqual(['new', 'z']);
  });

  it('forgets desks silent for 12 hours and sorts by name then extension', () => {
    const now = t0 + 13 * 3600_000;
    const shown = visibleEntries([entry('b', '1', 0), entry('a', '2', now - t0 - 1000, '8002'), entry('a', '3', now - t0 - 1000, '8001')], now);
    expect(shown.map((e) => e.deskId)).toEqual(['3', '2']);
  });
});

describe('listen button', () => {
  const call = { direction: 'inbound' as const, phase: 'connected' as const, number: '13812345678', customerName: null, since: at(0), queue: null };
  it('is offered for a live desk with an extension and a call in progress only', () => {
    expect(canListenTo({ extension: '8002', call, lastSeenAt: at(0) }, t0 + 1000)).toBe(true);
    expect(canListenTo({ extension: '8002', call: { ...call, phase: 'ringing' }, lastSeenAt: at(0) }, t0 + 1000)).toBe(false);
    expect(canListenTo({ extension: null, call, lastSeenAt: at(0) }, t0 + 1000)).toBe(false);
    expect(canListenTo({ extension: '8002', call, lastSeenAt: at(0) }, t0 + 50_000)).toBe(false);
    expect(canListenTo({ extension: '8002', call: null, lastSeenAt: at(0) }, t0 + 1000)).toBe(false);
  });
});

describe('report schema', () => {
  it('refuses unknown states and unreadable times', () => {
    const ok = { deskId: 'd', extension: '8001', phoneRegistered: true, state: 'ready', reason: null, stateSince: at(0), call: null, sentAt: at(0) };
    expect(PresenceReportSchema.safeParse(ok).success).toBe(true);
    expect(PresenceReportSchema.safeParse({ ...ok, state: 'asleep' }).success).toBe(false);
    expect(PresenceReportSchema.safeParse({ ...ok, stateSince: 'yesterday' }).success).toBe(false);
  });
});
