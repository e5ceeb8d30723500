import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stockStatuses, stockStatusTable, type StockStatus } from '../../../src-shared/domain/sales/stock';
import { useSales, useSalesActions } from '../start';
import { useSalesOffice } from './use-sales-office';

export function StockTab() {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const stock = useSales((s) => s.stock);
  const [adding, setAdding] = useState(false);
  const office = useSalesOffice();
  return (
    <>
      <div className="sl-filters">
        <input className="sl-search" data-testid="stock-search" placeholder={t('sales.stock.search')} value={stock.query} onChange={(e) => actions.setStockFilter({ query: e.target.value })} />
        <select data-testid="stock-status" value={stock.status} onChange={(e) => actions.setStockFilter({ status: e.target.value as StockStatus | '' })}>
          <option value="">{t('sales.stock.all')}</option>
          {stockStatuses.map((s) => <option key={s} value={s}>{t(`sales.stockStatus.${s}`)}</option>)}
        </select>
        <span className="sl-spacer" />
        {office ? <button type="button" className="btn btn-small btn-primary" data-testid="stock-add-open" onClick={() => setAdding(!adding)}>{t('sales.stock.add')}</button> : null}
      </div>
      {adding ? <AddCar onDone={() => setAdding(false)} /> : null}
      {stock.notified?.length ? (
        <div className="notice is-ok" data-testid="stock-notified" data-count={stock.notified.length}>
          {t('sales.stock.notified', { n: stock.notified.length, names: stock.notified.map((n) => `${n.customerName}${n.consultant ? ` → ${n.consultant}` : ''}`).join('、') })}
        </div>
      ) : null}
      <table className="sl-table" data-testid="stock-table">
        <thead><tr><th>{t('sales.stock.model')}</th><th>{t('sales.stock.trim')}</th><th>{t('sales.stock.colour')}</th><th>{t('sales.stock.vin')}</th><th>{t('sales.stock.status')}</th><th>{t('sales.stock.location')}</th><th className="num">{t('sales.stock.price')}</th><th>{t('sales.stock.arrived')}</th><th>{t('sales.stock.setStatus')}</th></tr></thead>
        <tbody>
          {stock.rows?.map((c) => (
            <tr key={c.id} data-testid="stock-row" data-vin={c.vin} data-status={c.status}>
              <td>{c.model}</td><td>{c.trim ?? ''}</td><td>{c.colour ?? ''}</td><td className="mono">{c.vin}</td>
              <td><span className={`sl-status is-${c.status}`}>{t(`sales.stockStatus.${c.status}`)}</span></td>
              <td>{c.location ?? ''}</td><td className="num">{c.priceYuan?.toLocaleString() ?? ''}</td><td>{c.status === 'in_transit' ? (c.expectedArrival ? `${t('sales.stock.expected')} ${c.expectedArrival}` : '') : c.arrivedAt?.slice(0, 10) ?? ''}</td>
              <td>
                {!office ? null : stockStatusTable[c.status].filter((s) => s !== 'reserved').map((s) => (
                  <button key={s} type="button" className="btn-link" data-testid={`stock-set-${s}`} onClick={() => void actions.setCarStatus({ id: c.id, status: s })}>{t(`sales.stockStatus.${s}`)}</button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {stock.rows?.length === 0 ? <p className="muted">{t('sales.stock.noMatch')}</p> : null}
    </>
  );
}

function AddCar({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [f, setF] = useState({ vin: '', model: '', trim: '', colour: '', location: '', price: '', expected: '', status: 'in_transit' as 'in_transit' | 'in_stock' });
  const field = (k: keyof typeof f) => ({ value: f[k], onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value }) });
  return (
    <form className="sl-form" data-testid="stock-add" onSubmit={async (e) => {
      e.preventDefault();
      const ok = await actions.addCar({ vin: f.vin.trim(), model: f.model.trim(), trim: f.trim.trim() || null, colour: f.colour.trim() || null, status: f.status, location: f.location.trim() || null, priceYuan: f.price ? Number(f.price) : null, expectedArrival: f.expected || null });
      if (ok) onDone();
    }}>
      <strong>{t('sales.stock.add')}</strong>
      <div className="sl-form-row">
        <input data-testid="stock-add-vin" placeholder={t('sales.stock.vin')} maxLength={17} {...field('vin')} />
        <input data-testid="stock-add-model" placeholder={t('sales.stock.model')} {...field('model')} />
        <input placeholder={t('sales.stock.trim')} {...field('trim')} />
        <input data-testid="stock-add-colour" placeholder={t('sales.stock.colour')} {...field('colour')} />
        <input placeholder={t('sales.stock.location')} {...field('location')} />
        <input type="number" min={0} placeholder={t('sales.stock.price')} {...field('price')} />
        <select data-testid="stock-add-status" {...field('status')}><option value="in_transit">{t('sales.stockStatus.in_transit')}</option><option value="in_stock">{t('sales.stockStatus.in_stock')}</option></select>
        {f.status === 'in_transit' ? <label className="sl-inline">{t('sales.stock.expected')}<input type="date" {...field('expected')} /></label> : null}
        <button type="submit" className="btn btn-small btn-primary" data-testid="stock-add-submit" disabled={f.vin.trim().length < 6 || !f.model.trim()}>{t('sales.save')}</button>
        <button type="button" className="btn btn-small" onClick={onDone}>{t('sales.cancel')}</button>
      </div>
    </form>
  );
}
