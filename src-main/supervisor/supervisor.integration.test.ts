// The supervisor's figures on a hand-built desk (today 2024-06-15, period 2024-01..2024-06):
//  C1 (顾问甲) maintenance 2023-07-01, maintenance 2024-01-10 (appointment), repair 2024-03-05 (¥1000)
//  C2 (顾问甲) maintenance 2023-08-01 and nothing since            → at risk, counts against 顾问甲
//  C3 (顾问乙) first maintenance 2024-04-02 (appointment), accident 2024-05-20 (¥12000)
//  C4 (顾问乙) no visits                                          → new, class D
// Visits in the period: 4 (one of each kind but warranty), 2 by appointment → 50 %.
// Due maintenance: C1's due 2024-01-01 met on 01-10; C2's due 2024-02-01 missed → 1/2.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planFollowUps, recordFollowUp } from '../workflows/follow-up-service';
import { testDesk } from './test-desk';

async function seeded() {
  const d = testDesk('2024-06-15T02:00:00Z');
  const c1 = d.customer({ name: '客户一', advisorName: '顾问甲', phones: [{ raw: '13811112222' }], vehicles: [{ plate: '粤B11111', model: '凯美瑞' }] });
  const c2 = d.customer({ name: '客户二', advisorName: '顾问甲', phones: [{ raw: '13822223333' }], vehicles: [{ plate: '粤B22222', model: '卡罗拉' }] });
  const c3 = d.customer({ name: '客户三', advisorName: '顾问乙', phones: [{ raw: '13833334444' }], vehicles: [{ plate: '粤B33333', model: '汉兰达' }] });
  const c4 = d.customer({ name: '客户四', advisorName: '顾问乙', phones: [{ raw: '13844445555' }], vehicles: [{ plate: '粤B44444' }] });
  const [v1, v2, v3] = [d.vehicleOf(c1), d.vehicleOf(c2), d.vehicleOf(c3)];
  d.visit(c1, v1, '2023-07-01', 'maintenance');
  d.visit(c1, v1, '2024-01-10', 'maintenance', true, null, '顾问甲');
  d.visit(c1, v1, '2024-03-05', 'repair', false, 1000, '顾问甲');
  d.visit(c2, v2, '2023-08-01', 'maintenance');
  d.visit(c3, v3, '2024-04-02', 'first_maintenance', true, null, '顾问乙');
  d.visit(c3, v3, '2024-05-20', 'accident', false, 12000, '顾问乙');
  const call = d.sqlite.prepare(`INSERT INTO call_log (uid, direction, remote_number, remote_normalized, customer_id, agent, ring_at, answer_at, end_at, talk_seconds, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  call.run('k1', 'inbound', '13811112222', '13811112222', c1, '坐席A', '2024-06-03T01:30:00.000Z', '2024-06-03T01:30:05.000Z', '2024-06-03T01:31:45.000Z', 100, 'answered');
  call.run('k2', 'inbound', '13822223333', '13822223333', c2, '坐席A', '2024-06-03T01:45:00.000Z', null, '2024-06-03T01:45:30.000Z', null, 'missed');
  call.run('k3', 'inbound', '13833334444', '13833334444', c3, '坐席B', '2024-06-04T06:00:00.000Z', '2024-06-04T06:00:10.000Z', '2024-06-04T06:03:30.000Z', 200, 'answered');
  call.run('k4', 'outbound', '13844445555', '13844445555', c4, '坐席B', '2024-06-05T02:00:00.000Z', '2024-06-05T02:00:09.000Z', '2024-06-05T02:01:09.000Z', 60, 'answered');
  // Renewals: three policies ending in June — renewed, lost (price), still due → 1/3.
  const items = [{ code: 'compulsory', premiumYuan: 950 }, { code: 'vehicle_damage', sumInsuredYuan: 150000, premiumYuan: 2100 }];
  const p1 = await d.call('insurance.policies.create', { vehicleId: v1, insurer: '平安', startDate: '2023-07-01', endDate: '2024-06-30', items });
  const p2 = await d.call('insurance.policies.create', { vehicleId: v2, insurer: '人保', startDate: '2023-06-21', endDate: '2024-06-20', items: items.slice(0, 1) });
  const p3 = await d.call('insurance.policies.create', { vehicleId: v3, insurer: '太平洋', startDate: '2023-06-26', endDate: '2024-06-25', items });
  return { ...d, c1, c2, c3, c4, v1, v2, v3, p1, p2, p3 };
}

describe('supervisor dashboard on seeded data', () => {
  it('shows the hand-computed figures and drills down to their records', async () => {
    const d = await seeded();
    // Follow-ups: 3DC after C1's repair (not reached) and after C3's accident (completed).
    planFollowUps(d.ctx, { trigger: 'repair', eventDate: '2024-03-05', eventKey: 'visit:r1', customerId: d.c1, vehicleId: d.v1 });
    const [done] = planFollowUps(d.ctx, { trigger: 'accident_repair', eventDate: '2024-05-20', eventKey: 'visit:a1', customerId: d.c3, vehicleId: d.v3 });
    recordFollowUp(d.ctx, { id: done, outcome: 'completed' });
    await d.call('insurance.renewals.update', { policyId: d.p1.id, stage: 'quoted', quoteYuan: 3000 });
    await d.call('insurance.renewals.update', { policyId: d.p1.id, stage: 'renewed', newPolicy: { insurer: '平安', startDate: '2024-07-01', endDate: '2025-06-30', items: [{ code: 'compulsory', premiumYuan: 950 }] } });
    expect(await d.fails('insurance.renewals.update', { policyId: d.p2.id, stage: 'lost' })).toBe('invalid-input');
    await d.call('insurance.renewals.update', { policyId: d.p2.id, stage: 'lost', lostReason: 'price' });
    d.as('销售李', 'sales');
    const lead = await d.call('sales.leads.create', { customerId: d.c4, models: ['汉兰达'] });
    await d.call('sales.leads.update', { id: lead.id, stage: 'test_drive' });
    const lead2 = await d.call('sales.leads.create', { customerId: d.c2, models: ['卡罗拉'] });
    await d.call('sales.leads.update', { id: lead2.id, stage: 'contacted' });
    await d.call('sales.leads.update', { id: lead2.id, stage: 'lost', lostReason: '预算不足' });
    d.as('坐席A', 'agent');
    expect(await d.fails('supervisor.dashboard', { from: '2024-01', to: '2024-06' })).toBe('forbidden');
    d.as('主管王', 'supervisor');
    const refreshed = await d.call('supervisor.refresh', {});
    expect(refreshed.customers).toBe(4);
    const dash = await d.call('supervisor.dashboard', { from: '2024-01', to: '2024-06' });

    expect(dash.calls.summary).toMatchObject({ inbound: 3, outbound: 1, answered: 2, abandoned: 1 });
    expect(dash.calls.summary.answerRate).toBeCloseTo(2 / 3);
    expect(dash.calls.summary.avgTalkSeconds).toBeCloseTo(120); // (100 + 200 + 60) / 3
    expect(dash.calls.byHour[9]).toEqual({ hour: 9, inbound: 2, answered: 1, abandoned: 1, outbound: 0 });
    expect(dash.calls.byHour[14].inbound).toBe(1);
    expect(dash.calls.byHour[10].outbound).toBe(1);

    expect(dash.visits).toMatchObject({ total: 4, byAppointment: 2, appointmentRate: 0.5 });
    expect(dash.visits.byMonth.map((m) => m.total)).toEqual([1, 0, 1, 1, 1, 0]);
    expect(dash.visits.byMonth[0]).toMatchObject({ month: '2024-01', maintenance: 1, byAppointment: 1 });
    expect(dash.dueMaintenance).toMatchObject({ due: 2, met: 1, rate: 0.5 });
    expect(dash.dueMaintenance.byMonth.slice(0, 2)).toEqual([{ month: '2024-01', due: 1, met: 1, rate: 1 }, { month: '2024-02', due: 1, met: 0, rate: 0 }]);
    expect(dash.renewals).toMatchObject({ expiring: 3, renewed: 1 });
    expect(dash.renewals.rate).toBeCloseTo(1 / 3);
    expect(dash.followUps).toEqual([{ code: '3DC', due: 2, completed: 1, rate: 0.5 }]);
    expect(dash.churn.byClass.find((c) => c.visitClass === 'B')).toMatchObject({ active: 2 });
    expect(dash.churn.byClass.find((c) => c.visitClass === 'C')).toMatchObject({ at_risk: 1 });
    expect(dash.churn.byClass.find((c) => c.visitClass === 'D')).toMatchObject({ new: 1 });
    expect(dash.churn.byMonth.at(-1)).toMatchObject({ month: '2024-06', churned: 1, book: 3 });
    expect(dash.churn.byMonth[0]).toMatchObject({ month: '2024-01', churned: 0 }); // C2 counts from its 7th month: end of Feb
    expect(dash.churn.byMonth[1]).toMatchObject({ month: '2024-02', churned: 1 });
    expect(dash.churn.byAdvisor.map((a) => [a.advisorName, a.churned, a.book])).toEqual([['顾问甲', 1, 2], ['顾问乙', 0, 1]]);
    expect(dash.funnel.rows.map((r) => r.reached)).toEqual([2, 2, 1, 0, 0]);
    expect(dash.funnel.lost).toBe(1);

    const visits = await d.call('supervisor.drillDown', { figure: 'visits', from: '2024-01', to: '2024-06', key: 'maintenance' });
    expect(visits.total).toBe(1);
    expect(visits.rows[0].slice(0, 4)).toEqual(['2024-01-10', 'maintenance', expect.any(String), '客户一']);
    const appts = await d.call('supervisor.drillDown', { figure: 'appointments', from: '2024-01', to: '2024-06' });
    expect(appts.rows.map((r) => r[3]).sort()).toEqual(['客户一', '客户三']);
    const missed = await d.call('supervisor.drillDown', { figure: 'dueMaintenance', from: '2024-01', to: '2024-06', key: 'missed' });
    expect(missed.rows.map((r) => [r[0], r[4]])).toEqual([['2024-02-01', '客户二']]);
    expect(missed.total).toBe(1);
    const atRisk = await d.call('supervisor.drillDown', { figure: 'churn', from: '2024-01', to: '2024-06', key: 'at_risk' });
    expect(atRisk.rows.map((r) => r[1])).toEqual(['客户二']);
    const hour9 = await d.call('supervisor.drillDown', { figure: 'calls', from: '2024-01', to: '2024-06', key: '9' });
    expect(hour9.total).toBe(2);
    expect(hour9.rows.map((r) => r[2])).toEqual(['138 1111 2222', '138 2222 3333']);
    const lost = await d.call('supervisor.drillDown', { figure: 'renewals', from: '2024-06', to: '2024-06', key: 'lost' });
    expect(lost.rows.map((r) => [r[2], r[7]])).toEqual([['客户二', 'price']]);
    const fu = await d.call('supervisor.drillDown', { figure: 'followUps', from: '2024-01', to: '2024-06', key: 'completed' });
    expect(fu.rows.map((r) => r[3])).toEqual(['客户三']);
    const funnel = await d.call('supervisor.drillDown', { figure: 'funnel', from: '2024-06', to: '2024-06', key: 'test_drive' });
    expect(funnel.rows.map((r) => r[1])).toEqual(['客户四']);

    const renewalList = await d.call('insurance.renewals.list', { window: 30 });
    expect(renewalList.map((r) => [r.customerName, r.stage, r.window])).toEqual([['客户二', 'lost', 30], ['客户三', 'due', 30]]);

    const appraisal = await d.call('supervisor.appraisal', { month: '2024-06' });
    const agentA = appraisal.find((a) => a.person === '坐席A');
    expect(agentA?.lines.find((l) => l.metric === 'answerRate')?.value).toBeCloseTo(0.5);
    expect(appraisal.find((a) => a.person === '顾问甲')?.lines.find((l) => l.metric === 'churnRate')?.value).toBeCloseTo(0.5);
  });
});

describe('permissions that keep customer data in the dealership', () => {
  it('refuses an export for an agent (audited) and watermarks a supervisor export (audited)', async () => {
    const d = await seeded();
    await d.call('supervisor.refresh', {});
    d.as('坐席A', 'agent');
    expect(await d.fails('supervisor.export', { figure: 'visits', from: '2024-01', to: '2024-06' })).toBe('forbidden');
    d.as('主管王', 'supervisor');
    const out = await d.call('supervisor.export', { figure: 'visits', from: '2024-01', to: '2024-06' });
    expect(out.rows).toBe(4);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain('主管王 · 2024-06-15T02:00:00.000Z');
    expect(sheet.headerFooter.oddHeader).toContain('主管王');
    expect(sheet.getRow(2).values).toContain('进厂日期');
    expect(sheet.rowCount).toBe(6);
    const summary = await d.call('supervisor.export', { figure: 'summary', from: '2024-01', to: '2024-06' });
    expect(summary.rows).toBeGreaterThan(5);
    const log = await d.call('supervisor.audit', { limit: 10 });
    expect(log.map((a) => [a.action, a.actor])).toEqual([['export', '主管王'], ['export', '主管王'], ['export_refused', '坐席A']]);
  });

  it('masks phones for an agent, reveals one with a logged reason, and alerts on unusual card viewing', async () => {
    const d = await seeded();
    d.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('supervisor.cardViewAlertPerHour', '3')`).run();
    d.as('坐席A', 'agent');
    const card = await d.call('customers.card', { customerId: d.c1 });
    expect(card.phones[0]).toMatchObject({ masked: true });
    expect(card.phones[0].display).not.toContain('1111');
    expect(await d.fails('privacy.revealPhone', { customerId: d.c1, phoneId: card.phones[0].id, reason: '' })).toBe('invalid-input');
    expect(await d.fails('privacy.revealPhone', { customerId: d.c2, phoneId: card.phones[0].id, reason: '客户要求回电' })).toBe('not-found');
    const shown = await d.call('privacy.revealPhone', { customerId: d.c1, phoneId: card.phones[0].id, reason: '客户要求回电' });
    expect(shown.display).toBe('138 1111 2222');
    for (const id of [d.c2, d.c3, d.c4, d.c1]) await d.call('customers.card', { customerId: id });
    expect(d.emitted.filter(([e]) => e === 'supervisor.alerted')).toEqual([['supervisor.alerted', { kind: 'card_views', actor: '坐席A', hour: '2024-06-15T02', count: 4 }]]);
    expect(await d.fails('supervisor.audit', { limit: 10 })).toBe('forbidden');
    d.as('主管王', 'supervisor');
    const log = await d.call('supervisor.audit', { limit: 10 });
    expect(log.map((a) => [a.action, a.actor, a.reason])).toEqual([['card_view_alert', '坐席A', null], ['reveal_phone', '坐席A', '客户要求回电']]);
    expect((await d.call('customers.card', { customerId: d.c1 })).phones[0].masked).toBe(false);
  });
});

