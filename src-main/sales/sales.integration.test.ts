import { describe, expect, it } from 'vitest';
import { testDesk } from '../supervisor/test-desk';

function salesDesk() {
  const d = testDesk('2024-06-15T02:00:00Z');
  d.as('销售李', 'sales');
  const waiting = d.customer({ name: '张伟', phones: [{ raw: '13812345678' }] });
  const other = d.customer({ name: '李娜', phones: [{ raw: '13900001111' }] });
  return { ...d, waiting, other };
}

describe('stock and the car-arrival reminder', () => {
  it('a requested car arriving in stock gives the consultant a task and the customer a message, once', async () => {
    const d = salesDesk();
    await d.call('sales.arrivals.request', { customerId: d.waiting, model: '凯美瑞 2.0G', colour: '珍珠白', consultant: '销售赵' });
    await d.call('sales.arrivals.request', { customerId: d.other, model: '卡罗拉' });
    const added = await d.call('sales.stock.add', { vin: 'LVGBE40K8NG123456', model: '凯美瑞2.0G', trim: '豪华版', colour: '珍珠白', status: 'in_transit' });
    expect(added.notified).toEqual([]);
    const arrived = await d.call('sales.stock.setStatus', { id: added.car.id, status: 'in_stock', location: 'A区-12' });
    expect(arrived.car).toMatchObject({ status: 'in_stock', location: 'A区-12' });
    expect(arrived.car.arrivedAt).toBe('2024-06-15T02:00:00.000Z');
    expect(arrived.notified).toHaveLength(1);
    const n = arrived.notified[0];
    expect(n).toMatchObject({ kind: 'request', customerId: d.waiting, customerName: '张伟', consultant: '销售赵', messageProblem: null });
    const task = d.sqlite.prepare('SELECT kind, owner, department, customer_id AS customerId, title, open FROM work_items WHERE id = ?').get(n.workItemId) as Record<string, unknown>;
    expect(task).toMatchObject({ kind: 'callback', owner: '销售赵', department: 'sales', customerId: d.waiting, open: 1 });
    expect(String(task.title)).toContain('凯美瑞2.0G');
    const msg = d.sqlite.prepare('SELECT address, template_id AS t, status, body, work_item_id AS w FROM messages WHERE id = ?').get(n.messageId) as Record<string, unknown>;
    expect(msg).toMatchObject({ address: '13812345678', t: 'car_arrival', status: 'queued', w: n.workItemId });
    expect(String(msg.body)).toContain('张伟');
    expect(d.sqlite.prepare(`SELECT status FROM arrival_requests WHERE customer_id = ?`).pluck().get(d.waiting)).toBe('notified');
    // Reserve and release: not a second arrival.
    await d.call('sales.stock.setStatus', { id: added.car.id, status: 'reserved' });
    const again = await d.call('sales.stock.setStatus', { id: added.car.id, status: 'in_stock' });
    expect(again.notified).toEqual([]);
    expect(d.sqlite.prepare(`SELECT count(*) FROM work_items WHERE category = 'car_arrival'`).pluck().get()).toBe(1);
  });

  it('a car added straight into stock serves the oldest matching order; a customer without a mobile gets the task and a recorded problem', async () => {
    const d = salesDesk();
    const noPhone = d.customer({ name: '王芳' });
    const o1 = await d.call('sales.orders.create', { customerId: noPhone, model: '卡罗拉', priceYuan: 120000, depositYuan: 5000, promisedDate: '2024-07-01', consultant: '销售赵' });
    d.setNow('2024-06-16T02:00:00Z');
    await d.call('sales.orders.create', { customerId: d.other, model: '卡罗拉', priceYuan: 120000, depositYuan: 5000, promisedDate: '2024-07-01', consultant: '销售钱' });
    const r = await d.call('sales.stock.add', { vin: 'LFMAP22C0P0000001', model: '卡罗拉', status: 'in_stock' });
    expect(r.notified.map((x) => [x.kind, x.id, x.consultant])).toEqual([['order', o1.id, '销售赵']]);
    expect(r.notified[0].messageProblem).toMatch(/mobile/);
    expect(r.notified[0].workItemId).not.toBeNull();
  });

  it('finds cars during a call by model words, colour or VIN tail, and refuses bad moves', async () => {
    const d = salesDesk();
    const a = await d.call('sales.stock.add', { vin: 'LVGBE40K8NG123456', model: '凯美瑞 2.0G', colour: '珍珠白', status: 'in_stock' });
    await d.call('sales.stock.add', { vin: 'LVGBE40K8NG999999', model: '凯美瑞 2.5Q', colour: '黑色', status: 'in_transit' });
    await d.call('sales.stock.add', { vin: 'LFMAP22C0P0000001', model: '卡罗拉', colour: '白色', status: 'in_stock' });
    expect((await d.call('sales.stock.search', { query: '凯美瑞' })).map((c) => c.vin).sort()).toEqual(['LVGBE40K8NG123456', 'LVGBE40K8NG999999']);
    expect((await d.call('sales.stock.search', { query: '凯美瑞 白' })).map((c) => c.vin)).toEqual(['LVGBE40K8NG123456']);
    expect((await d.call('sales.stock.search', { query: '123456' })).map((c) => c.vin)).toEqual(['LVGBE40K8NG123456']);
    expect((await d.call('sales.stock.search', { query: '凯美瑞', statuses: ['in_stock'] })).length).toBe(1);
    expect(await d.fails('sales.stock.setStatus', { id: a.car.id, status: 'in_transit' })).toBe('conflict');
    expect(await d.fails('sales.stock.add', { vin: 'LVGBE40K8NG123456', model: 'x' })).toBe('conflict');
    d.as('坐席A', 'agent');
    expect((await d.call('sales.stock.search', { query: '卡罗拉' })).length).toBe(1);
    // An agent takes a "tell me when it arrives" on the call; stock and orders are the sales office's.
    expect(await d.fails('sales.stock.add', { vin: 'LVGBE40K8NG654321', model: '凯美瑞' })).toBe('forbidden');
    expect(await d.fails('sales.stock.setStatus', { id: a.car.id, status: 'sold' })).toBe('forbidden');
    expect(await d.fails('sales.orders.create', { customerId: d.waiting, model: 'x', priceYuan: 1, promisedDate: '2024-07-01' })).toBe('forbidden');
    d.as('顾问B', 'advisor');
    expect(await d.fails('sales.orders.create', { customerId: d.waiting, model: 'x', priceYuan: 1, promisedDate: '2024-07-01' })).toBe('forbidden');
  });
});

