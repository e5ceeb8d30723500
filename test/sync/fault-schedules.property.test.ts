// CI run of the fault schedules (schedules.ts): SYNC_SCHEDULES (default 150, about 2 minutes here) random schedules
// of 3 desks. A failure prints fast-check's seed and shrunk schedule; replay it with
// SYNC_SEED=<seed> SYNC_PATH=<path>.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScheduleWorld, scheduleArb } from './schedules';

describe('fault schedules: 3 desks, one server', () => {
  let world: ScheduleWorld;
  beforeAll(async () => {
    world = await ScheduleWorld.start();
  }, 180_000);
  afterAll(async () => world?.close());

  it('converges with nothing lost and nothing applied twice', async () => {
    let mutations = 0;
    await fc.assert(
      fc.asyncProperty(scheduleArb(3, 30), async (commands) => {
        const result = await world.run(commands, 3);
        mutations += result.mutations;
      }),
      {
        numRuns: Number(process.env.SYNC_SCHEDULES ?? 150),
        seed: process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : undefined,
        path: process.env.SYNC_PATH,
        endOnFailure: false,
      },
    );
    expect(mutations).toBeGreaterThan(0);
  }, 900_000);
});
