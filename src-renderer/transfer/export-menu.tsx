import { useTranslation } from 'react-i18next';
import { useActions, useDesk } from '../app/desk-context';
import { errorText } from '../i18n';

export function ExportMenu() {
  const { t } = useTranslation();
  const actions = useActions();
  const state = useDesk((s) => s.transfer.export);
  const busy = state.status === 'running';
  return (
    <div className="export-menu">
      <span className="export-status" data-testid="export-status" role="status">
        {state.status === 'running' ? t('export.running') : null}
        {state.status === 'done' ? t('export.done', { rows: state.rows, fileName: state.fileName }) : null}
        {state.status === 'error' ? <span className="is-error">{t('export.failed', { reason: errorText(t, state.error) })}</span> : null}
      </span>
      <button type="button" className="btn btn-small" data-testid="export-button" disabled={busy} onClick={() => void actions.transfer.exportResults('xlsx')}>
        {t('export.xlsx')}
      </button>
      <button type="button" className="btn btn-small" data-testid="export-csv-button" disabled={busy} onClick={() => void actions.transfer.exportResults('csv')}>
        {t('export.csv')}
      </button>
    </div>
  );
}
