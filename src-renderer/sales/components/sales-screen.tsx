// 销售: leads, stock, orders and deliveries, the insurance renewal funnel and the win-back list.
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';
import { salesTabs } from '../state/sales-store';
import { useSales, useSalesActions } from '../start';
import { LeadsTab } from './leads-tab';
import { OrdersTab } from './orders-tab';
import { RenewalsTab } from './renewals-tab';
import { StockTab } from './stock-tab';
import { WinBackTab } from './win-back-tab';

export function SalesScreen() {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const tab = useSales((s) => s.tab);
  const error = useSales((s) => s.error);
  const message = useSales((s) => s.message);
  return (
    <main className="sl-screen" data-testid="screen-sales">
      <div className="sl-toolbar">
        <h1>{t('sales.title')}</h1>
        <nav className="sl-tabs" role="tablist">
          {salesTabs.map((x) => (
            <button key={x} type="button" role="tab" aria-selected={tab === x} className={`sl-tab${tab === x ? ' is-active' : ''}`} data-testid={`sales-tab-${x}`} onClick={() => actions.setTab(x)}>{t(`sales.tabs.${x}`)}</button>
          ))}
        </nav>
        <span className="sl-spacer" />
        <button type="button" className="btn btn-small" onClick={() => void actions.refreshTab()}>{t('sales.reload')}</button>
      </div>
      {error ? (
        <div className="notice is-error sl-message" role="alert" data-testid="sales-error" data-code={error.code}><span>{errorText(t, error)}</span><button type="button" className="btn-link" onClick={() => actions.clearMessages()}>×</button></div>
      ) : message ? (
        <div className="notice is-ok sl-message" data-testid="sales-message"><span>{message}</span><button type="button" className="btn-link" onClick={() => actions.clearMessages()}>×</button></div>
      ) : null}
      <div className="sl-body" data-testid={`sales-panel-${tab}`}>
        {tab === 'leads' ? <LeadsTab /> : tab === 'stock' ? <StockTab /> : tab === 'orders' ? <OrdersTab /> : tab === 'renewals' ? <RenewalsTab /> : <WinBackTab />}
      </div>
    </main>
  );
}
