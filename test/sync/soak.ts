// npm run soak: 10,000 fault schedules (SOAK_RUNS to change), 3–5 desks, up to 60 commands
// (SOAK_SIZE=medium or large for longer schedules than fast-check's default 'small'), then a
// summary. A failure prints the seed and the shrunk schedule, and how to replay it.
import fc from 'fast-check';
import { ScheduleWorld, scheduleArb } from './schedules';

const runs = Number(process.env.SOAK_RUNS ?? 10_000);
const seed = process.env.SYNC_SEED ? Number(process.env.SYNC_SEED) : Date.now() ^ 0x5eed;
const world = await ScheduleWorld.start();
const started = Date.now();
let schedules = 0;
let mutations = 0;
let capabilityMutations = 0;
let conflicts = 0;
let rejected = 0;
const arb = fc.integer({ min: 3, max: 5 }).chain((desks) => scheduleArb(desks, 60, process.env.SOAK_SIZE as fc.SizeForArbitrary | undefined).map((commands) => ({ desks, commands })));
const result = await fc.check(
  fc.asyncProperty(arb, async ({ desks, commands }) => {
    const r = await world.run(commands, desks);
    schedules++;
    mutations += r.mutations;
    capabilityMutations += r.capabilityMutations;
    conflicts += r.conflicts;
    rejected += r.rejected;
    if (schedules % 100 === 0) console.error(`${schedules}/${runs} schedules, ${mutations} mutations, ${conflicts} conflict records, ${Math.round((Date.now() - started) / 1000)} s`);
  }),
  { numRuns: runs, seed, path: process.env.SYNC_PATH },
);
await world.close();
const summary = {
  schedules: result.numRuns,
  failed: result.failed,
  mutations,
  capabilityMutations,
  conflictRecords: conflicts,
  rejected,
  seconds: Math.round((Date.now() - started) / 1000),
  seed: result.seed,
  ...(result.failed ? { path: result.counterexamplePath, counterexample: result.counterexample, error: String(result.errorInstance ?? '').slice(0, 2000) } : {}),
};
console.log(JSON.stringify(summary, null, 2));
if (result.failed) console.log(`replay: SYNC_SEED=${result.seed} SYNC_PATH='${result.counterexamplePath}' SOAK_RUNS=1 npm run soak`);
process.exit(result.failed ? 1 : 0);
