import { describe, expect, it } from 'vitest';
import type { Vehicle } from '../../contract/customers';
import { capacityView, checkBooking, defaultCapacityRules } from './capacity';
import { careReminders, defaultReminderRules } from './care-reminders';
import { defaultFollowUpRules, outcomeEffect, plannedFollowUps, triggerForVisit } from './follow-up-rules';
import { sendDecision } from './message-policy';
import { isInfluentialMark, routeComplaint } from './routing';
import { dealRoundRobin, sampleShare } from './sampling';

const vehicle = (over: Partial<Vehicle>): Vehicle => ({
  id: 1, plate: '粤B12345', vin: null, brand: null, model: '途胜', modelYear: null, colour: null, purchaseDate: null, mileageKm: null, mileageDate: null,
  warrantyEnd: null, insuranceCompany: null, insuranceExpiry: null, nextInspection: null, nextServiceDate: null, nextServiceKm: null, ...over,
});

describe('follow-up rules (seed 001 3DC/7DC)', () => {
  it('plans 3DC and 7DC after delivery and 3DC after a repair', () => {
    expect(plannedFollowUps('delivery', '2026-11-20', 'delivery:1').map((p) => [p.code, p.dueDate, p.questionnaireId])).toEqual([
      ['3DC', '2026-11-23', 'sales_follow_up'], ['7DC', '2026-11-27', null],
    ]);
    expect(plannedFollowUps(triggerForVisit('repair'), '2026-11-20', 'visit:5').map((p) => [p.code, p.dueDate, p.questionnaireId])).toEqual([['3DC', '2026-11-23', 'repair_follow_up']]);
    expect(plannedFollowUps('complaint_closed', '2026-11-20', 'c:1')[0].dueDate).toBe('2026-11-22');
    const custom = defaultFollowUpRules.map((r) => (r.trigger === 'repair' ? { ...r, enabled: true } : r));
    expect(plannedFollowUps('repair', '2026-11-20', 'v', custom)).toHaveLength(2);
  });
  it('retries no-answers up to the limit', () => {
    expect(outcomeEffect('no_answer', 1)).toEqual({ done: false, retryAfterMinutes: 120 });
    expect(outcomeEffect('no_answer', 3)).toEqual({ done: true, retryAfterMinutes: null });
    expect(outcomeEffect('completed', 1).done).toBe(true);
  });
});

describe('care reminders', () => {
  it('stages insurance at 60/30/7 days and adds maintenance by mileage and holidays', () => {
    const today = '2026-11-26';
    const r = careReminders(
      { birthday: '1980-11-30', vehicles: [vehicle({ insuranceExpiry: '2026-12-20', purchaseDate: '2024-11-26', mileageKm: 20000, mileageDate: '2026-11-26', nextServiceKm: 20500 })], visits: [] },
      today,
      { ...defaultReminderRules, holidays: [{ name: '元旦', date: '2026-11-28' }] },
    );
    const byKind = Object.fromEntries(r.map((x) => [x.kind, x]));
    expect(byKind.insurance).toMatchObject({ stage: '30d', templateId: 'insurance_expiry', daysLeft: 24 });
    expect(byKind.maintenance).toMatchObject({ templateId: 'maintenance_due', detail: '20500km' });
    expect(byKind.birthday).toMatchObject({ dueDate: '2026-11-30', templateId: 'birthday' });
    expect(byKind.holiday).toMatchObject({ stage: '元旦', daysLeft: 2 });
    // 45 days before expiry is inside the 60-day stage
    expect(careReminders({ birthday: null, vehicles: [vehicle({ insuranceExpiry: '2027-01-10' })], visits: [] }, today).find((x) => x.kind === 'insurance')?.stage).toBe('60d');
  });
});

describe('advisor capacity (seed 003)', () => {
  it('books freely to 10, with confirmation to 12, never beyond', () => {
    expect(capacityView(9)).toMatchObject({ level: 'free', freeToTarget: 1, freeToMax: 3 });
    expect(capacityView(12).level).toBe('full');
    expect(checkBooking(9, 0, '08:30', false)).toEqual({ ok: true });
    expect(checkBooking(10, 0, '08:30', false)).toEqual({ ok: false, reason: 'needs_confirmation' });
    expect(checkBooking(11, 0, '08:30', true)).toEqual({ ok: true });
    expect(checkBooking(12, 0, '08:30', true)).toEqual({ ok: false, reason: 'day_full' });
    expect(checkBooking(1, defaultCapacityRules.perSlot, '08:30', true)).toEqual({ ok: false, reason: 'slot_full' });
    expect(checkBooking(1, 0, '12:15', true)).toEqual({ ok: false, reason: 'unknown_slot' });
  });
});

describe('complaint routing (seed 003)', () => {
  it('sends important customers to the department manager', () => {
    const plain = { recentRepairsOfVehicle: 1, ourFault: false, major: false, influential: false };
    expect(routeComplaint('repair_quality', plain)).toEqual({ department: 'service', level: 'queue', reasons: [] });
    expect(routeComplaint('repair_quality', { ...plain, recentRepairsOfVehicle: 2 })).toMatchObject({ level: 'manager', reasons: ['repeat_repairs'] });
    expect(routeComplaint(null, { ...plain, influential: true, major: true })).toMatchObject({ department: 'customer_service', level: 'manager', reasons: ['major_complaint', 'influential'] });
    expect(isInfluentialMark('普通, VIP')).toBe(true);
    expect(isInfluentialMark('普通')).toBe(false);
  });
});

describe('message policy', () => {
  const noon = new Date('2026-11-26T04:30:00Z'); // 12:30 Shanghai
  const ten = new Date('2026-11-26T02:00:00Z');
  it('respects opt-outs, quiet hours and the frequency cap', () => {
    expect(sendDecision('service', ten, { optOut: 'none', recentMarketing: [] })).toEqual({ ok: true });
    expect(sendDecision('marketing', ten, { optOut: 'marketing', recentMarketing: [] })).toEqual({ ok: false, reason: 'opted_out', retryAt: null });
    expect(sendDecision('service', ten, { optOut: 'marketing', recentMarketing: [] })).toEqual({ ok: true });
    expect(sendDecision('service', noon, { optOut: 'none', recentMarketing: [] })).toEqual({ ok: false, reason: 'quiet_hours', retryAt: new Date('2026-11-26T05:00:00Z') });
    const capped = sendDecision('marketing', ten, { optOut: 'none', recentMarketing: [new Date('2026-11-20T02:00:00Z'), new Date('2026-11-25T02:00:00Z')] });
    expect(capped).toEqual({ ok: false, reason: 'frequency_cap', retryAt: new Date('2026-11-27T02:00:00Z') });
  });
});

describe('survey sampling', () => {
  it('samples a share deterministically and deals round-robin', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i + 1);
    const a = sampleShare(ids, 0.1, 42);
    expect(a).toHaveLength(100);
    expect(new Set(a).size).toBe(100);
    expect(sampleShare(ids, 0.1, 42)).toEqual(a);
    expect(sampleShare(ids, 0.1, 43)).not.toEqual(a);
    expect(sampleShare([1, 2, 3], 0.01, 1)).toHaveLength(1);
    expect(dealRoundRobin([1, 2, 3], ['甲', '乙']).map((x) => x.agent)).toEqual(['甲', '乙', '甲']);
  });
});
