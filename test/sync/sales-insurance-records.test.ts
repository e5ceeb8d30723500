// Sales, insurance, membership, quality review, surveys and messaging travel with sync (issue 6,
// sync schema 4): a lead and the arrival reminder it leads to reach another desk; a delivery
// completed on two desks before they sync makes one car and one set of 3DC/7DC follow-ups; the
// server refuses an agent's sales contract; an opt-out taken on one desk stops another desk's
// send; and every desk ends up holding what the server holds.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src-shared/domain/roles';
import { createPolicy, updateRenewal } from '../../src-main/insurance/policy-service';
import { recomputeMembership } from '../../src-main/membership/membership-service';
import { requestArrival } from '../../src-main/sales/arrival-service';
import { createLead, listLeads } from '../../src-main/sales/lead-service';
import { completeDelivery, createContract, createOrder, orderById, scheduleDelivery } from '../../src-main/sales/order-service';
import { addStockCar, searchStock, setStockStatus } from '../../src-main/sales/stock-service';
import { addComment, saveReview } from '../../src-main/supervisor/quality-service';
import { listConflicts } from '../../src-main/sync/conflict-inbox';
import { createRecord } from '../../src-main/sync/local-writes';
import { recordUids } from '../../src-main/sync/record-tables';
import { setCustomerOptOut } from '../../src-main/workflows/care-service';
import { flushOutbox, queueMessage } from '../../src-main/workflows/messaging/message-service';
import { saveQuestionnaire } from '../../src-main/workflows/questionnaire-store';
import { defaultQuestionnaires } from '../../src-shared/domain/workflows/default-questionnaires';
import { startTestServer, testPassword, type TestServer } from '../support/sync-server';
import { deskContext, dumpDesk, dumpServer, localIdOf, openTestDesk, type TestDesk } from './desk-harness';

