// Random fault schedules for ≥ 3 desks and one server (issue 6, shared/docs/sync.md §C).
// A schedule is a list of commands: local creates/edits/deletes (including two desks editing
// the same field), capability records written through their services (capability-steps.ts:
// KB articles, work items, transitions, comments, one rule run on two desks, direct KB writes the
// server refuses), sync cycles through a fault-injecting proxy (dropped, answered-then-dropped,
// duplicated, delayed, replayed-later requests), a local write landing while a desk's sync is in
// flight (its first request has reached the server, the answer has not reached the desk),
// offline spells, a desk crashing inside its apply transaction and restarting, server restarts
// and a server push failing mid-batch.
// After it quiesces the checks are: every desk equals the server; every outbox is empty; every
// mutation a desk ever queued is in applied_mutations exactly once; every acknowledged write is
// still the current value or was overwritten by a later write, and every overwrite by a desk
// that had not seen the value is recorded as a conflict; every rejected mutation is a
// 'rejected' conflict record in the rejecting desk's inbox and the rejecting desk holds the
// server's version of that record again; SQLite integrity_check is ok (schedule-checks.ts).
// Used by fault-schedules.property.test.ts (CI) and soak.ts (npm run soak, 10,000 schedules).
import { hash } from '@node-rs/argon2';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { syncState } from '../../src-main/sync/sync-state';
import type { Role } from '../../src-shared/domain/roles';
import type { Sql } from '../../src-server/store/sql';
import { openStore } from '../../src-server/store/open-store';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { openTestDesk, type TestDesk } from './desk-harness';
import { startFaultProxy, type Fault, type FaultProxy } from './fault-proxy';
import { localWriteArbs, runLocalWrite, type LocalWrite } from './local-write-steps';
import { checkSchedule, type LoggedMutation, type ScheduleResult } from './schedule-checks';

const faults: Fault[] = ['pass', 'drop-request', 'drop-response', 'duplicate', 'delay', 'replay-later'];

export type Command =
  | LocalWrite
  | { t: 'sync'; desk: number; faults: Fault[] }
  /** `write` runs when the desk's first request of the cycle reaches the server, before any answer reaches the desk. */
  | { t: 'syncWhile'; desk: number; faults: Fault[]; write: LocalWrite }
  | { t: 'offline'; desk: number }
  | { t: 'online'; desk: number }
  | { t: 'crash'; desk: number }
  | { t: 'serverRestart' }
  | { t: 'serverCrashPush' };

export function commandArb(desks: number): fc.Arbitrary<Command> {
  const desk = fc.integer({ min: 0, max: desks - 1 });
  const faultList = fc.array(fc.constantFrom(...faults), { maxLength: 3 });
  return fc.oneof(
    ...localWriteArbs(desks),
    { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), desk, faults: faultList }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('syncWhile' as const), desk, faults: faultList, write: fc.oneof(...localWriteArbs(desks)) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('offline' as const), desk }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('online' as const), desk }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('crash' as const), desk }) },
    { weight: 1, arbitrary: fc.constant({ t: 'serverRestart' as const }) },
    { weight: 1, arbitrary: fc.constant({ t: 'serverCrashPush' as const }) },
  );
}

/**
 * Schedules that once broke (or that reach a path random ones seldom do), run before the random
 * ones in CI: two editors creating articles of one title (slug renumbered by the server); a
 * work item of a customer another desk deletes (reference cleared with it, push.ts); a work item
 * pulled after a snapshot that began before its customer existed (soak seed 413246177); two
 * desks moving a complaint apart offline (the later move is rejected, a conflict record, and
 * desk 2 gets the server's item back); a rule-made follow-up (work item + history entry) that
 * desk 1 makes while its pull of desk 0's copies is in flight: the server's rows win over the
 * pending creates it treats as no-ops (apply.ts rebase); direct KB writes of an agent desk the
 * server refuses (an edit, a create, a delete whose answer is lost): desk 0 gets the server's
 * article and its history back and loses the one the server never had.
 */
