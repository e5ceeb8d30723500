// Per-customer opt-out (退订) on the customer's mobile number: none, marketing only, or everything.
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { Messages } from '../state/messages';
import { CustomerPicker } from './customer-picker';

const scopes = ['none', 'marketing', 'all'] as const;

export function OptOutPanel({ m }: { m: Messages }) {
  const { t } = useTranslation();
  const s = useStore(m.store);
  const o = s.optOut;
  return (
    <div className="wf-block wf-msg-panel" data-testid="opt-out-panel">
      <div className="wf-preview-head">
        <strong>{t('wf.msg.optOutFor')}</strong>
        <CustomerPicker testId="opt-out-customer" chosen={o?.customer ?? null} onChoose={(c) => void m.chooseOptOutCustomer(c)} />
      </div>
      {o ? (
        o.address ? (
          <fieldset className="wf-radios" data-testid="opt-out-scope" data-scope={o.scope}>
            <legend className="muted">{t('wf.msg.mobile', { phone: o.address })}</legend>
            {scopes.map((x) => (
              <label key={x} className="wf-check">
                <input type="radio" name="opt-out" data-testid={`opt-out-${x}`} checked={o.scope === x} disabled={s.busy} onChange={() => void m.setOptOut(x)} />
                {t(`wf.msg.optOut.${x}`)}
              </label>
            ))}
            {s.saved === 'optOut' ? <span className="wf-ok" data-testid="opt-out-saved">{t('wf.msg.saved')}</span> : null}
          </fieldset>
        ) : <p className="muted" data-testid="opt-out-no-mobile">{t('wf.msg.noMobile')}</p>
      ) : <p className="muted">{t('wf.msg.pickCustomer')}</p>}
    </div>
  );
}
