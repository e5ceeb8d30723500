import { useTranslation } from 'react-i18next';
import type { WorkItemView } from '../../../src-shared/contract/work-items-view';
import { slaText } from '../state/sla-text';

/** The complaint clock (seed 004: reply within 3 days): time left, or how long overdue. */
export function SlaBadge({ sla }: { sla: WorkItemView['sla'] }) {
  const { t } = useTranslation();
  if (!sla) return null;
  return (
    <span className={`wf-sla wf-sla-${sla.state}`} data-testid="sla-clock" data-state={sla.state} data-minutes={sla.minutesLeft}>
      {slaText(t, sla)}
    </span>
  );
}
