import { useTranslation } from 'react-i18next';
import { useActions, useDesk } from '../app/desk-context';
import { BackupView } from './backup-view';
import { ImportView } from './import-view';

export function TransferPanel() {
  const { t } = useTranslation();
  const actions = useActions();
  const panel = useDesk((s) => s.transfer.panel);
  const running = useDesk((s) => s.transfer.import.phase === 'running');
  if (panel === 'closed') return null;
  return (
    <div className="modal-backdrop" onMouseDown={(event) => { if (event.target === event.currentTarget && !running) actions.transfer.closePanel(); }}>
      <div className={`modal${panel === 'backup' ? ' is-narrow' : ''}`} role="dialog" aria-modal="true" data-testid={panel === 'import' ? 'import-dialog' : 'backup-dialog'}>
        <header className="modal-header">
          <h1>{panel === 'import' ? t('import.title') : t('backup.title')}</h1>
          <button type="button" className="btn btn-ghost" disabled={running} onClick={() => actions.transfer.closePanel()} aria-label={t('import.close')}>✕</button>
        </header>
        <div className="modal-body">{panel === 'import' ? <ImportView /> : <BackupView />}</div>
      </div>
    </div>
  );
}
