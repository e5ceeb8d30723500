import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSalesActions } from '../start';

/** "Tell me when it arrives" (到车提醒) for the open customer: the consultant gets a task on arrival. */
export function ArrivalRequest({ customerId, customerName, model: initialModel }: { customerId: number; customerName: string; model: string }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [model, setModel] = useState(initialModel);
  const [colour, setColour] = useState('');
  const [consultant, setConsultant] = useState('');
  const [done, setDone] = useState(false);
  if (done) return <p className="notice is-ok" data-testid="arrival-requested">{t('sales.stock.requested')}</p>;
  return (
    <form className="sl-arrival" data-testid="arrival-request" onSubmit={async (e) => {
      e.preventDefault();
      const out = await actions.requestArrival({ customerId, model: model.trim(), colour: colour.trim() || null, consultant: consultant.trim() || null });
      if (out) setDone(true);
    }}>
      <strong>{t('sales.stock.requestFor', { name: customerName, model: model || '…' })}</strong>
      <div className="sl-form-row">
        <input data-testid="arrival-model" placeholder={t('sales.stock.model')} value={model} onChange={(e) => setModel(e.target.value)} />
        <input data-testid="arrival-colour" placeholder={t('sales.stock.colour')} value={colour} onChange={(e) => setColour(e.target.value)} />
        <input data-testid="arrival-consultant" placeholder={t('sales.leads.consultant')} value={consultant} onChange={(e) => setConsultant(e.target.value)} />
        <button type="submit" className="btn btn-small btn-primary" data-testid="arrival-submit" disabled={!model.trim()}>{t('sales.stock.requestArrival')}</button>
      </div>
    </form>
  );
}
