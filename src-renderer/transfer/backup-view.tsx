import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions, useDesk } from '../app/desk-context';
import { formatBytes } from '../customers/format';
import { errorText } from '../i18n';

export function BackupView() {
  const { t } = useTranslation();
  const actions = useActions();
  const state = useDesk((s) => s.backup);
  useEffect(() => {
    void actions.backup.listBackups();
  }, [actions]);
  const busy = state.status === 'backing-up' || state.status === 'restoring';
  return (
    <div className="backup-view" data-testid="backup-panel">
      <div className="backup-actions">
        <button type="button" className="btn btn-primary" data-testid="backup-now" disabled={busy} onClick={() => void actions.backup.backupNow()}>
          {state.status === 'backing-up' ? t('backup.backingUp') : t('backup.backupNow')}
        </button>
        {state.lastBackup ? <span className="notice is-ok">{t('backup.done', { path: state.lastBackup.path, size: formatBytes(state.lastBackup.bytes) })}</span> : null}
        {state.restoredFrom ? <span className="notice is-ok" data-testid="restore-done">{t('backup.restored', { path: state.restoredFrom })}</span> : null}
        {state.status === 'restoring' ? <span className="muted">{t('backup.restoring')}</span> : null}
        {state.error ? <span className="notice is-error">{t('backup.failed', { reason: errorText(t, state.error) })}</span> : null}
      </div>
      <h2>{t('backup.list')}</h2>
      {state.backups.length === 0 ? <div className="muted">{t('backup.none')}</div> : (
        <table className="grid backup-table">
          <thead><tr><th>{t('backup.createdAt')}</th><th>{t('backup.size')}</th><th>{t('backup.path')}</th><th /></tr></thead>
          <tbody>
            {state.backups.map((backup) => (
              <tr key={backup.path} data-testid="backup-row">
                <td className="nowrap">{backup.createdAt.replace('T', ' ').slice(0, 19)}</td>
                <td className="nowrap">{formatBytes(backup.bytes)}</td>
                <td className="mono path">{backup.path}</td>
                <td className="nowrap">
                  {state.armedPath === backup.path ? (
                    <>
                      <button type="button" className="btn btn-danger btn-small" data-testid="restore-confirm" disabled={busy} onClick={() => void actions.backup.restore(backup.path)}>{t('backup.confirmRestore')}</button>
                      <button type="button" className="btn btn-small" onClick={() => actions.backup.arm(null)}>{t('backup.cancel')}</button>
                    </>
                  ) : (
                    <button type="button" className="btn btn-small" data-testid="restore" disabled={busy} onClick={() => void actions.backup.restore(backup.path)}>{t('backup.restore')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
