// CI run of the fault schedules (schedules.ts): the regression schedules, then SYNC_SCHEDULES
// (default 150, about 2 minutes here) random schedules of 3 desks, customers and capability
// records alike; prints the totals (mutations, conflict records, rejections). A failure prints
// fast-check's seed and shrunk schedule; replay it with SYNC_SEED=<seed> SYNC_PATH=<path>.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regressionSchedules, ScheduleWorld, scheduleArb } from './schedules';

describe('fault schedules: 3 desks, one server', () => {
  let world: ScheduleWorld;
  beforeAll(async () => {
    world = await ScheduleWorld.start();
  }, 180_000);
  afterAll(async () => world?.close());

  it('converges with nothing lost and nothing applied twice', async () => {
    const totals = { schedules: 0, mutations: 0, capabilityMutations: 0, conflicts: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(scheduleArb(3, 30), async (commands) => {
        const result = await world.run(commands, 3);
        totals.schedules++;
        totals.mutations += result.mutations;
        totals.capabilityMutations += result.capabilityMutations;
        totals.conflicts += result.conflicts;
        totals.rejected += result.rejected;
      }),
      {
        numRuns: Number(process.env.SYNC_SCHEDULES ?? 150),
        seed: process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : undefined,
        path: process.env.SYNC_PATH,
        examples: regressionSchedules.map((schedule) => [schedule] as [typeof schedule]),
        endOnFailure: false,
      },
    );
    console.log(`fault schedules: ${JSON.stringify(totals)}`);
    expect(totals.mutations).toBeGreaterThan(0);
    if (!process.env.SYNC_PATH) {
      // The regression schedules alone write capability records and have rejections (each restored on its desk).
      expect(totals.capabilityMutations).toBeGreaterThan(0);
      expect(totals.rejected).toBeGreaterThan(0);
    }
  }, 900_000);
});
