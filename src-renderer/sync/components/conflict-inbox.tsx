// The conflict inbox (supervisors, admins): what kind, which customer, the overwritten and the
// current value, whose edit lost; restore the lost value or dismiss.
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '../../../src-shared/contract/sync';
import { errorText } from '../../i18n';
import { conflictValueText, syncTimeText } from '../format';
import { useSync, useSyncActions } from '../start';

export function ConflictInbox() {
  const { t } = useTranslation();
  const actions = useSyncActions();
  const conflicts = useSync((s) => s.conflicts);
  const loading = useSync((s) => s.inboxLoading);
  const includeResolved = useSync((s) => s.includeResolved);
  const error = useSync((s) => s.inboxError);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); actions.close(); } }}>
      <section className="modal sync-inbox" role="dialog" aria-label={t('sync.inbox.title')} data-testid="sync-inbox">
        <header className="modal-header">
          <h1>{t('sync.inbox.title')}</h1>
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('sync.inbox.close')} onClick={() => actions.close()}>✕</button>
        </header>
        <div className="modal-body">
          <div className="sync-inbox-intro">
            <span className="muted small">{t('sync.inbox.intro')}</span>
            <label className="small"><input type="checkbox" checked={includeResolved} data-testid="sync-inbox-resolved" onChange={(e) => actions.setIncludeResolved(e.target.checked)} /> {t('sync.inbox.showResolved')}</label>
          </div>
          {error ? <div className="notice is-error" data-testid="sync-inbox-error">{t('sync.inbox.failed', { reason: errorText(t, error) })}</div> : null}
          {conflicts.length === 0 && !loading ? <div className="empty-message" data-testid="sync-inbox-empty">{t('sync.inbox.empty')}</div> : null}
          {conflicts.length > 0 ? (
            <table className="sync-inbox-table">
              <thead>
                <tr>
                  <th>{t('sync.inbox.kind')}</th><th>{t('sync.inbox.customer')}</th><th>{t('sync.inbox.field')}</th>
                  <th>{t('sync.inbox.lost')}</th><th>{t('sync.inbox.won')}</th><th>{t('sync.inbox.lostBy')}</th>
                  <th>{t('sync.inbox.detectedAt')}</th><th>{t('sync.inbox.actions')}</th>
                </tr>
              </thead>
              <tbody>{conflicts.map((c) => <ConflictRow key={c.uid} conflict={c} />)}</tbody>
            </table>
          ) : null}
        </div>
      </section>
    </div>
  );
}

function ConflictRow({ conflict: c }: { conflict: ConflictView }) {
  const { t, i18n } = useTranslation();
  const actions = useSyncActions();
  const busy = useSync((s) => s.busyUid === c.uid);
  const empty = t('sync.inbox.empty_value');
  const entity = t(`sync.inbox.entities.${c.entity}`, { defaultValue: c.entity });
  const field = c.field ? t(`sync.inbox.fields.${c.field}`, { defaultValue: c.field }) : '';
  return (
    <tr data-testid="sync-conflict" data-uid={c.uid} data-kind={c.kind} data-field={c.field ?? ''} data-resolved={c.resolved}>
      <td>{t(`sync.inbox.kinds.${c.kind}`, { defaultValue: c.kind })}</td>
      <td data-testid="sync-conflict-customer">{c.customerName ?? t('sync.inbox.unknown')}</td>
      <td>{field ? `${entity} · ${field}` : entity}</td>
      <td className="sync-lost" data-testid="sync-conflict-lost">{conflictValueText(c.lostValue, empty)}</td>
      <td className="sync-won" data-testid="sync-conflict-won">{conflictValueText(c.wonValue, empty)}</td>
      <td data-testid="sync-conflict-lost-by">{[c.lostUser, c.lostDesk?.slice(0, 8)].filter(Boolean).join(' @ ') || t('sync.inbox.unknown')}</td>
      <td className="small">{c.detectedAt ? syncTimeText(c.detectedAt, new Date(), i18n.language) : t('sync.inbox.unknown')}</td>
      <td className="sync-actions">
        {c.resolved ? (
          <span className="muted small">{t('sync.inbox.resolvedBy', { who: c.resolvedBy ?? t('sync.inbox.unknown') })}</span>
        ) : (
          <>
            {c.restorable ? (
              <button type="button" className="btn btn-small btn-primary" data-testid="sync-conflict-restore" disabled={busy} onClick={() => void actions.restore(c.uid)}>{t('sync.inbox.restore')}</button>
            ) : null}
            <button type="button" className="btn btn-small" data-testid="sync-conflict-dismiss" disabled={busy} onClick={() => void actions.dismiss(c.uid)}>{t('sync.inbox.dismiss')}</button>
          </>
        )}
      </td>
    </tr>
  );
}