describe('leads, orders, deliveries and contracts', () => {
  it('walks a lead to a delivered car with 3DC/7DC follow-ups and a signed contract', async () => {
    const d = salesDesk();
    const lead = await d.call('sales.leads.create', { customerId: d.waiting, source: 'phone', models: ['凯美瑞'], budgetYuan: 200000, nextStep: '邀约试驾', nextStepDate: '2024-06-18' });
    expect(lead).toMatchObject({ stage: 'new', consultant: '销售李' });
    await d.call('sales.leads.update', { id: lead.id, stage: 'test_drive' });
    expect(await d.fails('sales.leads.update', { id: lead.id, stage: 'lost' })).toBe('invalid-input');
    const order = await d.call('sales.orders.create', { customerId: d.waiting, leadId: lead.id, model: '凯美瑞 2.0G', priceYuan: 179800, depositYuan: 10000, promisedDate: '2024-07-10' });
    expect(order).toMatchObject({ status: 'open', balanceYuan: 169800 });
    expect((await d.call('sales.leads.list', { customerId: d.waiting }))[0]).toMatchObject({ stage: 'won', furthestStage: 'won', orderId: order.id });
    expect(await d.fails('sales.orders.create', { customerId: d.waiting, model: 'x', priceYuan: 100, depositYuan: 200, promisedDate: '2024-07-01' })).toBe('invalid-input');
    const car = await d.call('sales.stock.add', { vin: 'LVGBE40K8NG123456', model: '凯美瑞 2.0G', status: 'in_stock' });
    await d.call('sales.stock.setStatus', { id: car.car.id, status: 'reserved', orderId: order.id });
    let o = (await d.call('sales.orders.list', { customerId: d.waiting }))[0];
    expect(o).toMatchObject({ status: 'allocated', stockId: car.car.id });
    o = await d.call('sales.deliveries.schedule', { orderId: order.id, plannedDate: '2024-07-08' });
    o = await d.call('sales.contracts.create', { orderId: order.id });
    o = await d.call('sales.contracts.setStatus', { id: o.contracts[0].id, status: 'signed', signedDate: '2024-06-20' });
    expect(o.contracts[0]).toMatchObject({ status: 'signed', signedDate: '2024-06-20', amountYuan: 179800 });
    expect(await d.fails('sales.contracts.setStatus', { id: o.contracts[0].id, status: 'draft' })).toBe('conflict');
    o = await d.call('sales.deliveries.complete', { deliveryId: o.deliveries[0].id, actualDate: '2024-07-12', plate: '粤B12345' });
    expect(o.status).toBe('delivered');
    expect(o.deliveries[0]).toMatchObject({ status: 'delivered', actualDate: '2024-07-12', delayDays: 2 });
    const vehicle = d.sqlite.prepare('SELECT id, vin, plate, purchase_date AS p, customer_id AS c FROM vehicles WHERE id = ?').get(o.deliveries[0].vehicleId) as Record<string, unknown>;
    expect(vehicle).toMatchObject({ vin: 'LVGBE40K8NG123456', plate: '粤B12345', p: '2024-07-12', c: d.waiting });
    expect(d.sqlite.prepare('SELECT status FROM stock_cars WHERE id = ?').pluck().get(car.car.id)).toBe('sold');
    const follow = d.sqlite.prepare(`SELECT json_extract(fields, '$.code') AS code, json_extract(fields, '$.dueDate') AS due FROM work_items WHERE id IN (${o.deliveries[0].followUpIds.join(',')}) ORDER BY due`).all();
    expect(follow).toEqual([{ code: '3DC', due: '2024-07-15' }, { code: '7DC', due: '2024-07-19' }]);
    expect(await d.fails('sales.deliveries.complete', { deliveryId: o.deliveries[0].id, actualDate: '2024-07-12' })).toBe('conflict');
    expect(await d.fails('sales.orders.setStatus', { id: order.id, status: 'cancelled' })).toBe('conflict');
  });
});
