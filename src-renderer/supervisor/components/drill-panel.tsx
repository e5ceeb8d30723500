import { useTranslation } from 'react-i18next';
import { useSv, useSvActions } from '../start';
import { cellText } from './cell-text';

/** The records behind a figure (supervisor.drillDown), exportable as they are. */
export function DrillPanel() {
  const { t } = useTranslation();
  const actions = useSvActions();
  const drill = useSv((s) => s.drill);
  if (!drill) return null;
  const { target, records } = drill;
  return (
    <section className="sv-drill" data-testid="sv-drill" data-figure={target.figure} data-key={target.key ?? ''} aria-label={t('sv.drill.title', { name: target.name })}>
      <header className="sv-drill-head">
        <h2>{t('sv.drill.title', { name: target.name })}</h2>
        {records ? <span className="muted" data-testid="sv-drill-total" data-total={records.total}>{t('sv.drill.total', { total: records.total })}{records.rows.length < records.total ? ` · ${t('sv.drill.shown', { n: records.rows.length })}` : ''}</span> : <span className="search-spinner" />}
        <span className="sv-spacer" />
        <button type="button" className="btn btn-small no-print" data-testid="sv-drill-export" onClick={() => void actions.exportFigure(target)}>{t('sv.export')}</button>
        <button type="button" className="btn btn-small no-print" data-testid="sv-drill-close" onClick={() => actions.closeDrill()}>{t('sv.drill.close')}</button>
      </header>
      {records ? (
        records.rows.length === 0 ? <p className="muted">{t('sv.drill.empty')}</p> : (
          <div className="sv-table-wrap">
            <table className="sv-table" data-testid="sv-drill-table">
              <thead><tr>{records.columns.map((c) => <th key={c}>{t(`sv.col.${c}`, { defaultValue: c })}</th>)}</tr></thead>
              <tbody>
                {records.rows.map((row, i) => (
                  <tr key={i} data-testid="sv-drill-row">{row.map((cell, j) => <td key={j} className={typeof cell === 'number' ? 'num' : undefined}>{cellText(t, records.columns[j], cell)}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
