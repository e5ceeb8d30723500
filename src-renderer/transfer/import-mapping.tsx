import { useTranslation } from 'react-i18next';
import { importFields, type ImportField } from '../../src-shared/contract/transfer';
import { useActions, useDesk } from '../app/desk-context';
import { missingRequiredFields } from '../state/transfer-slice';

export function ImportMapping() {
  const { t } = useTranslation();
  const actions = useActions();
  const { preview, mapping, fileName } = useDesk((s) => s.transfer.import);
  if (!preview) return null;
  const missing = missingRequiredFields(mapping);
  return (
    <div className="import-mapping" data-testid="import-preview">
      <div className="import-facts">
        <span><label>{t('import.file')}</label><b>{fileName}</b></span>
        <span><label>{t('import.format')}</label><span>{preview.format.toUpperCase()}</span></span>
        <span><label>{t('import.encoding')}</label><span className="mono" data-testid="import-encoding">{preview.encoding}</span></span>
        <span data-testid="import-total-rows">{t('import.totalRows', { count: preview.totalRows })}</span>
      </div>
      <div className="import-section-title">
        <h2>{t('import.mappingTitle')}</h2>
        <span className="muted">{t('import.mappingHint')}</span>
      </div>
      <div className="mapping-scroll">
        <table className="grid mapping-table">
          <thead>
            <tr>
              {preview.headers.map((header, column) => (
                <th key={column}>
                  <div className="mapping-header" title={header}>{header || `#${column + 1}`}</div>
                  <select
                    className={`mapping-select${mapping[column] ? ' is-mapped' : ''}`}
                    data-testid="mapping-select"
                    data-column={column}
                    value={mapping[column] ?? ''}
                    onChange={(event) => actions.transfer.mapColumn(column, (event.target.value || null) as ImportField | null)}
                  >
                    <option value="">{t('import.ignoreColumn')}</option>
                    {importFields.map((field) => <option key={field} value={field}>{t(`fields.${field}`)}</option>)}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sampleRows.map((row, index) => (
              <tr key={index} data-testid="preview-row">
                {preview.headers.map((_, column) => <td key={column} className={mapping[column] ? '' : 'is-ignored'}>{row[column] ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="muted small">{t('import.sampleTitle', { count: preview.sampleRows.length })}</div>
      {missing.length > 0 ? (
        <div className="notice is-warning" data-testid="import-missing">
          {t('import.missingRequired', { fields: missing.map((field) => (field === 'phone' ? `${t('fields.mobile')}/${t('fields.phone')}` : t(`fields.${field}`))).join('、') })}
        </div>
      ) : null}
      <footer className="modal-footer">
        <button type="button" className="btn" onClick={() => actions.transfer.resetImport()}>{t('import.another')}</button>
        <button type="button" className="btn btn-primary" data-testid="import-run" onClick={() => void actions.transfer.runImport()}>{t('import.run')}</button>
      </footer>
    </div>
  );
}
