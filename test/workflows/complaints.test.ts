// Complaint workflow of seed 000 on the 3-day clock of seed 004, enforced in main.
import { describe, expect, it } from 'vitest';
import { addVisit, seedCustomers, sh, workflowDesk } from './support';

describe('complaints', () => {
  it('go accept → assign → handle → instruct → track → chase → reply → close, each step recorded, and the statistics change', async () => {
    const desk = workflowDesk();
    const { zhang, zhangCar } = seedCustomers(desk);
    desk.sqlite.prepare(`INSERT INTO call_log (uid, direction, remote_number, customer_id, ring_at, ivr_choice) VALUES ('call-1', 'inbound', '13800138001', ?, ?, '3')`).run(zhang, desk.ctx.now().toISOString());
    const before = await desk.call('workItems.stats', { from: '2026-11-01', to: '2026-11-30' });
    const c = await desk.call('workItems.create', { kind: 'complaint', title: '保养后异响', category: 'repair_quality', customerId: zhang, vehicleId: zhangCar, callUid: 'call-1' });
    expect(c).toMatchObject({ status: 'accepted', department: 'service', importance: [], sla: { state: 'running' } });
    expect(c.deadlineAt).toBe(sh('2026-11-29T10:00').toISOString());
    expect(c.fields.ivrChoice).toBe('3');

    // an agent may not instruct (批示 is the manager's) nor close before the reply
    expect(await desk.fails('workItems.transition', { id: c.id, action: 'close' })).toBe('conflict');
    expect(await desk.fails('workItems.transition', { id: c.id, action: 'assign' })).toBe('invalid-input');
    await desk.call('workItems.transition', { id: c.id, action: 'assign', assignee: '服务经理老陈', department: 'service' });
    await desk.call('workItems.transition', { id: c.id, action: 'handle', note: '已安排技师复检' });
    expect(await desk.fails('workItems.transition', { id: c.id, action: 'instruct', note: '优先处理' })).toBe('forbidden');
    desk.as('陈经理', 'supervisor');
    await desk.call('workItems.transition', { id: c.id, action: 'instruct', note: '免费复检并致歉' });
    desk.as('坐席小王', 'agent');
    await desk.call('workItems.transition', { id: c.id, action: 'track', note: '电话跟踪' });
    await desk.call('workItems.transition', { id: c.id, action: 'chase', note: '催办' });
    desk.setNow(sh('2026-11-27T15:00'));
    const replied = await desk.call('workItems.transition', { id: c.id, action: 'reply', note: '已免费更换减震器,客户认可' });
    expect(replied).toMatchObject({ status: 'replied', sla: { state: 'met' }, fields: { reply: '已免费更换减震器,客户认可' } });
    const stale = replied.version;
    await desk.call('workItems.transition', { id: c.id, action: 'close', expectedVersion: stale });
    expect(await desk.fails('workItems.transition', { id: c.id, action: 'reopen', note: '客户再次反映', expectedVersion: stale })).toBe('conflict');

    const detail = await desk.call('workItems.get', { id: c.id });
    expect(detail.history.map((h) => [h.action, h.actor, h.toStatus])).toEqual([
      ['create', '坐席小王', 'accepted'], ['assign', '坐席小王', 'assigned'], ['handle', '坐席小王', 'handling'], ['instruct', '陈经理', 'instructed'],
      ['track', '坐席小王', 'tracking'], ['chase', '坐席小王', 'tracking'], ['reply', '坐席小王', 'replied'], ['close', '坐席小王', 'closed'],
    ]);
    expect(detail.links).toEqual([{ kind: 'call', ref: 'call-1' }]);
    expect(detail.open).toBe(false);

    const after = await desk.call('workItems.stats', { from: '2026-11-01', to: '2026-11-30' });
    expect(after.total).toBe(before.total + 1);
    expect(after).toMatchObject({ replied: 1, slaKept: 1, slaMissed: 0, slaKeptRate: 1, avgHoursToReply: 29 });
    expect(after.byCategory).toEqual([{ key: 'repair_quality', count: 1 }]);
    expect(after.byModel).toEqual([{ key: '途胜ix35', count: 1 }]);

    // closing planned the after-complaint follow-up call
    const followUps = desk.sqlite.prepare(`SELECT category FROM work_items WHERE kind = 'follow_up' AND customer_id = ?`).pluck().all(zhang);
    expect(followUps).toEqual(['CC']);
  });

  it('chases automatically before the deadline and escalates at it, each alarm once', async () => {
    const desk = workflowDesk();
    const { zhang } = seedCustomers(desk);
    const c = await desk.call('workItems.create', { kind: 'complaint', title: '等待时间长', category: 'waiting_time', customerId: zhang });
    await desk.call('workItems.transition', { id: c.id, action: 'assign', assignee: '小李' });
    desk.as('陈经理', 'supervisor');
    desk.setNow(sh('2026-11-28T11:00')); // 23 h before the deadline
    expect(await desk.call('workflows.tick', {})).toMatchObject({ reminded: 1, escalated: 0 });
    expect(await desk.call('workflows.tick', {})).toMatchObject({ reminded: 0, escalated: 0 });
    desk.setNow(sh('2026-11-29T10:30'));
    expect(await desk.call('workflows.tick', {})).toMatchObject({ reminded: 1, escalated: 1 });
    const detail = await desk.call('workItems.get', { id: c.id });
    expect(detail.history.filter((h) => h.actor === 'system').map((h) => h.action)).toEqual(['chase', 'chase', 'escalate']);
    expect(detail).toMatchObject({ priority: 'urgent', sla: { state: 'overdue' } });
    expect((await desk.call('workItems.list', { scope: 'all', overdueOnly: true })).items.map((i) => i.id)).toEqual([c.id]);
  });

  it('counts working days when configured and routes important customers to the department manager (seed 003)', async () => {
    const desk = workflowDesk(sh('2026-11-27T10:00')); // Friday
    const { zhang, zhangCar, wang } = seedCustomers(desk);
    desk.as('管理员', 'admin');
    await desk.call('workflows.settings.set', { sla: { days: 3, unit: 'working', remindBeforeHours: [24], escalateAfterHours: [0] }, managers: { service: '服务经理老陈' } });
    desk.as('坐席小王', 'agent');
    addVisit(desk, zhang, zhangCar, '2026-10-20', 'repair');
    addVisit(desk, zhang, zhangCar, '2026-11-20', 'repair');
    const repeat = await desk.call('workItems.create', { kind: 'complaint', title: '同一故障第三次', category: 'repair_quality', customerId: zhang, vehicleId: zhangCar });
    expect(repeat).toMatchObject({ owner: '服务经理老陈', priority: 'high', importance: ['repeat_repairs'], deadlineAt: sh('2026-12-02T10:00').toISOString() });
    const vip = await desk.call('workItems.create', { kind: 'complaint', title: '态度差', category: 'attitude', customerId: wang });
    expect(vip).toMatchObject({ importance: ['influential'], department: 'customer_service', owner: null });
    const plain = await desk.call('workItems.create', { kind: 'complaint', title: '价格', category: 'price', customerId: zhang });
    expect(plain).toMatchObject({ importance: [], owner: null, priority: 'normal' });
    const noVehicle = await desk.call('workItems.create', { kind: 'suggestion', title: '建议延长营业时间', customerId: wang });
    expect(noVehicle).toMatchObject({ status: 'open', importance: [] });
    expect((await desk.call('workItems.list', { scope: 'mine' })).items).toEqual([]);
    desk.as('服务经理老陈', 'supervisor');
    expect((await desk.call('workItems.list', { scope: 'mine' })).items.map((i) => i.id)).toEqual([repeat.id]);
  });

  it('pages a queue with a keyset cursor and keeps attachments in the data folder', async () => {
    const desk = workflowDesk();
    const { zhang } = seedCustomers(desk);
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) {
      desk.setNow(new Date(sh('2026-11-26T10:00').getTime() + i * 60_000));
      ids.push((await desk.call('workItems.create', { kind: 'inquiry', title: `咨询${i}`, customerId: zhang, owner: '坐席小王', category: 'maintenance' })).id);
    }
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await desk.call('workItems.list', { scope: 'mine', limit: 3, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
    const a = await desk.call('workItems.attach', { id: ids[0], name: '照片.jpg', mime: 'image/jpeg', dataBase64: Buffer.from('jpegbytes').toString('base64') });
    expect(await desk.call('workItems.attachment', { attachmentId: a.id })).toEqual({ name: '照片.jpg', mime: 'image/jpeg', dataBase64: Buffer.from('jpegbytes').toString('base64') });
    const comment = await desk.call('workItems.comment', { id: ids[0], text: '客户说下午再来电' });
    expect(comment.action).toBe('comment');
    expect((await desk.call('workflows.timeline', { customerId: zhang })).entries.some((e) => e.detail === '客户说下午再来电')).toBe(true);
  });
});
