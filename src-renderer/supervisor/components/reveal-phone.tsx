// A masked number on the customer card, shown in full on demand (issue 9, seed 000): the user
// gives a reason, main checks the role and writes the audit entry, the full number shows here
// until the card closes. Nothing is cached beyond this component.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../src-shared/contract/errors';
import { can } from '../../../src-shared/domain/roles';
import { useDesk } from '../../app/desk-context';
import { errorText } from '../../i18n';
import { asContractError } from '../../state/action-deps';
import { supervisorClient } from '../start';

export function RevealPhone({ customerId, phoneId, masked }: { customerId: number; phoneId: number; masked: string }) {
  const { t } = useTranslation();
  const role = useDesk((s) => s.session.session?.user.role);
  const [shown, setShown] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const client = supervisorClient();
  if (shown) return <span data-testid="phone-revealed">{shown}</span>;
  const allowed = client !== null && role !== undefined && can(role, 'revealPhone');
  async function submit() {
    if (!client) return;
    try {
      const out = await client.call('privacy.revealPhone', { customerId, phoneId, reason: reason.trim() });
      setShown(out.display);
      setAsking(false);
    } catch (e) {
      setError(asContractError(e));
    }
  }
  return (
    <>
      {masked}
      {allowed ? <button type="button" className="btn-link sv-reveal" data-testid="phone-reveal" title={t('sv.reveal.title')} onClick={() => { setAsking(true); setError(null); }}>{t('sv.reveal.button')}</button> : null}
      {asking ? (
        <div className="sv-reveal-dialog" role="dialog" aria-modal="true" aria-label={t('sv.reveal.title')} onKeyDown={(e) => { if (e.key === 'Escape') setAsking(false); }}>
          <form className="sv-reveal-box" data-testid="phone-reveal-dialog" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
            <h2>{t('sv.reveal.title')}</h2>
            <label className="sv-inline" htmlFor={`reveal-${phoneId}`}>{t('sv.reveal.reason')}</label>
            <input id={`reveal-${phoneId}`} data-testid="phone-reveal-reason" autoFocus maxLength={300} placeholder={t('sv.reveal.placeholder')} value={reason} onChange={(e) => setReason(e.target.value)} />
            {error ? <span className="notice is-error" data-testid="phone-reveal-error">{errorText(t, error)}</span> : null}
            <div className="sv-reveal-actions">
              <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>{t('sv.reveal.cancel')}</button>
              <button type="submit" className="btn btn-small btn-primary" data-testid="phone-reveal-confirm" disabled={reason.trim().length < 2}>{t('sv.reveal.confirm')}</button>
            </div>
          </form>
        </div>
      ) : null}
    </>
  );
}
