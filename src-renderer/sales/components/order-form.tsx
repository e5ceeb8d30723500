import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadView } from '../../../src-shared/contract/sales';
import { useSalesActions } from '../start';

/** A sales order from a lead: model, price, deposit, promised delivery date. */
export function OrderForm({ lead, onDone }: { lead: LeadView; onDone(): void }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [model, setModel] = useState(lead.models[0] ?? '');
  const [colour, setColour] = useState('');
  const [price, setPrice] = useState('');
  const [deposit, setDeposit] = useState('');
  const [promised, setPromised] = useState('');
  return (
    <form className="sl-form" data-testid="order-form" onSubmit={async (e) => {
      e.preventDefault();
      const ok = await actions.createOrder({ customerId: lead.customerId, leadId: lead.id, model: model.trim(), colour: colour.trim() || null, priceYuan: Number(price), depositYuan: deposit ? Number(deposit) : 0, promisedDate: promised, consultant: lead.consultant });
      if (ok) onDone();
    }}>
      <strong>{t('sales.orders.new')} · {lead.customerName}</strong>
      <div className="sl-form-row">
        <input placeholder={t('sales.orders.model')} value={model} onChange={(e) => setModel(e.target.value)} />
        <input placeholder={t('sales.stock.colour')} value={colour} onChange={(e) => setColour(e.target.value)} />
        <input type="number" min={0} placeholder={t('sales.orders.price')} value={price} onChange={(e) => setPrice(e.target.value)} />
        <input type="number" min={0} placeholder={t('sales.orders.deposit')} value={deposit} onChange={(e) => setDeposit(e.target.value)} />
        <label className="sl-inline">{t('sales.orders.promised')}<input type="date" value={promised} onChange={(e) => setPromised(e.target.value)} /></label>
        <button type="submit" className="btn btn-small btn-primary" disabled={!model.trim() || !price || !promised}>{t('sales.save')}</button>
        <button type="button" className="btn btn-small" onClick={onDone}>{t('sales.cancel')}</button>
      </div>
    </form>
  );
}
