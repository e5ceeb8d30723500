// The compact stock lookup (库存查询) over the customers screen: searchable while on a call with
// the card open; when the wanted car is not in stock, an arrival request for that customer.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { navigationStore } from '../../workflows/navigation';
import { useSales, useSalesActions, useSalesDesk } from '../start';
import { ArrivalRequest } from './arrival-request';

export function StockPanelRoot() {
  const { t } = useTranslation();
  const screen = useStore(navigationStore, (s) => s.screen);
  const open = useSales((s) => s.panel.open);
  const actions = useSalesActions();
  if (screen !== 'customers') return null;
  return (
    <>
      <button type="button" className="btn btn-small sl-panel-toggle" data-testid="stock-panel-open" aria-pressed={open} onClick={() => actions.openPanel(!open)}>{t('sales.stock.panel')}</button>
      {open ? <StockPanel /> : null}
    </>
  );
}

function StockPanel() {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const panel = useSales((s) => s.panel);
  const card = useSalesDesk((s) => s.card.card);
  useEffect(() => {
    if (panel.rows === null) void actions.searchPanel('');
  }, [actions, panel.rows]);
  const query = panel.query.trim();
  const available = panel.rows?.filter((c) => c.status === 'in_stock' || c.status === 'in_transit') ?? [];
  return (
    <aside className="sl-panel" data-testid="stock-panel" aria-label={t('sales.stock.panel')}>
      <header className="sl-panel-head">
        <strong>{t('sales.stock.panel')}</strong>
        <button type="button" className="btn-link" onClick={() => actions.openPanel(false)}>{t('sales.stock.close')}</button>
      </header>
      <input className="sl-search" data-testid="stock-panel-search" autoFocus placeholder={t('sales.stock.search')} value={panel.query} onChange={(e) => void actions.searchPanel(e.target.value)} />
      <ul className="sl-panel-list">
        {available.map((c) => (
          <li key={c.id} data-testid="stock-panel-row" data-status={c.status}>
            <span className="sl-car">{c.model}{c.trim ? ` ${c.trim}` : ''}{c.colour ? ` · ${c.colour}` : ''}</span>
            <span className={`sl-status is-${c.status}`}>{t(`sales.stockStatus.${c.status}`)}</span>
            <span className="muted small">{c.status === 'in_transit' ? `${t('sales.stock.expected')} ${c.expectedArrival ?? t('sales.none')}` : c.location ?? ''}{c.priceYuan !== null ? ` · ¥${c.priceYuan.toLocaleString()}` : ''}</span>
          </li>
        ))}
      </ul>
      {panel.rows !== null && available.length === 0 ? <p className="muted" data-testid="stock-panel-none">{t('sales.stock.noMatch')}</p> : null}
      {card ? <ArrivalRequest key={`${card.id}-${query}`} customerId={card.id} customerName={card.name} model={query} /> : <p className="muted small">{t('sales.noCustomer')}</p>}
    </aside>
  );
}
