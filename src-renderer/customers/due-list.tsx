import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../src-shared/contract/customers';
import { dueWhen } from './format';
import { PlateBadge } from './plate-badge';

/** Overdue first, then by date: what the agent should bring up on this call. */
export function DueList({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  const items = card.due.slice().sort((a, b) => a.daysLeft - b.daysLeft);
  const plateOf = new Map(card.vehicles.map((vehicle) => [vehicle.id, vehicle.plate]));
  return (
    <section className="panel due-panel">
      <h2>{t('due.title')}</h2>
      <ul className="due-list" data-testid="due-list">
        {items.length === 0 ? <li className="muted">{t('due.none')}</li> : null}
        {items.map((item, index) => (
          <li key={`${item.kind}-${item.vehicleId ?? 'c'}-${index}`} className={`due-chip due-${item.urgency}`} data-testid="due-item" data-urgency={item.urgency} data-kind={item.kind}>
            <span className="due-kind">{t(`due.kind.${item.kind}`)}</span>
            <span className="due-when">{dueWhen(t, item)}</span>
            <span className="due-date">{item.dueDate}</span>
            {item.vehicleId !== null && plateOf.get(item.vehicleId) ? <PlateBadge plate={plateOf.get(item.vehicleId) ?? null} size="small" /> : null}
            {item.detail ? <span className="due-detail">{item.detail}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
