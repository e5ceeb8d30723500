import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../src-shared/contract/transfer';
import { useActions, useDesk } from '../app/desk-context';
import { issueText, rowsWithErrors } from './issue-text';

export function ImportReportView() {
  const { t } = useTranslation();
  const actions = useActions();
  const { report, skippedInvalidRows } = useDesk((s) => s.transfer.import);
  if (!report) return null;
  const badRows = rowsWithErrors(report.issues);
  return (
    <div className="import-report" data-testid="import-report" data-committed={report.committed}>
      {!report.committed ? (
        <div className="notice is-error big" data-testid="import-nothing-imported">{t('import.nothingImported', { count: badRows || report.skipped })}</div>
      ) : report.issues.length === 0 ? (
        <div className="notice is-ok big" data-testid="import-summary">{t('import.allGood', { count: report.imported })}</div>
      ) : (
        <div className="notice is-ok big" data-testid="import-summary">{t('import.committed', { imported: report.imported, skipped: report.skipped, total: report.totalRows })}</div>
      )}
      {report.issues.length > 0 ? <IssueTable issues={report.issues} /> : null}
      <footer className="modal-footer">
        <button type="button" className="btn" onClick={() => actions.transfer.backToMapping()}>{t('import.backToMapping')}</button>
        {!report.committed && !skippedInvalidRows ? (
          <button type="button" className="btn btn-primary" data-testid="import-valid-only" onClick={() => void actions.transfer.importValidRows()}>{t('import.importValidOnly')}</button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={() => actions.transfer.closePanel()}>{t('import.close')}</button>
        )}
      </footer>
    </div>
  );
}

/** A bad file can have tens of thousands of issues: virtualized like the results list. */
function IssueTable({ issues }: { issues: ImportIssue[] }) {
  const { t, i18n } = useTranslation();
  const warnings = issues.filter((issue) => issue.severity === 'warning').length;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: issues.length, getScrollElement: () => scroller.current, estimateSize: () => 30, overscan: 12 });
  return (
    <div className="issue-block">
      <h2>
        {t('import.issues')} <span className="muted" data-testid="import-issue-counts">({t('import.issueCounts', { errors: issues.length - warnings, warnings })})</span>
      </h2>
      <div className="issue-head grid-row">
        <span>{t('import.issueRow')}</span><span>{t('import.issueColumn')}</span><span>{t('import.issueReason')}</span>
      </div>
      <div ref={scroller} className="issue-scroll" data-testid="import-issues">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const issue = issues[item.index];
            const text = issueText(t, i18n.exists.bind(i18n), issue);
            return (
              <div
                key={item.key}
                className="grid-row issue-row"
                data-testid="report-row"
                data-row={issue.row}
                data-severity={issue.severity}
                data-code={issue.code}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span className="mono">{issue.row}</span>
                <span>{issue.column}</span>
                <span title={text}>
                  <span style={tagStyle[issue.severity]}>{t(`import.severity.${issue.severity}`)}</span>
                  {text}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const tagBase: CSSProperties = { display: 'inline-block', marginRight: 6, padding: '0 6px', borderRadius: 3, fontSize: 12, lineHeight: '18px', fontWeight: 600, border: '1px solid' };
const tagStyle: Record<ImportIssue['severity'], CSSProperties> = {
  error: { ...tagBase, background: 'var(--red-soft)', color: 'var(--red)', borderColor: '#f3c2bd' },
  warning: { ...tagBase, background: 'var(--amber-soft)', color: 'var(--amber)', borderColor: '#f0d49d' },
};
