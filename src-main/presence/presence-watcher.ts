// The board as this desk's supervisor sees it. presence.list answers with the board now and
// takes a lease: while the view keeps asking (at least every leaseMs) a long poll on the
// server's GET /presence pushes every change to the renderer as presence.changed. Without a
// dealership server, or when it cannot be reached or refuses, the board holds this desk only
// and says why (`problem`).
import type { PresenceView } from '../../src-shared/contract/presence';
import { shownNumber } from '../../src-shared/domain/presence/presence';
import { PresenceListSchema } from '../../src-shared/domain/presence/protocol';
import type { DeskContext } from '../host/context';
import { syncState } from '../sync/sync-state';
import type { PresenceReporter } from './presence-reporter';
import { presenceSession } from './presence-session';

export interface WatcherOptions {
  leaseMs?: number;
  waitMs?: number;
  retryMs?: number;
}

type Problem = NonNullable<PresenceView['problem']>;

export class PresenceWatcher {
  private leaseUntil = 0;
  private running = false;
  private version: number | null = null;
  private lastProblem: Problem | null = null;
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly ctx: DeskContext,
    private readonly reporter: PresenceReporter,
    options: WatcherOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 90_000;
    this.waitMs = options.waitMs ?? 25_000;
    this.retryMs = options.retryMs ?? 5_000;
  }

  async list(): Promise<PresenceView> {
    this.leaseUntil = this.ctx.now().getTime() + this.leaseMs;
    const view = await this.fetch(null);
    this.kick();
    return view;
  }

  /** The session came or went, or this desk's presence changed without a server to echo it. */
  changed(): void {
    if (!this.leased()) return;
    if (presenceSession(this.ctx)) this.kick();
    else this.ctx.emit('presence.changed', this.localView(this.noSessionProblem()));
  }

  private leased(): boolean {
    return this.ctx.now().getTime() < this.leaseUntil && this.ctx.sqlite.open;
  }

  private kick(): void {
    if (this.running || !presenceSession(this.ctx)) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
    });
  }

  private async loop(): Promise<void> {
    while (this.leased() && presenceSession(this.ctx)) {
      const before = this.version;
      const problem = this.lastProblem;
      const view = await this.fetch(this.version);
      if (view.problem !== problem || this.version !== before) this.ctx.emit('presence.changed', view);
      if (view.problem) await new Promise((resolve) => setTimeout(resolve, this.retryMs).unref());
    }
  }

  private async fetch(after: number | null): Promise<PresenceView> {
    const session = presenceSession(this.ctx);
    if (!session) return this.localView(this.noSessionProblem());
    let problem: Problem;
    try {
      const result = await session.request('GET', after === null ? '/presence' : `/presence?after=${after}&waitMs=${this.waitMs}`);
      if (result?.status === 200) {
        const list = PresenceListSchema.parse(result.body);
        this.version = list.version;
        this.lastProblem = null;
        return { source: 'server', problem: null, serverNow: list.serverNow, entries: list.entries.map((e) => ({ ...e, self: e.deskId === session.id })) };
      }
      problem = result === null ? 'signed-out' : result.status === 403 ? 'forbidden' : 'server-error';
    } catch {
      problem = 'offline';
    }
    this.lastProblem = problem;
    return this.localView(problem);
  }

  private noSessionProblem(): Problem {
    return syncState.server(this.ctx.sqlite) ? 'signed-out' : 'no-server';
  }

  /** This desk alone, from its last report, on its own clock. */
  localView(problem: Problem): PresenceView {
    const now = this.ctx.now().toISOString();
    const latest = this.reporter.latest();
    if (!latest) return { source: 'local', problem, serverNow: now, entries: [] };
    const { presence, customerName } = latest;
    const role = this.ctx.session.role;
    const call = presence.call
      ? { direction: presence.call.direction, phase: presence.call.phase, number: shownNumber(presence.call.number, role), customerName: presence.call.customerId === null ? null : customerName, since: presence.call.since, queue: presence.call.queue }
      : null;
    return {
      source: 'local',
      problem,
      serverNow: now,
      entries: [{
        deskId: presenceSession(this.ctx)?.id ?? 'local', extension: presence.extension, phoneRegistered: presence.phoneRegistered, state: presence.state,
        reason: presence.state === 'not_ready' ? presence.reason : null, stateSince: presence.stateSince, call,
        userName: this.ctx.session.userName, role, lastSeenAt: now, stale: false, self: true,
      }],
    };
  }
}
