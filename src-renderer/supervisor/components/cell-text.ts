// Display text of a drill-down cell: timestamps in the dealership's time, codes as words
// (unknown codes, e.g. added on the server later, show as themselves).
import type { TFunction } from 'i18next';

const timeColumns = new Set(['ringAt', 'createdAt', 'deadlineAt', 'repliedAt']);
const codeColumns = new Set(['direction', 'outcome', 'kind', 'stage', 'furthestStage', 'churnStatus', 'lostReason', 'source']);

export function cellText(t: TFunction, column: string, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'string' && timeColumns.has(column) && value.includes('T')) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) return d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
  }
  if (column === 'byAppointment') return value ? t('sv.value.yes') : '';
  if (column === 'status' && typeof value === 'string') return t(`wf.status.${value}`, { defaultValue: t(`sv.value.${value}`, { defaultValue: value }) });
  if (typeof value === 'string' && codeColumns.has(column)) return t(`sv.value.${value}`, { defaultValue: value });
  return String(value);
}
