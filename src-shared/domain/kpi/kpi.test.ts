import { describe, expect, it } from 'vitest';
import { achievement, appraise, defaultAppraisalRules } from './appraisal';
import { callsByHour, callSummary, type CallFact } from './calls';
import { followUpCompletion } from './follow-ups';
import { defaultKpiTargets, kpiStatus, rate } from './rates';
import { appointmentRate, dueMaintenanceVisitRate, maintenanceDueEvents, visitsByKind } from './visits';

const call = (direction: CallFact['direction'], ringAt: string, answered: boolean, talk: number | null = null, wrap: number | null = null): CallFact => ({
  direction, ringAt, answerAt: answered ? ringAt : null, talkSeconds: talk, wrapUpSeconds: wrap,
});

describe('calls', () => {
  const calls = [
    call('inbound', '2024-06-01T01:30:00Z', true, 120, 30), // 09:30 Shanghai
    call('inbound', '2024-06-01T01:59:59Z', false), // 09:59
    call('inbound', '2024-06-01T02:00:00Z', true, 60, null), // 10:00
    call('outbound', '2024-06-01T06:10:00Z', true, 300, 60), // 14:10
    call('inbound', '2024-05-31T16:05:00Z', false), // 00:05 on 06-01
    call('inbound', 'garbage', false),
  ];
  it('buckets by the dealership hour', () => {
    const rows = callsByHour(calls, 'Asia/Shanghai');
    expect(rows).toHaveLength(24);
    expect(rows[9]).toEqual({ hour: 9, inbound: 2, answered: 1, abandoned: 1, outbound: 0 });
    expect(rows[10]).toEqual({ hour: 10, inbound: 1, answered: 1, abandoned: 0, outbound: 0 });
    expect(rows[14].outbound).toBe(1);
    expect(rows[0].abandoned).toBe(1);
    expect(rows.reduce((s, r) => s + r.inbound + r.outbound, 0)).toBe(5);
  });
  it('summarises answered, abandoned, talk, wrap-up and handle time', () => {
    const s = callSummary(calls);
    expect(s).toMatchObject({ inbound: 5, outbound: 1, answered: 2, abandoned: 3 });
    expect(s.answerRate).toBeCloseTo(0.4);
    expect(s.avgTalkSeconds).toBeCloseTo(160); // (120+60+300)/3
    expect(s.avgWrapUpSeconds).toBeCloseTo(45); // (30+60)/2
    expect(s.avgHandleSeconds).toBeCloseTo(190); // (150+60+360)/3
    expect(callSummary([]).answerRate).toBeNull();
  });
});

describe('service visits', () => {
  const visits = [
    { visitDate: '2024-06-01', kind: 'first_maintenance' as const, byAppointment: true },
    { visitDate: '2024-06-02', kind: 'maintenance' as const, byAppointment: true },
    { visitDate: '2024-06-03', kind: 'maintenance' as const, byAppointment: false },
    { visitDate: '2024-06-04', kind: 'repair' as const, byAppointment: false },
    { visitDate: '2024-06-05', kind: 'accident' as const, byAppointment: false },
  ];
  it('counts by kind (进厂台次)', () => {
    expect(visitsByKind(visits)).toEqual({ first_maintenance: 1, maintenance: 2, repair: 1, accident: 1, warranty: 0 });
  });
  it('appointment rate is appointed visits over all visits', () => {
    expect(appointmentRate(visits)).toEqual({ byAppointment: 2, total: 5, rate: 0.4 });
    expect(kpiStatus(0.4, defaultKpiTargets.appointmentRate)).toBe('below');
    expect(kpiStatus(0.45, defaultKpiTargets.appointmentRate)).toBe('met');
    expect(appointmentRate([]).rate).toBeNull();
  });
  it('due maintenance: due interval after each maintenance, met by a return within the grace', () => {
    const ev = maintenanceDueEvents(['2023-01-10', '2023-07-25', '2024-03-01', '2024-01-01'], '2024-06-30');
    // 2023-01-10 → due 2023-07-10, back 07-25 (≤ 08-09): met
    // 2023-07-25 → due 2024-01-25, back 2024-01-01 (early, counts): met
    // 2024-01-01 → due 2024-07-01, back 03-01: met
    // 2024-03-01 → due 2024-09-01: not decided yet
    expect(ev).toEqual([
      { dueDate: '2023-07-10', metOn: '2023-07-25', decided: true },
      { dueDate: '2024-01-25', metOn: '2024-01-01', decided: true },
      { dueDate: '2024-07-01', metOn: '2024-03-01', decided: true },
      { dueDate: '2024-09-01', metOn: null, decided: false },
    ]);
    const missed = maintenanceDueEvents(['2023-01-10', '2023-09-01'], '2024-06-30');
    expect(missed[0]).toEqual({ dueDate: '2023-07-10', metOn: null, decided: true });
    expect(dueMaintenanceVisitRate([...ev, ...missed], '2023-07-01', '2024-07-31')).toEqual({ due: 5, met: 3, pending: 0, rate: 0.6 });
    expect(dueMaintenanceVisitRate(ev, '2024-09-01', '2024-09-30')).toEqual({ due: 0, met: 0, pending: 1, rate: null });
  });
});

describe('follow-up completion', () => {
  it('per code over items due in the period', () => {
    const rows = followUpCompletion([
      { code: '3DC', dueDate: '2024-06-01', completed: true },
      { code: '3DC', dueDate: '2024-06-10', completed: false },
      { code: '7DC', dueDate: '2024-06-11', completed: true },
      { code: '7DC', dueDate: '2024-07-01', completed: false },
    ], '2024-06-01', '2024-06-30');
    expect(rows).toEqual([{ code: '3DC', due: 2, completed: 1, rate: 0.5 }, { code: '7DC', due: 1, completed: 1, rate: 1 }]);
  });
});

describe('appraisal', () => {
  it('weights achievements against targets, capped, and drops metrics without data', () => {
    const r = appraise(
      { dueMaintenanceVisitRate: 0.6, appointmentRate: 0.9, renewalRate: 0.1, followUpCompletion: null, complaintSlaKept: 0.95, answerRate: 0.9 },
      { dueMaintenanceVisitRate: 0.6, appointmentRate: 0.45, renewalRate: 0.2, followUpCompletion: 0.9, complaintSlaKept: 0.95, answerRate: 0.9 },
    );
    // achievements: 1, 1.2 (capped from 2), 0.5, —, 1, 1; weights 25,20,20,10,10 → (25+24+10+10+10)/85 = 0.92941
    expect(r.score).toBe(92.9);
    expect(r.lines.find((l) => l.metric === 'followUpCompletion')?.achievement).toBeNull();
    expect(appraise({}, {}).score).toBeNull();
  });
  it('lower churn is better', () => {
    expect(achievement('churnRate', 0.1, 0.05, 1.2)).toBeCloseTo(0.5);
    expect(achievement('churnRate', 0, 0.05, 1.2)).toBe(1.2);
    expect(defaultAppraisalRules.weights.churnRate).toBeUndefined();
  });
  it('rate', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(1, 0)).toBeNull();
  });
});
