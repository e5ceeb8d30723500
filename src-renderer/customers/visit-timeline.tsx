import { useTranslation } from 'react-i18next';
import type { ServiceVisit } from '../../src-shared/contract/customers';
import { formatKm, formatYuan } from './format';

export function VisitTimeline({ visits }: { visits: ServiceVisit[] }) {
  const { t, i18n } = useTranslation();
  const sorted = visits.slice().sort((a, b) => (a.visitDate < b.visitDate ? 1 : a.visitDate > b.visitDate ? -1 : b.id - a.id));
  return (
    <div className="timeline-block">
      <h3>
        {t('visits.title')}
        {sorted.length > 0 ? <span className="muted"> · {t('visits.count', { count: sorted.length })}</span> : null}
      </h3>
      {sorted.length === 0 ? <div className="muted timeline-empty">{t('visits.none')}</div> : null}
      <ol className="timeline" data-testid="visit-timeline">
        {sorted.map((visit) => (
          <li key={visit.id} className={`timeline-item visit-${visit.kind}`} data-testid="visit" data-kind={visit.kind}>
            <span className="timeline-dot" aria-hidden />
            <span className="visit-date">{visit.visitDate}</span>
            <span className={`visit-kind kind-${visit.kind}`}>{t(`visits.kind.${visit.kind}`)}</span>
            <span className="visit-mileage">{visit.mileageKm === null ? '—' : formatKm(t, i18n.language, visit.mileageKm)}</span>
            <span className="visit-advisor">{visit.advisor ?? '—'}</span>
            <span className="visit-amount">{formatYuan(i18n.language, visit.amountYuan)}</span>
            <span className="visit-flags">{visit.byAppointment ? <span className="flag">{t('visits.byAppointment')}</span> : null}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
