import { describe, expect, it } from 'vitest';
import type { ReminderView } from '../../../src-shared/contract/messages';
import { advisorsOf, filterReminders } from './care';
import { isEdited, parseBreaks, previewOf } from './messages';
import { cleanSegment, formProblems, shareOf } from './surveys';

const r = (over: Partial<ReminderView>): ReminderView => ({
  customerId: 1, customerName: '甲', kind: 'insurance', vehicleId: 1, plate: null, dueDate: '2026-12-01', daysLeft: 6, urgency: 'soon', stage: '7d', templateId: null, detail: null, advisor: '李', ...over,
});

describe('care reminder filters', () => {
  const list = [r({}), r({ customerId: 2, kind: 'maintenance', daysLeft: -3, advisor: '王' }), r({ customerId: 3, daysLeft: 45, advisor: null }), r({ customerId: 4, kind: 'birthday', daysLeft: 0 })];
  it('filter by kind, due window and advisor together', () => {
    expect(filterReminders(list, { kind: '', window: 'all', advisor: '' })).toHaveLength(4);
    expect(filterReminders(list, { kind: 'insurance', window: 'all', advisor: '' }).map((x) => x.customerId)).toEqual([1, 3]);
    expect(filterReminders(list, { kind: '', window: 'overdue', advisor: '' }).map((x) => x.customerId)).toEqual([2]);
    expect(filterReminders(list, { kind: '', window: '7', advisor: '' }).map((x) => x.customerId)).toEqual([1, 2, 4]);
    expect(filterReminders(list, { kind: '', window: '60', advisor: '李' }).map((x) => x.customerId)).toEqual([1, 4]);
    expect(advisorsOf(list)).toEqual(['李', '王']);
  });
});

describe('template preview', () => {
  it('shows template problems, then missing values, then the text and its SMS segments', () => {
    expect(previewOf({ body: '您好{{nme}}', channel: 'sms' }, null).problems).toEqual(['unknown variable: nme']);
    const missing = previewOf({ body: '尊敬的{{name}}:{{plate}}', channel: 'sms' }, { name: '张先生' });
    expect(missing.result).toEqual({ ok: false, missing: ['plate'], unknown: [] });
    const ok = previewOf({ body: '尊敬的{{name}}', channel: 'sms' }, { name: '【假签名】' });
    expect(ok.result).toEqual({ ok: true, text: '尊敬的[假签名]' });
    expect(ok.segments).toBe(1);
    expect(isEdited({ id: 'birthday', title: '车主生日祝福', channel: 'sms', purpose: 'service', body: '改了' })).toBe(true);
  });

  it('parses quiet-hour breaks and refuses malformed ones', () => {
    expect(parseBreaks('12:00-13:00， 17:30~18:00')).toEqual([{ from: '12:00', to: '13:00' }, { from: '17:30', to: '18:00' }]);
    expect(parseBreaks('')).toEqual([]);
    expect(parseBreaks('12:00')).toBeNull();
    expect(parseBreaks('13:00-12:00')).toBeNull();
  });
});

describe('survey form', () => {
  it('drops empty segment fields, reads the share as a percentage and lists problems', () => {
    expect(cleanSegment({ model: '', district: '朝阳区', churnStatus: [], membershipTier: undefined })).toEqual({ district: '朝阳区' });
    expect(shareOf('10')).toBe(0.1);
    expect(shareOf('0')).toBeNull();
    expect(shareOf('101')).toBeNull();
    expect(formProblems({ name: '', questionnaireId: 'q', segment: { lastVisitFrom: '2026-02-01', lastVisitTo: '2026-01-01' }, sharePercent: 'x', seed: 1, agents: [] })).toEqual(['name', 'share', 'agents', 'visitRange']);
  });
});
