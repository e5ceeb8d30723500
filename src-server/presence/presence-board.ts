// The dealership server's presence board (protocol: src-shared/domain/presence/protocol.ts):
// in memory, per dealership, one entry per desk. Its version rises when what a viewer would see
// changes (a different report, or a silent desk heard from again), not on a mere heartbeat, so
// a long-polling supervisor desk is only woken for news.
import type { Role } from '../../src-shared/domain/roles';
import { isStale, maskedCall, rebase, visibleEntries } from '../../src-shared/domain/presence/presence';
import { presenceForgetMs, type PresenceEntry, type PresenceList, type PresenceReport } from '../../src-shared/domain/presence/protocol';

/** Desks per dealership kept at most (a forged flood of desk ids cannot grow memory without bound). */
const maxDesks = 2_000;

interface Board {
  version: number;
  desks: Map<string, PresenceEntry>;
  waiters: Set<() => void>;
}

export interface Reporter {
  userName: string;
  role: Role;
}

export class PresenceBoard {
  private readonly boards = new Map<number, Board>();

  private board(dealershipId: number): Board {
    let board = this.boards.get(dealershipId);
    if (!board) this.boards.set(dealershipId, (board = { version: 0, desks: new Map(), waiters: new Set() }));
    return board;
  }

  report(dealershipId: number, who: Reporter, report: PresenceReport, now: Date): void {
    const board = this.board(dealershipId);
    const received = now.getTime();
    const { sentAt, ...fields } = report;
    const entry: PresenceEntry = {
      ...fields,
      stateSince: rebase(report.stateSince, sentAt, received),
      call: report.call ? { ...report.call, since: rebase(report.call.since, sentAt, received) } : null,
      userName: who.userName,
      role: who.role,
      lastSeenAt: now.toISOString(),
      stale: false,
    };
    const before = board.desks.get(report.deskId);
    board.desks.set(report.deskId, entry);
    this.prune(board, received);
    if (!before || isStale(before.lastSeenAt, received) || !sameContent(before, entry)) this.bump(board);
  }

  /** The dealership's desks as `viewer` may see them (numbers masked per roles.ts seeFullPhones). */
  list(dealershipId: number, viewer: Role, now: Date): PresenceList {
    const board = this.board(dealershipId);
    const at = now.getTime();
    const entries = visibleEntries([...board.desks.values()], at).map((e) => ({ ...e, stale: isStale(e.lastSeenAt, at), call: maskedCall(e.call, viewer) }));
    return { version: board.version, serverNow: now.toISOString(), entries };
  }

  version(dealershipId: number): number {
    return this.board(dealershipId).version;
  }

  /** Resolves when the dealership's version passes `after`, or after `ms` (or at shutdown). */
  wait(dealershipId: number, after: number, ms: number): Promise<void> {
    const board = this.board(dealershipId);
    if (board.version !== after || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        board.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      board.waiters.add(done);
    });
  }

  closeAll(): void {
    for (const board of this.boards.values()) for (const done of [...board.waiters]) done();
  }

  private bump(board: Board): void {
    board.version++;
    for (const done of [...board.waiters]) done();
  }

  private prune(board: Board, now: number): void {
    for (const [deskId, entry] of board.desks) if (now - Date.parse(entry.lastSeenAt) >= presenceForgetMs) board.desks.delete(deskId);
    if (board.desks.size <= maxDesks) return;
    const oldest = [...board.desks.entries()].sort((a, b) => a[1].lastSeenAt.localeCompare(b[1].lastSeenAt));
    for (const [deskId] of oldest.slice(0, board.desks.size - maxDesks)) board.desks.delete(deskId);
  }
}

function sameContent(a: PresenceEntry, b: PresenceEntry): boolean {
  // The rebased times move by the network delay on every heartbeat; a second of jitter is not news.
  const close = (x: string, y: string) => Math.abs(Date.parse(x) - Date.parse(y)) < 2_000;
  const callSame = a.call === null || b.call === null
    ? a.call === b.call
    : a.call.direction === b.call.direction && a.call.phase === b.call.phase && a.call.number === b.call.number && a.call.customerName === b.call.customerName
      && a.call.queue === b.call.queue && close(a.call.since, b.call.since);
  return a.userName === b.userName && a.role === b.role && a.extension === b.extension && a.phoneRegistered === b.phoneRegistered && a.state === b.state
    && a.reason === b.reason && close(a.stateSince, b.stateSince) && callSame;
}
