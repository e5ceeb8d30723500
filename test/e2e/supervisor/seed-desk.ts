// A small desk seeded by hand so every dashboard figure is known (the same desk as
// src-main/supervisor/supervisor.integration.test.ts; today 2024-06-15, range 2024-01..2024-06):
//  客户一 (顾问甲) maintenance 2023-07-01, maintenance 2024-01-10 (appointment), repair 2024-03-05
//  客户二 (顾问甲) maintenance 2023-08-01 and nothing since → at risk, counts against 顾问甲
//  客户三 (顾问乙) first maintenance 2024-04-02 (appointment), accident 2024-05-20
//  客户四 (顾问乙) no visits → new, class D
// Calls in June: 3 inbound (2 answered: 100 s and 200 s talk, 1 abandoned), 1 outbound (60 s).
// Visits 4, by appointment 2 → 50 %; due maintenance met 1 of 2 → 50 %; renewals 1 of 3 → 33.3 %;
// 3DC completed 1 of 2 → 50 %; leads 2 (one lost).
import type { Desk } from '../../../src-main/host/desk';
import { insertCustomers, type NewCustomerRecord } from '../../../src-main/customers/customer-writer';
import { planFollowUps, recordFollowUp } from '../../../src-main/workflows/follow-up-service';

export const seedToday = new Date('2024-06-15T02:00:00Z');

async function call(desk: Desk, method: string, input: unknown): Promise<{ id: number }> {
  const r = await desk.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as { id: number };
}

export async function seedSmallDesk(desk: Desk) {
  const { sqlite } = desk.context;
  const customer = (r: Partial<NewCustomerRecord> & { name: string }) => insertCustomers(sqlite, [{ phones: [], vehicles: [], ...r }], seedToday)[0];
  const vehicleOf = (id: number) => sqlite.prepare('SELECT id FROM vehicles WHERE customer_id = ? ORDER BY id LIMIT 1').pluck().get(id) as number;
  const visit = sqlite.prepare('INSERT INTO service_visits (customer_id, vehicle_id, visit_date, kind, by_appointment, amount_yuan, advisor) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const c1 = customer({ number: 'SV0001', name: '客户一', advisorName: '顾问甲', phones: [{ raw: '13811112222' }], vehicles: [{ plate: '粤B11111', model: '凯美瑞' }] });
  const c2 = customer({ number: 'SV0002', name: '客户二', advisorName: '顾问甲', phones: [{ raw: '13822223333' }], vehicles: [{ plate: '粤B22222', model: '卡罗拉' }] });
  const c3 = customer({ number: 'SV0003', name: '客户三', advisorName: '顾问乙', phones: [{ raw: '13833334444' }], vehicles: [{ plate: '粤B33333', model: '汉兰达' }] });
  const c4 = customer({ number: 'SV0004', name: '客户四', advisorName: '顾问乙', phones: [{ raw: '13844445555' }], vehicles: [{ plate: '粤B44444' }] });
  const [v1, v2, v3] = [vehicleOf(c1), vehicleOf(c2), vehicleOf(c3)];
  visit.run(c1, v1, '2023-07-01', 'maintenance', 0, null, null);
  visit.run(c1, v1, '2024-01-10', 'maintenance', 1, null, '顾问甲');
  visit.run(c1, v1, '2024-03-05', 'repair', 0, 1000, '顾问甲');
  visit.run(c2, v2, '2023-08-01', 'maintenance', 0, null, null);
  visit.run(c3, v3, '2024-04-02', 'first_maintenance', 1, null, '顾问乙');
  visit.run(c3, v3, '2024-05-20', 'accident', 0, 12000, '顾问乙');
  const log = sqlite.prepare(`INSERT INTO call_log (uid, direction, remote_number, remote_normalized, customer_id, agent, ring_at, answer_at, end_at, talk_seconds, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  log.run('k1', 'inbound', '13811112222', '13811112222', c1, '坐席A', '2024-06-03T01:30:00.000Z', '2024-06-03T01:30:05.000Z', '2024-06-03T01:31:45.000Z', 100, 'answered');
  log.run('k2', 'inbound', '13822223333', '13822223333', c2, '坐席A', '2024-06-03T01:45:00.000Z', null, '2024-06-03T01:45:30.000Z', null, 'missed');
  log.run('k3', 'inbound', '13833334444', '13833334444', c3, '坐席B', '2024-06-04T06:00:00.000Z', '2024-06-04T06:00:10.000Z', '2024-06-04T06:03:30.000Z', 200, 'answered');
  log.run('k4', 'outbound', '13844445555', '13844445555', c4, '坐席B', '2024-06-05T02:00:00.000Z', '2024-06-05T02:00:09.000Z', '2024-06-05T02:01:09.000Z', 60, 'answered');

  const session = { ...desk.context.session };
  desk.context.session.role = 'supervisor';
  desk.context.session.userName = '主管王';
  const items = [{ code: 'compulsory', premiumYuan: 950 }, { code: 'vehicle_damage', sumInsuredYuan: 150000, premiumYuan: 2100 }];
  const p1 = await call(desk, 'insurance.policies.create', { vehicleId: v1, insurer: '平安', startDate: '2023-07-01', endDate: '2024-06-30', items });
  const p2 = await call(desk, 'insurance.policies.create', { vehicleId: v2, insurer: '人保', startDate: '2023-06-21', endDate: '2024-06-20', items: items.slice(0, 1) });
  await call(desk, 'insurance.policies.create', { vehicleId: v3, insurer: '太平洋', startDate: '2023-06-26', endDate: '2024-06-25', items });
  planFollowUps(desk.context, { trigger: 'repair', eventDate: '2024-03-05', eventKey: 'visit:r1', customerId: c1, vehicleId: v1 });
  const [done] = planFollowUps(desk.context, { trigger: 'accident_repair', eventDate: '2024-05-20', eventKey: 'visit:a1', customerId: c3, vehicleId: v3 });
  recordFollowUp(desk.context, { id: done, outcome: 'completed' });
  await call(desk, 'insurance.renewals.update', { policyId: p1.id, stage: 'renewed', newPolicy: { insurer: '平安', startDate: '2024-07-01', endDate: '2025-06-30', items: items.slice(0, 1) } });
  await call(desk, 'insurance.renewals.update', { policyId: p2.id, stage: 'lost', lostReason: 'price' });
  const lead = await call(desk, 'sales.leads.create', { customerId: c4, models: ['汉兰达'] });
  await call(desk, 'sales.leads.update', { id: lead.id, stage: 'test_drive' });
  const lead2 = await call(desk, 'sales.leads.create', { customerId: c2, models: ['卡罗拉'] });
  await call(desk, 'sales.leads.update', { id: lead2.id, stage: 'contacted' });
  await call(desk, 'sales.leads.update', { id: lead2.id, stage: 'lost', lostReason: '预算不足' });
  Object.assign(desk.context.session, session);
  return { c1, c2, c3, c4 };
}
