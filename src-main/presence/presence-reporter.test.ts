import { afterEach, describe, expect, it } from 'vitest';
import type { DeskPresence } from '../../src-shared/contract/presence';
import type { PresenceReport } from '../../src-shared/domain/presence/protocol';
import { testDesk } from '../supervisor/test-desk';
import { PresenceReporter } from './presence-reporter';
import { setPresenceSession } from './presence-session';

const ready: DeskPresence = { extension: '8003', phoneRegistered: true, state: 'ready', reason: 'meeting', stateSince: '2024-06-15T01:59:00.000Z', call: null };

describe('presence reporter', () => {
  let reporter: PresenceReporter | null = null;
  afterEach(() => reporter?.stop());

  it('sends a change at once, one request at a time, then heartbeats the latest state', async () => {
    const desk = testDesk();
    const customerId = desk.customer({ name: '司马来电' });
    const sent: PresenceReport[] = [];
    let release: (() => void) | null = null;
    setPresenceSession(desk.ctx, {
      id: 'desk-under-test',
      async request(_method, _path, body) {
        sent.push(body as PresenceReport);
        if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
        return { status: 200, body: { ok: true } };
      },
    });
    reporter = new PresenceReporter(desk.ctx, 100);
    reporter.update(ready);
    reporter.update({ ...ready, state: 'break' });
    reporter.update({ ...ready, state: 'on_call', call: { direction: 'outbound', phase: 'connected', number: '13812345678', customerId, since: '2024-06-15T02:00:00.000Z', queue: null } });
    expect(sent).toHaveLength(1);
    release!();
    await new Promise((r) => setTimeout(r, 20));
    // The change made during the first request is sent right after it, only the latest one.
    expect(sent.map((r) => r.state)).toEqual(['ready', 'on_call']);
    expect(sent[0]).toMatchObject({ deskId: 'desk-under-test', reason: null, sentAt: '2024-06-15T02:00:00.000Z' });
    expect(sent[1].call).toEqual({ direction: 'outbound', phase: 'connected', number: '13812345678', customerName: '司马来电', since: '2024-06-15T02:00:00.000Z', queue: null });
    await new Promise((r) => setTimeout(r, 350));
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(sent.slice(2).every((r) => r.state === 'on_call')).toBe(true);
  });

  it('sends nothing without a session and keeps quiet when the server is unreachable', async () => {
    const desk = testDesk();
    reporter = new PresenceReporter(desk.ctx, 50);
    reporter.update(ready);
    await reporter.send();
    let attempts = 0;
    setPresenceSession(desk.ctx, { id: 'd', request: async () => { attempts++; throw new Error('ECONNREFUSED'); } });
    await reporter.send();
    expect(attempts).toBe(1);
    expect(reporter.latest()?.presence.state).toBe('ready');
  });
});
