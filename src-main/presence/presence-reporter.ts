// This desk's presence (src-shared/domain/presence/protocol.ts): the renderer reports its
// softphone state on every change; the reporter sends it to the dealership server at once and
// again every presenceHeartbeatMs, so the server can tell a silent desk from an idle one. One
// request at a time; a change during a request is sent right after it.
import type { DeskPresence } from '../../src-shared/contract/presence';
import { presenceHeartbeatMs, type PresenceReport } from '../../src-shared/domain/presence/protocol';
import type { DeskContext } from '../host/context';
import { presenceSession } from './presence-session';

export interface ReportedPresence {
  presence: DeskPresence;
  /** The popped card's customer, read from this desk's cache. */
  customerName: string | null;
}

export class PresenceReporter {
  private current: ReportedPresence | null = null;
  private sending = false;
  private again = false;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly ctx: DeskContext,
    private readonly heartbeatMs = presenceHeartbeatMs,
  ) {}

  latest(): ReportedPresence | null {
    return this.current;
  }

  update(presence: DeskPresence): ReportedPresence {
    const customerId = presence.call?.customerId ?? null;
    const customerName = customerId === null ? null : ((this.ctx.sqlite.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(customerId) as string | undefined) ?? null);
    this.current = { presence, customerName };
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => {
        if (!this.ctx.sqlite.open) return this.stop();
        void this.send();
      }, this.heartbeatMs);
      this.heartbeat.unref();
    }
    void this.send();
    return this.current;
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Sends the latest presence now (coalesced); resolves when nothing is left to send. */
  async send(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = true;
    try {
      do {
        this.again = false;
        const session = presenceSession(this.ctx);
        if (!session || !this.current) return;
        try {
          await session.request('POST', '/presence', wireReport(session.id, this.current, this.ctx.now()));
        } catch {
          // Offline: the next heartbeat tries again; the server shows this desk as stale meanwhile.
        }
      } while (this.again);
    } finally {
      this.sending = false;
    }
  }
}

export function wireReport(deskId: string, { presence, customerName }: ReportedPresence, now: Date): PresenceReport {
  const call = presence.call;
  return {
    deskId,
    extension: presence.extension,
    phoneRegistered: presence.phoneRegistered,
    state: presence.state,
    reason: presence.state === 'not_ready' ? presence.reason : null,
    stateSince: presence.stateSince,
    call: call ? { direction: call.direction, phase: call.phase, number: call.number, customerName: call.customerId === null ? null : customerName, since: call.since, queue: call.queue } : null,
    sentAt: now.toISOString(),
  };
}
