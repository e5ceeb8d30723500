import { useTranslation } from 'react-i18next';
import { can } from '../../../src-shared/domain/roles';
import { useSv, useSvActions, useSvRole } from '../start';

/** The event's hour is UTC ('2024-06-15T02'); shown in the dealership's time. */
function localHour(hour: string): string {
  const d = new Date(`${hour}:00:00Z`);
  return Number.isNaN(d.getTime()) ? hour : d.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);
}

/** supervisor.alerted: someone viewed an unusual number of cards in an hour (seed 000). */
export function AlertNotices() {
  const { t } = useTranslation();
  const alerts = useSv((s) => s.alerts);
  const actions = useSvActions();
  const role = useSvRole();
  if (!alerts.length || !role || !can(role, 'viewDashboards')) return null;
  return (
    <div className="sv-alerts" role="alert">
      {alerts.map((a, i) => (
        <div key={`${a.actor}-${a.hour}-${i}`} className="notice is-warning sv-alert" data-testid="supervisor-alert" data-actor={a.actor}>
          <span>{t('sv.alert', { actor: a.actor, hour: localHour(a.hour), count: a.count })}</span>
          <button type="button" className="btn-link" onClick={() => actions.dismissAlert(i)}>{t('sv.dismiss')}</button>
        </div>
      ))}
    </div>
  );
}
