import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderView } from '../../../src-shared/contract/sales';
import { contractStatusTable, orderStatusTable } from '../../../src-shared/domain/sales/orders';
import { useSales, useSalesActions } from '../start';
import { useSalesOffice } from './use-sales-office';

/** Orders with their deliveries (提车单: planned vs actual pick-up) and contracts (销售合同). */
export function OrdersTab() {
  const { t } = useTranslation();
  const rows = useSales((s) => s.orders.rows);
  return (
    <>
      <table className="sl-table" data-testid="orders-table">
        <thead><tr><th>{t('sales.orders.number')}</th><th>{t('sales.orders.customer')}</th><th>{t('sales.orders.model')}</th><th className="num">{t('sales.orders.price')}</th><th className="num">{t('sales.orders.deposit')}</th><th className="num">{t('sales.orders.balance')}</th><th>{t('sales.orders.promised')}</th><th>{t('sales.orders.consultant')}</th><th>{t('sales.orders.status')}</th><th>{t('sales.orders.deliveries')}</th><th>{t('sales.orders.contracts')}</th></tr></thead>
        <tbody>{rows?.map((o) => <OrderRow key={o.id} o={o} />)}</tbody>
      </table>
      {rows?.length === 0 ? <p className="muted">{t('sales.empty')}</p> : null}
    </>
  );
}

function OrderRow({ o }: { o: OrderView }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [date, setDate] = useState('');
  const office = useSalesOffice();
  const planned = o.deliveries.find((d) => d.status === 'planned');
  return (
    <tr data-testid="order-row" data-status={o.status} data-number={o.number}>
      <td className="mono">{o.number}</td><td>{o.customerName}</td><td>{[o.model, o.trim, o.colour].filter(Boolean).join(' ')}</td>
      <td className="num">{o.priceYuan.toLocaleString()}</td><td className="num">{o.depositYuan.toLocaleString()}</td><td className="num">{o.balanceYuan.toLocaleString()}</td>
      <td>{o.promisedDate}</td><td>{o.consultant ?? ''}</td>
      <td>
        <span className={`sl-status is-${o.status}`}>{t(`sales.orderStatus.${o.status}`)}</span>
        {office && orderStatusTable[o.status].includes('cancelled') ? <button type="button" className="btn-link" onClick={() => void actions.orderCall('sales.orders.setStatus', { id: o.id, status: 'cancelled' })}>{t('sales.orderStatus.cancelled')}</button> : null}
      </td>
      <td>
        {o.deliveries.map((d) => (
          <div key={d.id} className="small" data-testid="delivery">
            {t(`sales.deliveryStatus.${d.status}`)} · {t('sales.orders.planned')} {d.plannedDate}{d.actualDate ? ` · ${t('sales.orders.actual')} ${d.actualDate}` : ''}{d.delayDays ? ` · ${t('sales.orders.delay', { n: d.delayDays })}` : ''}
          </div>
        ))}
        {office && o.status !== 'delivered' && o.status !== 'cancelled' ? (
          <span className="sl-inline">
            <input type="date" aria-label={planned ? t('sales.orders.actual') : t('sales.orders.planned')} value={date} onChange={(e) => setDate(e.target.value)} />
            {planned
              ? <button type="button" className="btn-link" disabled={!date} data-testid="delivery-complete" onClick={() => void actions.orderCall('sales.deliveries.complete', { deliveryId: planned.id, actualDate: date })}>{t('sales.orders.complete')}</button>
              : <button type="button" className="btn-link" disabled={!date} data-testid="delivery-schedule" onClick={() => void actions.orderCall('sales.deliveries.schedule', { orderId: o.id, plannedDate: date, consultant: o.consultant })}>{t('sales.orders.schedule')}</button>}
          </span>
        ) : null}
      </td>
      <td>
        {o.contracts.map((c) => (
          <div key={c.id} className="small">
            <span className="mono">{c.number}</span> · {t(`sales.contractStatus.${c.status}`)}
            {office && contractStatusTable[c.status].includes('signed') ? <button type="button" className="btn-link" onClick={() => void actions.orderCall('sales.contracts.setStatus', { id: c.id, status: 'signed' })}>{t('sales.orders.sign')}</button> : null}
          </div>
        ))}
        {office && o.contracts.length === 0 && o.status !== 'cancelled' ? <button type="button" className="btn-link" onClick={() => void actions.orderCall('sales.contracts.create', { orderId: o.id })}>{t('sales.orders.contract')}</button> : null}
      </td>
    </tr>
  );
}
