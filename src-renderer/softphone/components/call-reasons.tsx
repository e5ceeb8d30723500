import { useTranslation } from 'react-i18next';
import type { CallView } from '../state/softphone-slice';

/** "Why they're probably calling": the reasons the card does not already list as due items. */
export function CallReasons({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const extra = call.reasons.filter((r) => r.kind !== 'due').slice(0, 3);
  if (extra.length === 0) return null;
  return (
    <ul className="sp-reasons" data-testid="sp-reasons">
      {extra.map((r, i) => (
        <li key={i} data-kind={r.kind}>
          {r.kind === 'work_in_progress' ? t('softphone.reasons.work_in_progress', { work: t(`softphone.reasons.work.${r.work}`), since: r.since }) : null}
          {r.kind === 'complaint' ? t('softphone.reasons.complaint', { days: r.daysLeft }) : null}
          {r.kind === 'appointment' ? t('softphone.reasons.appointment', { days: r.daysLeft }) : null}
        </li>
      ))}
    </ul>
  );
}
