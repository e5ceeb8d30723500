// Group commit for pushes. Pushes of one dealership are serialised by its row lock anyway, so
// instead of each request taking a pool connection to wait on that lock, they queue here: one
// group per dealership runs at a time, and the pushes that arrive meanwhile form the next
// group: one lock acquisition, one desks statement, one rev update and one commit for many
// desks (applyPushGroup). Nobody waits for a group to fill: a push arriving at an idle queue
// runs at once. Each push still gets its own outcome, and only after the commit that holds it.
// A group that throws rolls back as a whole, so its pushes are retried one by one: one desk's
// bad batch fails only that desk's request.
import { applyPush, applyPushGroup, type PushActor, type PushFaults, type PushJob, type PushOutcome } from './push';
import type { PushRequest } from '../../src-shared/domain/sync/protocol';
import type { Sql } from './sql';

interface Waiting extends PushJob {
  resolve: (outcome: PushOutcome) => void;
  reject: (error: unknown) => void;
}

export interface PushQueueOptions {
  faults?: PushFaults;
  /** A group closes at this many mutations (the next push starts the next group). */
  maxGroupMutations?: number;
  onGroup?: (size: number) => void;
  /** After every transaction a lane ran (committed or not), before its pushes are answered. */
  onSettled?: (dealershipId: number) => void;
}

export class PushQueue {
  private readonly lanes = new Map<number, Waiting[]>();

  constructor(
    private readonly sql: Sql,
    private readonly options: PushQueueOptions = {},
  ) {}

  push(actor: PushActor, request: PushRequest, now: Date): Promise<PushOutcome> {
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { actor, request, now, resolve, reject };
      const lane = this.lanes.get(actor.dealershipId);
      if (lane) {
        lane.push(waiting);
        return;
      }
      this.lanes.set(actor.dealershipId, [waiting]);
      void this.drain(actor.dealershipId);
    });
  }

  /** Runs groups until the dealership's lane is empty; the lane's presence means "running". */
  private async drain(dealershipId: number): Promise<void> {
    const lane = this.lanes.get(dealershipId)!;
    while (lane.length > 0) {
      const group = this.take(lane);
      this.options.onGroup?.(group.length);
      try {
        const outcomes = await applyPushGroup(this.sql, group, this.options.faults);
        this.options.onSettled?.(dealershipId);
        group.forEach((waiting, i) => waiting.resolve(outcomes[i]));
      } catch (error) {
        this.options.onSettled?.(dealershipId);
        if (group.length === 1) group[0].reject(error);
        else for (const waiting of group) await this.alone(waiting);
      }
    }
    this.lanes.delete(dealershipId);
  }

  private take(lane: Waiting[]): Waiting[] {
    const max = this.options.maxGroupMutations ?? 2000;
    let mutations = 0;
    let n = 0;
    while (n < lane.length && (n === 0 || mutations + lane[n].request.mutations.length <= max)) mutations += lane[n++].request.mutations.length;
    return lane.splice(0, n);
  }

  private async alone(waiting: Waiting): Promise<void> {
    try {
      const outcome = await applyPush(this.sql, waiting.actor, waiting.request, waiting.now, this.options.faults);
      this.options.onSettled?.(waiting.actor.dealershipId);
      waiting.resolve(outcome);
    } catch (error) {
      this.options.onSettled?.(waiting.actor.dealershipId);
      waiting.reject(error);
    }
  }
}