describe('sales, insurance, quality, surveys and messaging over sync', () => {
  let server: TestServer;
  let salesDesk: TestDesk;
  let agentDesk: TestDesk;
  let superDesk: TestDesk;
  const now = () => new Date('2026-11-26T08:00:00Z');
  const ctxOf = (desk: TestDesk, userName: string, role: Role) => deskContext(desk, userName, role, now);
  const sales = () => ctxOf(salesDesk, '陈销售', 'sales');
  const agent = () => ctxOf(agentDesk, '小李', 'agent');
  const supervisor = () => ctxOf(superDesk, '周主管', 'supervisor');
  const syncAll = async () => {
    for (const desk of [salesDesk, agentDesk, superDesk, salesDesk, agentDesk]) expect(await desk.engine.syncOnce()).toBe(true);
  };
  const uidOf = (desk: TestDesk, table: string, id: number) => desk.sqlite.prepare(`SELECT uid FROM ${table} WHERE id = ?`).pluck().get(id) as string;
  const customer = randomUUID();
  const vehicle = randomUUID();
  const mobile = '13912345678';
  /** An SMS provider that records what it was asked to send. */
  const recordingSms = () => {
    const sent: string[] = [];
    return { sent, transports: { sms: { send: async (m: { phone: string }) => (sent.push(m.phone), { providerId: `p-${sent.length}` }) }, email: null } };
  };

  beforeAll(async () => {
    server = await startTestServer();
    salesDesk = openTestDesk({ serverUrl: server.url, username: 'sales1', password: testPassword });
    agentDesk = openTestDesk({ serverUrl: server.url, username: 'agent1', password: testPassword });
    superDesk = openTestDesk({ serverUrl: server.url, username: 'super1', password: testPassword });
    createRecord(salesDesk.sqlite, 'customers', customer, { number: 'C8800001', name: '郑十', customFields: '{}' }, now());
    createRecord(salesDesk.sqlite, 'phones', randomUUID(), { customer, kind: 'mobile', raw: mobile, normalized: mobile, isPrimary: true }, now());
    createRecord(salesDesk.sqlite, 'vehicles', vehicle, { customer, plate: '粤B88888', model: '凯美瑞' }, now());
    await syncAll();
  }, 120_000);
  afterAll(async () => {
    await salesDesk?.close();
    await agentDesk?.close();
    await superDesk?.close();
    await server?.close();
  });

  it('brings a lead made on the sales desk, with the arrival reminder it leads to, to the agent’s desk', async () => {
    const lead = createLead(sales(), { customerId: localIdOf(salesDesk, 'customers', customer), source: 'phone', models: ['凯美瑞'], nextStep: '约试驾', nextStepDate: '2026-11-28' });
    const requestId = requestArrival(sales(), { customerId: lead.customerId, model: '凯美瑞', leadId: lead.id, consultant: '陈销售' });
    const { car, notified } = addStockCar(sales(), { vin: 'LVGBE40K8GG000001', model: '凯美瑞', colour: '白', status: 'in_stock' });
    expect(notified).toHaveLength(1);
    expect(notified[0].messageId).not.toBeNull();
    const leadUid = uidOf(salesDesk, 'leads', lead.id);
    const requestUid = uidOf(salesDesk, 'arrival_requests', requestId);
    const carUid = uidOf(salesDesk, 'stock_cars', car.id);
    const taskUid = uidOf(salesDesk, 'work_items', notified[0].workItemId!);
    const messageUid = uidOf(salesDesk, 'messages', notified[0].messageId!);
    await syncAll();

    const onAgent = listLeads(agent(), { customerId: localIdOf(agentDesk, 'customers', customer), mine: false, limit: 10 });
    expect(onAgent).toMatchObject([{ source: 'phone', models: ['凯美瑞'], stage: 'new', nextStep: '约试驾', nextStepDate: '2026-11-28', consultant: '陈销售' }]);
    expect(localIdOf(agentDesk, 'leads', leadUid)).toBe(onAgent[0].id);
    const request = agentDesk.sqlite.prepare('SELECT lead_id AS leadId, notified_stock_id AS stockId, status FROM arrival_requests WHERE uid = ?').get(requestUid);
    expect(request).toEqual({ leadId: onAgent[0].id, stockId: localIdOf(agentDesk, 'stock_cars', carUid), status: 'notified' });
    // The follow-up task and the customer's message, keyed by uids so any desk's rule names them alike.
    const task = agentDesk.sqlite.prepare('SELECT id, source_key AS sourceKey, owner, customer_id AS customerId FROM work_items WHERE uid = ?').get(taskUid) as Record<string, unknown>;
    expect(task).toMatchObject({ sourceKey: `arrival:${carUid}:request:${requestUid}`, owner: '陈销售', customerId: localIdOf(agentDesk, 'customers', customer) });
    const message = agentDesk.sqlite.prepare('SELECT work_item_id AS workItemId, status, queued_here AS queuedHere FROM messages WHERE uid = ?').get(messageUid);
    expect(message).toEqual({ workItemId: task.id, status: 'queued', queuedHere: 0 });
    // The stock car is searchable during a call on the agent's desk (its search key is rebuilt there).
    expect(searchStock(agent(), '凯美瑞 白', undefined, 10).map((c) => c.vin)).toEqual(['LVGBE40K8GG000001']);
  }, 120_000);

  it('makes one car and one set of 3DC/7DC follow-ups when two desks complete the same delivery before they sync', async () => {
    const order = createOrder(sales(), { customerId: localIdOf(salesDesk, 'customers', customer), model: '雷凌', priceYuan: 120_000, depositYuan: 5_000, promisedDate: '2026-11-30' });
    const { car } = addStockCar(sales(), { vin: 'LVGBE40K8GG000002', model: '雷凌', status: 'in_stock' });
    setStockStatus(sales(), { id: car.id, status: 'reserved', orderId: order.id });
    const scheduled = scheduleDelivery(sales(), { orderId: order.id, plannedDate: '2026-11-25' });
    const deliveryUid = uidOf(salesDesk, 'deliveries', scheduled.deliveries[0].id);
    await syncAll();

    const onSales = completeDelivery(sales(), { deliveryId: scheduled.deliveries[0].id, actualDate: '2026-11-25', plate: '粤B12345' });
    const onSuper = completeDelivery(supervisor(), { deliveryId: localIdOf(superDesk, 'deliveries', deliveryUid), actualDate: '2026-11-25', plate: '粤B12345' });
    const planned = onSales.deliveries[0].followUpIds.length;
    expect(planned).toBeGreaterThan(0);
    expect(onSuper.deliveries[0].followUpIds).toHaveLength(planned);
    await syncAll();
    await syncAll();

    const carUid = recordUids.deliveredVehicle(deliveryUid);
    const [{ cars }] = await server.sql.query<{ cars: number }>(`SELECT count(*)::int AS cars FROM vehicles WHERE customer_uid = $1 AND vin = 'LVGBE40K8GG000002' AND NOT deleted`, [customer]);
    expect(cars).toBe(1);
    const [{ calls }] = await server.sql.query<{ calls: number }>(`SELECT count(*)::int AS calls FROM work_items WHERE source_key LIKE $1 AND NOT deleted`, [`vehicle:${carUid}:%`]);
    expect(calls).toBe(planned);
    for (const desk of [salesDesk, agentDesk, superDesk]) {
      expect(orderById({ sqlite: desk.sqlite }, localIdOf(desk, 'sales_orders', uidOf(salesDesk, 'sales_orders', order.id))).deliveries[0]).toMatchObject({
        status: 'delivered', actualDate: '2026-11-25', vehicleId: localIdOf(desk, 'vehicles', carUid), followUpIds: expect.any(Array),
      });
      expect(desk.sqlite.prepare(`SELECT count(*) FROM work_items WHERE source_key LIKE ?`).pluck().get(`vehicle:${carUid}:%`)).toBe(planned);
    }
    expect(listConflicts(salesDesk.sqlite, {}).filter((c) => ['work_items', 'vehicles', 'deliveries'].includes(c.entity))).toEqual([]);
  }, 120_000);

  it('refuses an agent’s sales contract on the server and keeps the sales office’s', async () => {
    const orderUid = (await server.sql.query<{ uid: string }>(`SELECT uid FROM sales_orders WHERE model = '雷凌'`))[0].uid;
    const byAgent = createContract(agent(), { orderId: localIdOf(agentDesk, 'sales_orders', orderUid), number: 'HT-AGENT-1' });
    const agentContract = agentDesk.sqlite.prepare(`SELECT uid FROM sales_contracts WHERE number = 'HT-AGENT-1'`).pluck().get() as string;
    expect(byAgent.contracts.map((c) => c.number)).toContain('HT-AGENT-1');
    await syncAll();
    expect(await server.sql.query(`SELECT uid FROM sales_contracts WHERE uid = $1`, [agentContract])).toEqual([]);
    const rejected = listConflicts(agentDesk.sqlite, {}).find((c) => c.kind === 'rejected' && c.recordUid === agentContract);
    expect(rejected?.reason).toMatch(/role agent may not change sales_contracts/);

    createContract(sales(), { orderId: localIdOf(salesDesk, 'sales_orders', orderUid), number: 'HT-SALES-1', amountYuan: 118_000 });
    await syncAll();
    const [kept] = await server.sql.query<{ number: string; amount_yuan: number; order_uid: string }>(`SELECT number, amount_yuan, order_uid FROM sales_contracts WHERE number = 'HT-SALES-1'`);
    expect(kept).toEqual({ number: 'HT-SALES-1', amount_yuan: 118_000, order_uid: orderUid });
    expect(superDesk.sqlite.prepare(`SELECT status FROM sales_contracts WHERE number = 'HT-SALES-1'`).pluck().get()).toBe('draft');
  }, 120_000);

  it('numbers two orders made offline on two desks apart: the server renumbers the later one and both desks follow', async () => {
    const order = { model: '卡罗拉', priceYuan: 120_000, depositYuan: 5_000, promisedDate: '2026-12-20' };
    const first = createOrder(sales(), { ...order, customerId: localIdOf(salesDesk, 'customers', customer) });
    const second = createOrder(supervisor(), { ...order, customerId: localIdOf(superDesk, 'customers', customer) });
    expect(second.number).toBe(first.number);
    const uids = [uidOf(salesDesk, 'sales_orders', first.id), uidOf(superDesk, 'sales_orders', second.id)];
    await syncAll();
    await superDesk.engine.syncOnce();
    const numbers = await server.sql.query<{ uid: string; number: string }>('SELECT uid, number FROM sales_orders WHERE uid = ANY($1) ORDER BY number', [uids]);
    expect(numbers.map((n) => n.number)).toEqual([first.number, `${first.number}-2`]);
    for (const desk of [salesDesk, agentDesk, superDesk]) {
      for (const { uid, number } of numbers) expect(desk.sqlite.prepare('SELECT number FROM sales_orders WHERE uid = ?').pluck().get(uid)).toBe(number);
    }
  }, 120_000);

  it('stops a send on the sales desk once the agent’s desk has taken the customer’s opt-out; only the queuing desk ever sends', async () => {
    const queued = queueMessage(sales(), { customerId: localIdOf(salesDesk, 'customers', customer), templateId: 'birthday', values: { dealership: '广州丰田4S店' } });
    expect(queued.status).toBe('queued');
    const messageUid = uidOf(salesDesk, 'messages', queued.id);
    await syncAll();
    // The agent's desk holds the sales desk's queued message but never sends it.
    const onAgent = recordingSms();
    await flushOutbox(agent(), onAgent.transports as never);
    expect(onAgent.sent).toEqual([]);

    expect(setCustomerOptOut(agent(), localIdOf(agentDesk, 'customers', customer), 'all')).toEqual({ address: mobile, scope: 'all' });
    await syncAll();
    const onSales = recordingSms();
    await flushOutbox(sales(), onSales.transports as never);
    expect(onSales.sent).toEqual([]);
    expect(salesDesk.sqlite.prepare('SELECT status, reason FROM messages WHERE uid = ?').get(messageUid)).toEqual({ status: 'suppressed', reason: 'opted_out' });
    expect(queueMessage(sales(), { customerId: localIdOf(salesDesk, 'customers', customer), templateId: 'birthday', values: { dealership: '广州丰田4S店' } }).status).toBe('suppressed');
    await syncAll();
    expect(agentDesk.sqlite.prepare('SELECT status FROM messages WHERE uid = ?').pluck().get(messageUid)).toBe('suppressed');

    // Withdrawn on the sales desk: the same one record, edited, reaches the agent's desk.
    setCustomerOptOut(sales(), localIdOf(salesDesk, 'customers', customer), 'none');
    await syncAll();
    expect(agentDesk.sqlite.prepare('SELECT uid, scope FROM message_opt_outs WHERE address = ?').get(mobile)).toEqual({ uid: recordUids.optOut(mobile), scope: 'none' });
    const again = queueMessage(sales(), { customerId: localIdOf(salesDesk, 'customers', customer), templateId: 'birthday', values: { dealership: '广州丰田4S店' } });
    await flushOutbox(sales(), onSales.transports as never);
    expect(onSales.sent).toEqual([mobile]);
    expect(salesDesk.sqlite.prepare('SELECT status FROM messages WHERE id = ?').pluck().get(again.id)).toBe('sent');
  }, 120_000);

  it('leaves every desk holding what the server holds: policies, renewals, points, reviews, questionnaires, surveys and messages', async () => {
    const policy = createPolicy(agent(), {
      vehicleId: localIdOf(agentDesk, 'vehicles', vehicle), insurer: '人保财险', startDate: '2025-12-01', endDate: '2026-11-30',
      items: [{ code: 'compulsory', sumInsuredYuan: 200_000, premiumYuan: 950 }, { code: 'vehicle_damage', sumInsuredYuan: 150_000, premiumYuan: 2_300 }],
    });
    updateRenewal(agent(), { policyId: policy.id, stage: 'quoted', quoteYuan: 3_100, note: '客户考虑中' });
    // Points earned by the same visits on two desks are one set of records.
    createRecord(salesDesk.sqlite, 'service_visits', randomUUID(), { customer, vehicle, visitDate: '2026-11-01', kind: 'maintenance', amountYuan: 1_280 }, now());
    await syncAll();
    expect(recomputeMembership(agent()).pointsAdded).toBeGreaterThan(0);
    expect(recomputeMembership(supervisor()).pointsAdded).toBeGreaterThan(0);
    // A review of a recording held only by the supervisor's desk still reaches the others by the recording's uid.
    const recordingUid = randomUUID();
    const recording = superDesk.sqlite
      .prepare(`INSERT INTO recordings (uid, call_uid, agent, direction, remote_number, started_at, mime_type, channels, path, status) VALUES (?, ?, '小李', 'inbound', ?, '2026-11-26T07:00:00Z', 'audio/webm', 1, 'r.webm', 'finalized') RETURNING id`)
      .pluck()
      .get(recordingUid, randomUUID(), mobile) as number;
    const review = saveReview(supervisor() as never, recording, { opening: 4, identity: 5, needs: 3, solution: 4, closing: 5, attitude: 5 }, '开场略快');
    addComment(supervisor() as never, recording, 12_500, '这里应先核实车牌');
    const base = defaultQuestionnaires[0];
    saveQuestionnaire(superDesk.sqlite, { ...base, title: `${base.title}(修订)` }, '周主管', now().toISOString());
    await syncAll();

    expect(agentDesk.sqlite.prepare('SELECT recording_id AS recordingId, agent, total FROM quality_reviews WHERE recording_uid = ?').get(recordingUid)).toEqual({
      recordingId: null, agent: '小李', total: review.total,
    });
    expect(salesDesk.sqlite.prepare('SELECT stage, quote_yuan AS quote FROM renewals WHERE uid = ?').get(recordUids.renewal(uidOf(agentDesk, 'policies', policy.id)))).toEqual({ stage: 'quoted', quote: 3_100 });
    expect(salesDesk.sqlite.prepare('SELECT count(*) FROM membership_points').pluck().get()).toBe(1);

    const entities = [
      'leads', 'stock_cars', 'arrival_requests', 'sales_orders', 'deliveries', 'sales_contracts', 'policies', 'policy_items', 'renewals', 'membership_points', 'win_backs',
      'quality_reviews', 'quality_comments', 'questionnaires', 'surveys', 'survey_answers', 'message_templates', 'messages', 'message_opt_outs', 'customers', 'vehicles', 'work_items',
    ] as const;
    const serverDump = await dumpServer(server.sql, server.dealershipId, entities);
    const [onSales, onAgent, onSuper] = [salesDesk, agentDesk, superDesk].map((d) => dumpDesk(d.sqlite));
    for (const entity of entities) {
      expect(onSales[entity], entity).toEqual(serverDump[entity]);
      expect(onSuper[entity], entity).toEqual(serverDump[entity]);
      // The agent's refused contract stays on the agent's desk only (the conflict inbox shows it).
      if (entity !== 'sales_contracts') expect(onAgent[entity], entity).toEqual(serverDump[entity]);
    }
    for (const entity of ['leads', 'stock_cars', 'sales_orders', 'deliveries', 'policies', 'policy_items', 'renewals', 'membership_points', 'quality_reviews', 'quality_comments', 'questionnaires', 'message_templates', 'messages', 'message_opt_outs'] as const) {
      expect(Object.keys(serverDump[entity]).length, entity).toBeGreaterThan(0);
    }
  }, 120_000);
});
