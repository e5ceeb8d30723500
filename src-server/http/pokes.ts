// WebSocket pokes: after a commit the server tells a dealership's connected desks "rev N
// exists"; data never travels here (it always comes through pull). Coalesced per dealership so
// a burst of pushes sends one poke per window.
import type { WebSocket } from 'ws';

export class PokeHub {
  private readonly sockets = new Map<number, Set<WebSocket>>();
  private readonly pending = new Map<number, { rev: number; timer: NodeJS.Timeout }>();

  constructor(private readonly windowMs = 30) {}

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
    const entry = {
      rev,
      timer: setTimeout(() => {
        this.pending.delete(dealershipId);
        const message = JSON.stringify({ type: 'poke', rev: entry.rev });
        for (const socket of this.sockets.get(dealershipId) ?? []) if (socket.readyState === 1) socket.send(message);
      }, this.windowMs),
    };
    this.pending.set(dealershipId, entry);
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
