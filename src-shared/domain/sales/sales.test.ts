import { describe, expect, it } from 'vitest';
import { daysBetween } from '../dates';
import { arrivalMatches, matchesCar, type Waiting } from './arrival';
import { furthestAfter, leadStageTable, salesFunnel } from './leads';
import { balanceDue, contractStatusTable, deliveryDelayDays, orderMoneyProblems, orderStatusTable } from './orders';
import { canMove, isFinal } from './state-table';
import { arrives, isOfferable, stockStatusTable } from './stock';

describe('lead funnel', () => {
  it('counts each lead at every stage it reached and converts stage to stage', () => {
    const f = salesFunnel([
      { stage: 'new', furthestStage: 'new' },
      { stage: 'contacted', furthestStage: 'contacted' },
      { stage: 'lost', furthestStage: 'test_drive' },
      { stage: 'negotiation', furthestStage: 'negotiation' },
      { stage: 'won', furthestStage: 'won' },
    ]);
    expect(f.rows.map((r) => r.reached)).toEqual([5, 4, 3, 2, 1]);
    expect(f.rows[0].conversion).toBeNull();
    expect(f.rows[1].conversion).toBeCloseTo(0.8);
    expect(f.rows[2].conversion).toBeCloseTo(0.75);
    expect(f.rows[4].conversion).toBeCloseTo(0.5);
    expect(f.won).toBe(1);
    expect(f.lost).toBe(1);
    expect(f.winRate).toBeCloseTo(0.2);
  });
  it('is empty without leads', () => {
    const f = salesFunnel([]);
    expect(f.winRate).toBeNull();
    expect(f.rows.every((r) => r.reached === 0 && r.conversion === null)).toBe(true);
  });
  it('keeps the furthest stage when a lead is lost or moves back', () => {
    expect(furthestAfter('negotiation', 'lost')).toBe('negotiation');
    expect(furthestAfter('negotiation', 'contacted')).toBe('negotiation');
    expect(furthestAfter('new', 'test_drive')).toBe('test_drive');
  });
  it('allows only table moves', () => {
    expect(canMove(leadStageTable, 'new', 'won')).toBe(true);
    expect(canMove(leadStageTable, 'won', 'lost')).toBe(false);
    expect(canMove(leadStageTable, 'lost', 'contacted')).toBe(true);
    expect(isFinal(leadStageTable, 'won')).toBe(true);
  });
});

describe('stock', () => {
  it('moves in transit → in stock → reserved → sold, and sold is final', () => {
    expect(canMove(stockStatusTable, 'in_transit', 'in_stock')).toBe(true);
    expect(canMove(stockStatusTable, 'in_transit', 'sold')).toBe(false);
    expect(canMove(stockStatusTable, 'reserved', 'in_stock')).toBe(true);
    expect(canMove(stockStatusTable, 'sold', 'in_stock')).toBe(false);
    expect(isOfferable('in_transit')).toBe(true);
    expect(isOfferable('reserved')).toBe(false);
    expect(arrives('in_stock', false)).toBe(true);
    expect(arrives('in_stock', true)).toBe(false);
    expect(arrives('reserved', false)).toBe(false);
  });
});

describe('orders, deliveries, contracts', () => {
  it('checks money', () => {
    expect(orderMoneyProblems({ priceYuan: 150000, depositYuan: 5000 })).toEqual([]);
    expect(orderMoneyProblems({ priceYuan: 100, depositYuan: 200 })).toEqual(['deposit exceeds price']);
    expect(orderMoneyProblems({ priceYuan: 0, depositYuan: -1 })).toEqual(['price must be positive', 'deposit must not be negative']);
    expect(balanceDue({ priceYuan: 158800.5, depositYuan: 10000 })).toBe(148800.5);
  });
  it('delays only count late deliveries', () => {
    expect(deliveryDelayDays('2024-05-10', '2024-05-13', daysBetween)).toBe(3);
    expect(deliveryDelayDays('2024-05-10', '2024-05-01', daysBetween)).toBe(0);
    expect(deliveryDelayDays('2024-05-10', null, daysBetween)).toBeNull();
  });
  it('states', () => {
    expect(canMove(orderStatusTable, 'delivered', 'cancelled')).toBe(false);
    expect(canMove(orderStatusTable, 'allocated', 'delivered')).toBe(true);
    expect(canMove(contractStatusTable, 'draft', 'fulfilled')).toBe(false);
    expect(canMove(contractStatusTable, 'signed', 'fulfilled')).toBe(true);
  });
});

describe('car arrival matching', () => {
  const w = (kind: Waiting['kind'], id: number, model: string, createdAt: string, trim: string | null = null, colour: string | null = null): Waiting => ({ kind, id, customerId: id * 10, consultant: `c${id}`, model, trim, colour, createdAt });
  const car = { model: '凯美瑞 2.0G', trim: '豪华版', colour: '珍珠白', orderId: null };
  it('matches model ignoring spaces, width and case; trim and colour only when named', () => {
    expect(matchesCar(car, w('request', 1, '凯美瑞2.0g', '2024-01-01'))).toBe(true);
    expect(matchesCar(car, w('request', 1, '凯美瑞 2.0G', '2024-01-01', '豪华版', '珍珠白'))).toBe(true);
    expect(matchesCar(car, w('request', 1, '凯美瑞 2.0G', '2024-01-01', null, '黑色'))).toBe(false);
    expect(matchesCar(car, w('request', 1, '卡罗拉', '2024-01-01'))).toBe(false);
    expect(matchesCar(car, w('request', 1, '', '2024-01-01'))).toBe(false);
  });
  it('an unallocated car serves the oldest matching order, then every matching request oldest first', () => {
    const out = arrivalMatches(car, [w('request', 3, '凯美瑞 2.0G', '2024-03-01'), w('order', 2, '凯美瑞 2.0G', '2024-02-01'), w('order', 1, '凯美瑞 2.0G', '2024-01-15'), w('request', 4, '凯美瑞 2.0G', '2024-01-01'), w('request', 5, '卡罗拉', '2024-01-01')]);
    expect(out.map((x) => `${x.kind}${x.id}`)).toEqual(['order1', 'request4', 'request3']);
  });
  it('an allocated car goes to its order first, and no other order', () => {
    const out = arrivalMatches({ ...car, orderId: 2 }, [w('order', 1, '凯美瑞 2.0G', '2024-01-01'), w('order', 2, '其他车型', '2024-02-01'), w('request', 3, '凯美瑞 2.0G', '2024-03-01')]);
    expect(out.map((x) => `${x.kind}${x.id}`)).toEqual(['order2', 'request3']);
  });
});
