// The status bar's sync segment: connection state, pending outbox, last successful sync.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSync, useSyncActions } from '../start';
import { syncTimeText } from '../format';

function useMinuteTick(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const status = useSync((s) => s.status);
  const actions = useSyncActions();
  const now = useMinuteTick();
  if (!status) return null;
  const { connection } = status;
  const title = [
    status.serverUrl ?? '',
    status.oldestPendingAt ? t('sync.oldestPending', { at: syncTimeText(status.oldestPendingAt, now, i18n.language) }) : '',
    status.lastError ? t('sync.lastError', { error: status.lastError }) : '',
  ].filter(Boolean).join('\n');
  return (
    <button
      type="button"
      className={`sync-status is-${connection}`}
      data-testid="sync-status"
      data-connection={connection}
      data-pending={status.pendingOutbox}
      title={title || undefined}
      onClick={() => actions.open('connect')}
    >
      <span className="sync-dot" aria-hidden />
      <span data-testid="sync-connection">{t(`sync.connection.${connection}`)}</span>
      {status.configured ? (
        <>
          <span className="sep" />
          <span data-testid="sync-pending" className={status.pendingOutbox > 0 ? 'sync-pending-some' : undefined}>
            {status.pendingOutbox > 0 ? t('sync.pending', { count: status.pendingOutbox }) : t('sync.pendingNone')}
          </span>
          <span className="sep" />
          <span data-testid="sync-last">
            {status.phase === 'snapshot' && status.snapshot
              ? t('sync.snapshot', { entity: t(`sync.inbox.entities.${status.snapshot.entity}`, { defaultValue: status.snapshot.entity }), rows: status.snapshot.rows })
              : status.lastSyncAt ? t('sync.lastSync', { at: syncTimeText(status.lastSyncAt, now, i18n.language) }) : t('sync.neverSynced')}
          </span>
        </>
      ) : null}
    </button>
  );
}