export const regressionSchedules: Command[][] = [
  // A customer deleted while another desk's first snapshot was cut short must not live on there.
  [{ t: 'create', desk: 1, number: 1 }, { t: 'crash', desk: 1 }, { t: 'sync', desk: 0, faults: [] }, { t: 'delete', desk: 0, pick: 0 }, { t: 'sync', desk: 0, faults: [] }],
  [{ t: 'kbCreate', desk: 1, title: 2 }, { t: 'create', desk: 0, number: 1 }, { t: 'sync', desk: 0, faults: [] }, { t: 'kbCreate', desk: 2, title: 2 }, { t: 'sync', desk: 1, faults: [] }],
  [
    { t: 'create', desk: 0, number: 1 }, { t: 'workCreate', desk: 0, kind: 'inquiry', customer: 0 }, { t: 'sync', desk: 0, faults: [] },
    { t: 'sync', desk: 1, faults: [] }, { t: 'delete', desk: 1, pick: 0 }, { t: 'sync', desk: 1, faults: [] },
  ],
  [
    { t: 'create', desk: 1, number: 1 }, { t: 'workCreate', desk: 1, kind: 'complaint', customer: 0 }, { t: 'edit', desk: 0, pick: 0, field: 'address', value: 0 },
    { t: 'sync', desk: 2, faults: ['pass', 'drop-request'] }, { t: 'crash', desk: 0 }, { t: 'sync', desk: 2, faults: ['pass', 'drop-response'] },
    { t: 'kbCreate', desk: 0, title: 0 },
  ],
  [
    { t: 'workCreate', desk: 1, kind: 'complaint', customer: null }, { t: 'sync', desk: 1, faults: [] }, { t: 'sync', desk: 0, faults: [] },
    { t: 'workAct', desk: 0, pick: 0, action: 0 }, { t: 'workAct', desk: 0, pick: 0, action: 1 }, { t: 'sync', desk: 0, faults: [] }, { t: 'sync', desk: 2, faults: [] },
    { t: 'workAct', desk: 0, pick: 0, action: 3 }, { t: 'workAct', desk: 2, pick: 0, action: 2 }, { t: 'sync', desk: 0, faults: [] }, { t: 'sync', desk: 2, faults: [] },
  ],
  [
    { t: 'create', desk: 0, number: 1 }, { t: 'sync', desk: 0, faults: [] }, { t: 'sync', desk: 1, faults: [] },
    { t: 'followUp', desks: [0, 0], pick: 0, event: 0 }, { t: 'sync', desk: 0, faults: [] },
    { t: 'syncWhile', desk: 1, faults: [], write: { t: 'followUp', desks: [1, 1], pick: 0, event: 0 } }, { t: 'sync', desk: 1, faults: [] },
  ],
  [
    { t: 'kbCreate', desk: 1, title: 0 }, { t: 'sync', desk: 1, faults: [] }, { t: 'sync', desk: 0, faults: [] },
    { t: 'kbDirect', desk: 0, op: 'edit', pick: 0 }, { t: 'kbDirect', desk: 0, op: 'create', pick: 0 }, { t: 'sync', desk: 0, faults: [] },
    { t: 'kbDirect', desk: 0, op: 'delete', pick: 0 }, { t: 'sync', desk: 0, faults: ['drop-response'] }, { t: 'sync', desk: 0, faults: [] },
  ],
];

/** `size` 'small' (fast-check's default) keeps most schedules to about 10 commands; the soak can ask for longer ones. */
export function scheduleArb(desks: number, maxLength: number, size?: fc.SizeForArbitrary): fc.Arbitrary<Command[]> {
  return fc.array(commandArb(desks), { minLength: 5, maxLength, size });
}

/** One server for many schedules; each schedule gets its own dealership. */
export class ScheduleWorld {
  private constructor(
    readonly server: TestServer,
    readonly sql: Sql,
    private readonly passwordHash: string,
    readonly serverFaults: { failNextPush: number },
  ) {}

  static async start(): Promise<ScheduleWorld> {
    const sql = await openStore({ kind: 'pglite' });
    const passwordHash = await hash(testPassword);
    const serverFaults = { failNextPush: 0 };
    const server = await startTestServer({
      sql,
      passwordHash,
      users: [],
      faults: {
        beforeCommit() {
          if (serverFaults.failNextPush > 0) {
            serverFaults.failNextPush--;
            throw new Error('injected server crash mid-batch');
          }
        },
      },
    });
    return new ScheduleWorld(server, sql, passwordHash, serverFaults);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.sql.close();
  }

