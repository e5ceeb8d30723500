// WebSocket pokes: after a commit the server tells a dealership's connected desks "rev N
// exists"; data never travels here (it always comes through pull). Coalesced per dealership so
// a burst of pushes sends one poke per window with the latest rev. Every poke makes each
// connected desk pull (200 desks: 200 pulls), so a poke also waits, re-checking every window
// and at most maxHoldMs, while more than 5% of the dealership's desks are still pulling after
// the previous one: under load the pokes slow to the pace the server serves their pulls at,
// instead of piling wave on wave (a poke storm starves the pushes).
import type { WebSocket } from 'ws';

export class PokeHub {
  private readonly sockets = new Map<number, Set<WebSocket>>();
  private readonly pending = new Map<number, { rev: number; timer: NodeJS.Timeout; since: number }>();
  private pulling: (dealershipId: number) => number = () => 0;

  constructor(
    private readonly windowMs = 20,
    private readonly maxHoldMs = 250,
  ) {}

  /** How many pulls of a dealership are in flight (routes-sync.ts registers it). */
  countPullsWith(pulling: (dealershipId: number) => number): void {
    this.pulling = pulling;
  }

  add(dealershipId: number, socket: WebSocket): void {
    let set = this.sockets.get(dealershipId);
    if (!set) this.sockets.set(dealershipId, (set = new Set()));
    set.add(socket);
    socket.on('close', () => set.delete(socket));
  }

  poke(dealershipId: number, rev: number): void {
    const pending = this.pending.get(dealershipId);
    if (pending) {
      pending.rev = Math.max(pending.rev, rev);
      return;
    }
    const entry = { rev, since: Date.now(), timer: setTimeout(() => this.fire(dealershipId), this.windowMs) };
    this.pending.set(dealershipId, entry);
  }

  private fire(dealershipId: number): void {
    const entry = this.pending.get(dealershipId);
    if (!entry) return;
    const sockets = this.sockets.get(dealershipId);
    const busy = this.pulling(dealershipId) > Math.max(1, (sockets?.size ?? 0) / 20);
    if (busy && Date.now() - entry.since < this.maxHoldMs) {
      entry.timer = setTimeout(() => this.fire(dealershipId), this.windowMs);
      return;
    }
    this.pending.delete(dealershipId);
    const message = JSON.stringify({ type: 'poke', rev: entry.rev });
    for (const socket of sockets ?? []) if (socket.readyState === 1) socket.send(message);
  }

  connected(): number {
    let n = 0;
    for (const set of this.sockets.values()) n += set.size;
    return n;
  }

  closeAll(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    for (const set of this.sockets.values()) for (const socket of set) socket.terminate();
    this.sockets.clear();
  }
}
