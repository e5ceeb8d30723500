// How the SLA clock reads on a queue row or a detail: time left, or how long overdue.
import type { TFunction } from 'i18next';
import type { WorkItemView } from '../../../src-shared/contract/work-items-view';



type T = TFunction;

export function durationText(t: T, minutes: number): string {
  const m = Math.abs(Math.trunc(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  if (d > 0) return t('wf.sla.days', { d, h });
  if (h > 0) return t('wf.sla.hours', { h, m: m % 60 });
  return t('wf.sla.minutes', { m });
}

export function slaText(t: T, sla: NonNullable<WorkItemView['sla']>): string {
  switch (sla.state) {
    case 'running':
    case 'due_soon':
    case 'overdue':
      return t(`wf.sla.${sla.state}`, { time: durationText(t, sla.minutesLeft) });
    case 'met':
    case 'missed':
      return t(`wf.sla.${sla.state}`);
  }
}