  /** Runs one schedule; throws (with a readable message) when an invariant breaks. */
  async run(commands: Command[], deskCount = 3): Promise<ScheduleResult> {
    const tag = randomUUID().slice(0, 8);
    const [{ id: dealershipId }] = await this.sql.query<{ id: number }>('INSERT INTO dealerships (name) VALUES ($1) RETURNING id', [`schedule-${tag}`]);
    // Two of any three desks may edit the KB (supervisor, admin): concurrent article edits happen.
    const roles: Role[] = ['agent', 'supervisor', 'admin', 'sales', 'agent'];
    const proxies: FaultProxy[] = [];
    const desks: TestDesk[] = [];
    const crashNext: boolean[] = [];
    const beforeForward: ((() => void) | null)[] = [];
    const log = new Map<string, LoggedMutation>();
    try {
      for (let i = 0; i < deskCount; i++) {
        const username = `${tag}-d${i}`;
        await this.sql.query('INSERT INTO users (dealership_id, username, display_name, password_hash, role) VALUES ($1, $2, $2, $3, $4)', [dealershipId, username, this.passwordHash, roles[i % roles.length]]);
        beforeForward.push(null);
        proxies.push(
          await startFaultProxy(() => {
            const hook = beforeForward[i];
            beforeForward[i] = null;
            hook?.();
            return this.server.url;
          }),
        );
        crashNext.push(false);
        desks.push(this.openDesk(proxies[i].url, username, crashNext, i));
      }
      // Services queue several mutations per write (a work item and its history entry) by
      // trigger: after each command every desk's outbox is logged whole.
      const logQueued = () => {
        for (const desk of desks) {
          const deskId = syncState.deskId(desk.sqlite);
          const rows = desk.sqlite.prepare('SELECT * FROM sync_outbox').all() as { mutation_id: number; entity: string; uid: string; op: string; fields: string; base_rev: number }[];
          for (const row of rows) {
            log.set(`${deskId}:${row.mutation_id}`, { deskId, id: row.mutation_id, entity: row.entity, uid: row.uid, op: row.op, fields: JSON.parse(row.fields), baseRev: row.base_rev });
          }
        }
      };
      const now = new Date('2026-11-26T08:00:00Z');
      const writers = () => desks.map((desk, i) => ({ desk, userName: `${tag}-d${i}`, role: roles[i % roles.length] }));
      for (const command of commands) {
        switch (command.t) {
          case 'sync':
            proxies[command.desk].queue = [...command.faults];
            await desks[command.desk].engine.syncOnce();
            proxies[command.desk].queue = [];
            await proxies[command.desk].settle();
            break;
          case 'syncWhile': {
            // The write runs synchronously as the proxy forwards the desk's first request, so it
            // lands in the desk's database while the desk awaits that request's answer.
            let failure: unknown = null;
            let ran = false;
            beforeForward[command.desk] = () => {
              ran = true;
              try {
                runLocalWrite(command.write, writers(), now);
                logQueued(); // the same cycle may push it before this command ends
              } catch (error) {
                failure = error;
              }
            };
            proxies[command.desk].queue = [...command.faults];
            await desks[command.desk].engine.syncOnce();
            proxies[command.desk].queue = [];
            beforeForward[command.desk] = null;
            await proxies[command.desk].settle();
            if (failure) throw failure;
            if (!ran) runLocalWrite(command.write, writers(), now); // offline: nothing was forwarded
            break;
          }
          case 'offline':
            proxies[command.desk].offline = true;
            break;
          case 'online':
            proxies[command.desk].offline = false;
            break;
          case 'crash': {
            // The next apply transaction throws before commit, then the desk "process" restarts.
            crashNext[command.desk] = true;
            await desks[command.desk].engine.syncOnce();
            await proxies[command.desk].settle();
            const reopened = desks[command.desk];
            await reopened.close();
            crashNext[command.desk] = false;
            desks[command.desk] = this.openDesk(proxies[command.desk].url, `${tag}-d${command.desk}`, crashNext, command.desk, reopened.dir);
            break;
          }
          case 'serverRestart':
            await this.server.stopHttp();
            await this.server.startHttp();
            break;
          case 'serverCrashPush':
            this.serverFaults.failNextPush = 1;
            break;
          default:
            runLocalWrite(command, writers(), now);
        }
        logQueued();
      }
      this.serverFaults.failNextPush = 0;
      await this.quiesce(desks, proxies);
      return await checkSchedule(this.sql, dealershipId, desks, log);
    } finally {
      for (const desk of desks) await desk.close();
      for (const proxy of proxies) await proxy.close();
    }
  }

  private openDesk(url: string, username: string, crashNext: boolean[], i: number, dir?: string): TestDesk {
    return openTestDesk({
      serverUrl: url,
      username,
      password: testPassword,
      dir,
      pullLimit: 3,
      snapshotLimit: 4,
      faults: {
        beforeCommit() {
          if (crashNext[i]) {
            crashNext[i] = false;
            throw new Error('injected desk crash mid-apply');
          }
        },
      },
    });
  }

  private async quiesce(desks: TestDesk[], proxies: FaultProxy[]): Promise<void> {
    for (const proxy of proxies) {
      proxy.offline = false;
      proxy.queue = [];
    }
    for (let round = 0; round < 6; round++) {
      let ok = true;
      for (const desk of desks) ok = (await desk.engine.syncOnce()) && ok;
      for (const proxy of proxies) await proxy.settle();
      const pending = desks.reduce((n, d) => n + (d.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number), 0);
      if (ok && pending === 0 && round >= 1) {
        // One more full round so every desk has pulled everything the others pushed.
        for (const desk of desks) if (!(await desk.engine.syncOnce())) throw new Error('sync failed after quiescence');
        return;
      }
    }
    throw new Error(`did not quiesce: ${desks.map((d) => JSON.stringify(d.engine.status().lastError)).join(', ')}`);
  }
}