describe('win-back and membership', () => {
  it('lists at-risk customers, routes an important one to a manager, and records the outcome with a reason', async () => {
    const d = await seeded();
    await d.call('workItems.create', { kind: 'complaint', title: '维修未修好', customerId: d.c2, category: 'repair_quality', fields: { ourFault: true } });
    await d.call('supervisor.refresh', {});
    expect(await d.call('winBack.build', {})).toEqual({ added: 1, important: 1 });
    expect(await d.call('winBack.build', {})).toEqual({ added: 0, important: 0 });
    const [row] = await d.call('winBack.list', {});
    expect(row).toMatchObject({ customerName: '客户二', churnStatus: 'at_risk', status: 'to_call', importance: ['our_fault'], owner: '部门经理', callBy: '2024-06-16', lastVisit: '2023-08-01' });
    expect(await d.fails('winBack.record', { id: row.id, status: 'declined' })).toBe('invalid-input');
    const out = await d.call('winBack.record', { id: row.id, status: 'declined', reason: 'repair_quality', note: '已致歉' });
    expect(out).toMatchObject({ status: 'declined', reason: 'repair_quality', attempts: 1, outcomeAt: '2024-06-15T02:00:00.000Z' });
  });

  it('sets tiers by spending in the period and keeps the points balance', async () => {
    const d = await seeded();
    expect(await d.call('membership.recompute', {})).toMatchObject({ customers: 4, pointsAdded: 13000 });
    expect((await d.call('membership.recompute', {})).pointsAdded).toBe(0);
    expect(d.sqlite.prepare('SELECT membership_tier FROM customers WHERE id = ?').pluck().get(d.c3)).toBe('金卡');
    expect(d.sqlite.prepare('SELECT membership_tier FROM customers WHERE id = ?').pluck().get(d.c1)).toBe('普通');
    const s = await d.call('membership.redeem', { customerId: d.c1, points: 400, reason: '兑换保养券' });
    expect(s).toMatchObject({ balance: 600, spendYuan: 1000, tier: { code: 'standard' } });
    expect(await d.fails('membership.redeem', { customerId: d.c1, points: 601, reason: 'x' })).toBe('conflict');
  });
});
