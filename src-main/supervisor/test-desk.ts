// A real desk for the issue-9 integration tests: a SQLite file in a temp folder, the full
// handler table behind the dispatcher (input, role and output checks), a settable clock and role.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Method, Output } from '../../src-shared/contract/index';
import type { Role } from '../../src-shared/domain/roles';
import { createDispatcher } from '../contract/dispatcher';
import { insertCustomers, type NewCustomerRecord } from '../customers/customer-writer';
import { openDatabase } from '../db/open';
import type { DeskContext } from '../host/context';
import { handlers } from '../host/handlers';

export function testDesk(start = '2024-06-15T02:00:00Z') {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-issue9-'));
  const { sqlite, db } = openDatabase(join(dataDir, 'desk.sqlite'));
  let now = new Date(start);
  const emitted: [string, unknown][] = [];
  const ctx: DeskContext = {
    sqlite, db, dataDir, host: 'browser',
    session: { userName: '主管王', role: 'supervisor', locale: 'zh-CN' },
    now: () => now,
    emit: (event, payload) => void emitted.push([event, payload]),
    log: { info: () => {}, error: (message, meta) => console.error(message, meta) },
  };
  const dispatch = createDispatcher({ handlers, context: ctx, role: () => ctx.session.role, log: ctx.log, validateOutput: true });
  async function call<M extends Method>(method: M, input: unknown): Promise<Output<M>> {
    const r = await dispatch(method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
    return r.value as Output<M>;
  }
  async function fails(method: Method, input: unknown): Promise<string> {
    const r = await dispatch(method, input);
    if (r.ok) throw new Error(`${method} succeeded`);
    return r.error.code;
  }
  return {
    ctx, sqlite, emitted, call, fails, dataDir,
    as(userName: string, role: Role) {
      ctx.session = { ...ctx.session, userName, role };
    },
    setNow(iso: string) {
      now = new Date(iso);
    },
    customer(r: Partial<NewCustomerRecord> & { name: string }): number {
      return insertCustomers(sqlite, [{ phones: [], vehicles: [], ...r }], now)[0];
    },
    vehicleOf(customerId: number): number {
      return sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ? ORDER BY id LIMIT 1').pluck().get(customerId) as number;
    },
    visit(customerId: number, vehicleId: number, date: string, kind: string, byAppointment = false, amount: number | null = null, advisor: string | null = null): void {
      sqlite.prepare('INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind, by_appointment, amount_yuan, advisor) VALUES (?, ?, ?, ?, ?, ?, ?)').run(customerId, vehicleId, date, kind, byAppointment ? 1 : 0, amount, advisor);
    },
  };
}
