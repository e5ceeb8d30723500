import { useTranslation } from 'react-i18next';
import { useDesk } from './desk-context';
import { numberFormat } from '../i18n/number-format';
import { TaskProgressList } from '../tasks/task-progress';
import { SyncStatus } from '../sync/components/sync-status';

export function StatusBar() {
  const { t, i18n } = useTranslation();
  const counts = useDesk((s) => s.session.counts);
  const host = useDesk((s) => s.connection.host);
  const connected = useDesk((s) => s.connection.status.state === 'open' || s.connection.host === 'electron');
  const tookMs = useDesk((s) => s.search.tookMs);
  const number = numberFormat(i18n.language);
  return (
    <footer className="status-bar">
      <span className={`conn-dot${connected ? ' is-up' : ''}`} aria-hidden />
      <span>{connected ? t('status.connected') : t('status.disconnected')}</span>
      <span className="sep" />
      <SyncStatus />
      <span className="sep" />
      <span data-testid="customer-count" data-customers={counts?.customers ?? ''}>
        {counts ? t('status.counts', { customers: number.format(counts.customers), vehicles: number.format(counts.vehicles) }) : t('status.countsUnknown')}
      </span>
      {tookMs !== null ? (<><span className="sep" /><span>{t('status.searchTook', { ms: Math.round(tookMs) })}</span></>) : null}
      <TaskProgressList />
      <span className="status-right">
        <span className="muted">{t('app.keyboardHints')}</span>
        <span className="sep" />
        <span>{t(`status.host.${host}`)}</span>
      </span>
    </footer>
  );
}
