// A real desk on a temp SQLite file for workflow integration tests: a settable clock, a
// switchable role and user, and a couple of customers with vehicles and service visits.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../src-main/contract/dispatcher';
import { insertCustomers } from '../../src-main/customers/customer-writer';
import { openDatabase } from '../../src-main/db/open';
import type { DeskContext } from '../../src-main/host/context';
import { handlers } from '../../src-main/host/handlers';
import type { Input, Method, Output } from '../../src-shared/contract/index';
import type { Role } from '../../src-shared/domain/roles';

/** Shanghai wall time → Date ('2026-11-26T10:00' is a Thursday). */
export const sh = (local: string) => new Date(`${local}:00+08:00`);

export function workflowDesk(start = sh('2026-11-26T10:00')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-workflows-'));
  const { sqlite, db } = openDatabase(join(dataDir, 'desk.sqlite'));
  let now = start;
  const events: [string, unknown][] = [];
  const ctx: DeskContext = {
    sqlite, db, dataDir, host: 'browser',
    session: { userName: '坐席小王', role: 'agent', locale: 'zh-CN' },
    now: () => now,
    emit: (event, payload) => events.push([event, payload]),
    log: { info: () => {}, error: (m, meta) => console.error(m, meta) },
  };
  const dispatch = createDispatcher({ handlers, context: ctx, role: () => ctx.session.role, log: ctx.log, validateOutput: true });
  async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
    const r = await dispatch(method, input);
    if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { code: r.error.code });
    return r.value as Output<M>;
  }
  async function fails<M extends Method>(method: M, input: Input<M>): Promise<string> {
    const r = await dispatch(method, input);
    if (r.ok) throw new Error(`${method} unexpectedly succeeded`);
    return r.error.code;
  }
  return {
    ctx, sqlite, dataDir, events, call, fails,
    setNow: (d: Date) => {
      now = d;
    },
    as: (userName: string, role: Role) => {
      ctx.session.userName = userName;
      ctx.session.role = role;
    },
  };
}

export type TestDesk = ReturnType<typeof workflowDesk>;

/** Two customers: 张伟 (粤B12345, advisor 李顾问, email) and 王芳 (粤B67890, VIP). */
export function seedCustomers(desk: TestDesk) {
  const [zhang, wang] = insertCustomers(
    desk.sqlite,
    [
      { name: '张伟', gender: 'M', email: 'zhang.wei@example.com', advisorName: '李顾问', birthday: '1985-11-28', phones: [{ raw: '13800138001' }], vehicles: [{ plate: '粤B12345', model: '途胜ix35', purchaseDate: '2024-06-01', mileageKm: 30000, insuranceExpiry: '2026-12-20' }] },
      { name: '王芳', gender: 'F', category: 'VIP', phones: [{ raw: '13900139002' }], vehicles: [{ plate: '粤B67890', model: '悦动', purchaseDate: '2025-01-10' }] },
    ],
    desk.ctx.now(),
  );
  const vehicle = (customerId: number) => desk.sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ?').pluck().get(customerId) as number;
  return { zhang, wang, zhangCar: vehicle(zhang), wangCar: vehicle(wang) };
}

export function addVisit(desk: TestDesk, customerId: number, vehicleId: number, date: string, kind: string, km: number | null = null) {
  return Number(
    desk.sqlite.prepare('INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind, mileage_km, advisor) VALUES (?, ?, ?, ?, ?, ?)').run(customerId, vehicleId, date, kind, km, '李顾问').lastInsertRowid,
  );
}
