import { describe, expect, it } from 'vitest';
import type { WorkItemView } from '../../../src-shared/contract/work-items-view';
import { createWorkflowsStore, filterChanged, itemReplaced, pageArrived } from './workflows-store';
import { durationText, slaText } from './sla-text';
import { createI18n } from '../../i18n';
import { workflowsEn, workflowsZhCN } from '../i18n';

const item = (id: number, status = 'accepted') => ({ id, status, title: `#${id}` }) as unknown as WorkItemView;

describe('work queue slice', () => {
  it('a new filter restarts paging; a page for an older filter is dropped', () => {
    const q0 = createWorkflowsStore('2026-11-25', '2026-10-27').getState().queue;
    const q1 = filterChanged(q0, { kind: 'complaint', status: 'assigned' });
    const q2 = filterChanged(q1, { kind: 'rescue' });
    expect(q2.filter.status).toBe('');
    expect(pageArrived(q2, q1.seq, { items: [item(1)], nextCursor: null }, false)).toBe(q2);
    const q3 = pageArrived(q2, q2.seq, { items: [item(1)], nextCursor: 'c' }, false);
    const q4 = pageArrived(q3, q3.seq, { items: [item(2)], nextCursor: null }, true);
    expect(q4.items.map((i) => i.id)).toEqual([1, 2]);
    expect(itemReplaced(q4, item(2, 'closed')).items[1].status).toBe('closed');
    expect(itemReplaced(q4, item(9))).toBe(q4);
  });
});

describe('SLA clock text', () => {
  const i18n = createI18n('zh-CN');
  i18n.addResourceBundle('zh-CN', 'translation', { wf: workflowsZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { wf: workflowsEn }, true, false);
  it('reads time left and time overdue', () => {
    expect(slaText(i18n.t, { state: 'running', minutesLeft: 3 * 1440 })).toBe('剩余 3 天 0 小时');
    expect(slaText(i18n.t, { state: 'overdue', minutesLeft: -95 })).toBe('已超时 1 小时 35 分');
    expect(durationText(i18n.t, 5)).toBe('5 分钟');
    expect(slaText(i18n.t, { state: 'met', minutesLeft: 10 })).toBe('按时回复');
  });
});

describe('workflow strings', () => {
  function keys(value: unknown, prefix = ''): string[] {
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
    return [prefix];
  }
  it('English has exactly the keys of Simplified Chinese', () => {
    expect(keys(workflowsEn).sort()).toEqual(keys(workflowsZhCN).sort());
  });
});
