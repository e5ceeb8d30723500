// The ringing panel: number, caller name and the customer (or chooser / quick-create) shown
// before the agent answers. Caller-supplied text is rendered as React text, never as HTML.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard } from '../../../src-shared/contract/customers';
import { useDeskStore } from '../../app/desk-context';
import type { CallView } from '../state/softphone-slice';
import { CallReasons } from './call-reasons';
import { usePhone } from './use-softphone';

export function RingingPanel({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <section className="sp-ringing" data-testid="sp-ringing" data-call-id={call.id} role="alertdialog" aria-label={t('softphone.ringing.incoming')}>
      <div className="sp-caller">
        <span className="sp-caller-number" data-testid="sp-caller-number">{call.remoteNumber || t('softphone.ringing.unknown')}</span>
        {call.remoteName ? <span className="sp-caller-name" data-testid="sp-caller-name">{call.remoteName}</span> : null}
        {call.ivrCategory ? <span className="sp-ivr" data-testid="sp-ivr-category" data-category={call.ivrCategory}>{t('softphone.ringing.ivr')}: {t(`softphone.categories.${call.ivrCategory}`)}</span> : null}
        {call.queue ? <span className="sp-ivr" data-testid="sp-queue">{t('softphone.ringing.queue')}: {call.queue}</span> : null}
      </div>
      <CustomerMatch call={call} />
      <CallReasons call={call} />
      <div className="sp-actions">
        <button type="button" className="btn btn-primary" data-testid="sp-answer" onClick={() => void phone.answer(call.id)}>{t('softphone.ringing.answer')}</button>
        <button type="button" className="btn" data-testid="sp-decline" onClick={() => phone.decline(call.id)}>{t('softphone.ringing.decline')}</button>
      </div>
    </section>
  );
}

export function CustomerMatch({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const phone = usePhone();
  if (call.customerIds === null) return <div className="muted" data-testid="sp-lookup">{t('softphone.ringing.lookingUp')}</div>;
  if (call.customerId !== null) return <CustomerName customerId={call.customerId} />;
  if (call.customerIds.length > 1) {
    return (
      <div className="sp-chooser" data-testid="sp-chooser">
        <div>{t('softphone.ringing.several', { n: call.customerIds.length })}</div>
        {call.customerIds.slice(0, 8).map((id) => (
          <button key={id} type="button" className="btn btn-small" data-testid="sp-choose-customer" data-customer-id={id} onClick={() => void phone.chooseCustomer(call.id, id)}>
            <CustomerName customerId={id} />
          </button>
        ))}
      </div>
    );
  }
  return <QuickCreate call={call} />;
}

function CustomerName({ customerId }: { customerId: number }) {
  const deskStore = useDeskStore();
  const [card, setCard] = useState<CustomerCard | null>(() => {
    const c = deskStore.getState().card.card;
    return c && c.id === customerId ? c : null;
  });
  useEffect(() => deskStore.subscribe((s) => {
    if (s.card.card?.id === customerId) setCard(s.card.card);
  }), [deskStore, customerId]);
  return <span className="sp-customer" data-testid="sp-customer" data-customer-id={customerId}>{card ? `${card.name} · ${card.number}` : `#${customerId}`}</span>;
}

function QuickCreate({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [name, setName] = useState('');
  const [plate, setPlate] = useState('');
  if (!call.normalized) return null;
  return (
    <form className="sp-quick-create" data-testid="sp-quick-create" onSubmit={(e) => { e.preventDefault(); if (name.trim()) void phone.quickCreate(call.id, { name, plate }); }}>
      <div>{t('softphone.ringing.noMatch')}</div>
      <input data-testid="sp-qc-phone" value={call.remoteNumber} readOnly />
      <input data-testid="sp-qc-name" value={name} placeholder={t('softphone.ringing.name')} onChange={(e) => setName(e.target.value)} />
      <input data-testid="sp-qc-plate" value={plate} placeholder={t('softphone.ringing.plate')} onChange={(e) => setPlate(e.target.value)} />
      <button type="submit" className="btn btn-small" data-testid="sp-qc-create">{t('softphone.ringing.create')}</button>
    </form>
  );
}
