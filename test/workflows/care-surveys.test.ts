// Care reminders for agents and survey segments on a real desk: reminders carry the service
// advisor; a reminder queued as a call is created once; per-customer opt-outs set and clear on
// the mobile number and stop messages; a message without a provider says why it waits, and the
// quiet hours take precedence; survey segments by membership tier, churn status (from the last
// visit, seed 003 thresholds) and last-visit range; survey progress per agent.
import { afterEach, describe, expect, it } from 'vitest';
import { addVisit, seedCustomers, sh, workflowDesk, type TestDesk } from './support';

let desk: TestDesk;
afterEach(() => desk?.sqlite.close());

describe('care reminders and opt-outs', () => {
  it('lists reminders with the advisor and queues a reminder call once', async () => {
    desk = workflowDesk();
    const { zhang, zhangCar } = seedCustomers(desk);
    const { reminders } = await desk.call('reminders.due', { afterCustomerId: 0, limit: 100 });
    const insurance = reminders.find((r) => r.customerId === zhang && r.kind === 'insurance')!;
    expect(insurance).toMatchObject({ customerName: '张伟', advisor: '李顾问', plate: '粤B12345', stage: '30d', vehicleId: zhangCar });
    const first = await desk.call('reminders.enqueue', { customerId: zhang, kind: 'insurance', vehicleId: zhangCar, dueDate: insurance.dueDate, stage: insurance.stage });
    expect(first.created).toBe(true);
    const again = await desk.call('reminders.enqueue', { customerId: zhang, kind: 'insurance', vehicleId: zhangCar, dueDate: insurance.dueDate, stage: insurance.stage });
    expect(again).toEqual({ id: first.id, created: false });
    const item = desk.sqlite.prepare('SELECT kind, status, category, customer_id AS customerId, vehicle_id AS vehicleId FROM work_items WHERE id = ?').get(first.id!);
    expect(item).toEqual({ kind: 'follow_up', status: 'open', category: 'CARE', customerId: zhang, vehicleId: zhangCar });
    // It is a call the queue offers now (10:00 on a working day).
    const queue = await desk.call('followUps.queue', { limit: 50, mineOnly: false });
    expect(queue.items.map((i) => i.id)).toContain(first.id);
  });

  it('opt-outs set and clear per customer and hold messages; without a provider a message says so', async () => {
    desk = workflowDesk();
    const { zhang, wang } = seedCustomers(desk);
    expect(await desk.call('messages.optOut.get', { customerId: zhang })).toEqual({ address: '13800138001', scope: 'none' });
    expect(await desk.call('messages.optOut.set', { customerId: zhang, scope: 'marketing' })).toEqual({ address: '13800138001', scope: 'marketing' });
    const promo = await desk.call('messages.send', { customerId: zhang, templateId: 'promotion', values: { date: '12月1日', event: '冬季关爱' } });
    expect(promo).toMatchObject({ status: 'suppressed', reason: 'opted_out' });
    const birthday = await desk.call('messages.send', { customerId: zhang, templateId: 'birthday' });
    expect(birthday).toMatchObject({ status: 'queued', reason: 'no_provider' });
    await desk.call('messages.optOut.set', { customerId: zhang, scope: 'none' });
    expect(await desk.call('messages.optOut.get', { customerId: zhang })).toMatchObject({ scope: 'none' });
    // At lunch the quiet hours are the reason, whether or not a provider is set up.
    desk.setNow(sh('2026-11-26T12:20'));
    expect(await desk.call('messages.send', { customerId: wang, templateId: 'birthday' })).toMatchObject({ status: 'queued', reason: 'quiet_hours', notBefore: sh('2026-11-26T13:00').toISOString() });
    // Values for the template preview.
    const { values } = await desk.call('messages.values', { customerId: zhang });
    expect(values).toMatchObject({ name: '张伟先生', plate: '粤B12345', advisor: '李顾问', date: '2026-12-20' });
  });
});

describe('survey segments', () => {
  it('filters by membership tier, churn status and last visit, and reports progress per agent', async () => {
    desk = workflowDesk();
    const { zhang, wang, zhangCar, wangCar } = seedCustomers(desk);
    desk.sqlite.prepare(`UPDATE customers SET membership_tier = 'gold' WHERE id = ?`).run(wang);
    addVisit(desk, zhang, zhangCar, '2026-09-01', 'maintenance'); // under 6 months: active
    addVisit(desk, wang, wangCar, '2025-10-01', 'repair'); // 13 months: lost
    const size = async (segment: object) => (await desk.call('surveys.preview', { segment, share: 1 })).segmentSize;
    expect(await size({})).toBe(2);
    expect(await size({ membershipTier: 'gold' })).toBe(1);
    expect(await size({ churnStatus: ['active'] })).toBe(1);
    expect(await size({ churnStatus: ['lost', 'at_risk'] })).toBe(1);
    expect(await size({ churnStatus: ['new'] })).toBe(0);
    expect(await size({ lastVisitFrom: '2026-01-01' })).toBe(1);
    expect(await size({ lastVisitFrom: '2025-01-01', lastVisitTo: '2025-12-31', membershipTier: 'gold' })).toBe(1);
    expect((await desk.call('surveys.preview', { segment: {}, share: 0.5 })).sampleSize).toBe(1);

    desk.as('主管老周', 'supervisor');
    const created = await desk.call('surveys.create', { name: '满意度', questionnaireId: 'repair_follow_up', segment: {}, share: 1, seed: 42, agents: ['甲', '乙'] });
    expect(created).toMatchObject({ segmentSize: 2, tasks: 2 });
    const list = await desk.call('surveys.list', {});
    expect(list.surveys[0]).toMatchObject({ id: created.surveyId, tasks: 2, done: 0, responses: 0, byAgent: [{ agent: '乙', tasks: 1, done: 0 }, { agent: '甲', tasks: 1, done: 0 }] });
    expect(list.agents).toEqual(expect.arrayContaining(['甲', '乙', '主管老周']));
    expect(list.tiers).toEqual(['gold']);
  });
});
