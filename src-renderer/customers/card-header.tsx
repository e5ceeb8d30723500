import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../src-shared/contract/customers';
import { RevealPhone } from '../supervisor/components/reveal-phone';
import { DialButton } from './dial-button';
import { TierBadge } from './tier-badge';

export function CardHeader({ card, onClose }: { card: CustomerCard; onClose(): void }) {
  const { t } = useTranslation();
  const facts: Array<[string, string | null]> = [
    [t('card.district'), card.district],
    [t('card.birthday'), card.birthday],
    [t('card.category'), card.category],
    [t('card.email'), card.email],
    [t('card.address'), card.address],
  ];
  return (
    <header className="card-header" data-testid="card-header" data-customer-id={card.id}>
      <div className="card-title-row">
        <button type="button" className="btn btn-ghost btn-back" onClick={onClose} title="Esc">
          ← {t('card.close')}
        </button>
        <h1 className="card-name" data-testid="card-name">{card.name}</h1>
        {card.gender ? <span className="card-gender">{t(`card.gender.${card.gender}`)}</span> : null}
        <TierBadge tier={card.membershipTier} />
        <span className={`churn churn-${card.churn.status}`} data-testid="churn-status">{t(`card.churn.${card.churn.status}`)}</span>
        <span className="visit-class" title={t('card.visitClass', { value: card.churn.visitClass })}>{t('card.visitClass', { value: card.churn.visitClass })}</span>
      </div>
      <div className="card-meta">
        <span><label>{t('card.number')}</label><span className="mono" data-testid="card-number">{card.number}</span></span>
        <span><label>{t('card.advisor')}</label><span data-testid="card-advisor">{card.advisor ?? t('card.noAdvisor')}</span></span>
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <span key={label}><label>{label}</label><span>{value}</span></span>
        ))}
      </div>
      <PhoneList card={card} />
    </header>
  );
}

function PhoneList({ card }: { card: CustomerCard }) {
  const { t } = useTranslation();
  const anyMasked = card.phones.some((phone) => phone.masked);
  return (
    <div className="phone-list" data-testid="phone-list">
      <label>{t('card.phones')}</label>
      {card.phones.length === 0 ? <span className="muted">{t('card.noPhones')}</span> : null}
      {card.phones.map((phone) => (
        <span key={phone.id} className={`phone${phone.isPrimary ? ' is-primary' : ''}`} data-testid="phone" data-masked={phone.masked}>
          <span className="phone-kind">{t(`card.phoneKind.${phone.kind}`)}</span>
          <span className="phone-number">{phone.masked ? <RevealPhone customerId={card.id} phoneId={phone.id} masked={phone.display} /> : phone.display}</span>
          {phone.isPrimary ? <span className="phone-flag">{t('card.primary')}</span> : null}
          <DialButton customerId={card.id} phoneId={phone.id} display={phone.display} />
        </span>
      ))}
      {anyMasked ? <span className="phone-masked-note" data-testid="phones-masked-note"><LockIcon /> {t('card.maskedHint')}</span> : null}
    </div>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
