// Shared pulls. A poke makes every connected desk of a dealership pull at once, and desks that
// were up to date ask the same question ("changes after rev N, this scope, this page size").
// One REPEATABLE READ read answers all of them that arrive while it runs, serialised to JSON
// once; only lastMutationId is the desk's own (one lookup for all the desks that joined, after
// the snapshot: lastAcknowledged in store/pull.ts says why that gives the same answer).
// Freshness: a desk poked for rev P must get a snapshot that holds P. A read may only be joined
// if no push transaction of that dealership ended since the read started (`generation`, bumped
// by the push queue before any push is answered or poked), so its snapshot is at least as new
// as anything the joining desk was told about.
import type { PullResponse } from '../../src-shared/domain/sync/protocol';
import { lastAcknowledged, pullChanges, type Reader } from '../store/pull';
import { scopeKey } from '../store/scope';
import type { Sql } from '../store/sql';

type Pulled = PullResponse & { scope: string };

interface Read {
  generation: number;
  result: Promise<{ pulled: Pulled; prefix: string }>;
  /** Desks that joined this read; their lastMutationIds come from one query once it is done. */
  joiners: Set<string>;
  acks: Promise<Map<string, number>>;
}

export class SharedPulls {
  private readonly reads = new Map<string, Read>();
  private readonly generations = new Map<number, number>();
  private readonly inFlight = new Map<number, number>();
  /** Reads started and joined (for tests and the bench's log). */
  readonly counts = { reads: 0, joined: 0 };

  constructor(private readonly sql: Sql) {}

  /** A push transaction of this dealership ended: reads started before it may not be joined. */
  settled(dealershipId: number): void {
    this.generations.set(dealershipId, (this.generations.get(dealershipId) ?? 0) + 1);
  }

  /** Pulls of this dealership being answered now. */
  pulling(dealershipId: number): number {
    return this.inFlight.get(dealershipId) ?? 0;
  }

  /** The pull's JSON body. */
  async pull(reader: Reader, after: number, limit: number): Promise<string> {
    const id = reader.dealershipId;
    this.inFlight.set(id, this.pulling(id) + 1);
    try {
      return await this.answer(reader, after, limit);
    } finally {
      if (this.pulling(id) <= 1) this.inFlight.delete(id);
      else this.inFlight.set(id, this.pulling(id) - 1);
    }
  }

  private async answer(reader: Reader, after: number, limit: number): Promise<string> {
    const key = `${reader.dealershipId}\n${scopeKey(reader.scope)}\n${after}\n${limit}`;
    const generation = this.generations.get(reader.dealershipId) ?? 0;
    const running = this.reads.get(key);
    if (running && running.generation === generation) {
      this.counts.joined++;
      running.joiners.add(reader.deskId);
      const [{ prefix }, acks] = await Promise.all([running.result, running.acks]);
      return `${prefix},"lastMutationId":${acks.get(reader.deskId) ?? 0}}`;
    }
    this.counts.reads++;
    const result = pullChanges(this.sql, reader, after, limit).then((pulled) => {
      const { lastMutationId: _own, ...shared } = pulled;
      return { pulled, prefix: JSON.stringify(shared).slice(0, -1) };
    });
    const read: Read = {
      generation,
      result,
      joiners: new Set(),
      // The desks that joined, all in one lookup; nobody joins once it has started.
      acks: result.then(({ pulled }) => {
        if (this.reads.get(key) === read) this.reads.delete(key);
        return lastAcknowledged(this.sql, [...read.joiners], pulled.nextRev);
      }),
    };
    read.acks.catch(() => undefined);
    this.reads.set(key, read);
    try {
      const { pulled, prefix } = await read.result;
      return `${prefix},"lastMutationId":${pulled.lastMutationId}}`;
    } finally {
      if (this.reads.get(key) === read) this.reads.delete(key);
    }
  }
}
