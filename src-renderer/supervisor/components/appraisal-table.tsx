import { useTranslation } from 'react-i18next';
import { appraisalMetrics } from '../../../src-shared/domain/kpi/appraisal';
import { useSv, useSvActions } from '../start';
import { percent } from './kpi-tile';

/** 绩效考核: per agent and advisor, the month's weighted score over the KPI figures. */
export function AppraisalTable() {
  const { t } = useTranslation();
  const actions = useSvActions();
  const month = useSv((s) => s.appraisalMonth);
  const rows = useSv((s) => s.appraisal);
  const metrics = appraisalMetrics.filter((m) => rows?.some((r) => r.lines.some((l) => l.metric === m && l.weight > 0)));
  return (
    <section className="sv-block" data-testid="sv-appraisal">
      <div className="sv-block-head">
        <label className="sv-inline"><span>{t('sv.appraisal.month')}</span><input type="month" data-testid="sv-appraisal-month" value={month} onChange={(e) => e.target.value && void actions.loadAppraisal(e.target.value)} /></label>
      </div>
      {rows === null ? <span className="search-spinner" /> : rows.length === 0 ? <p className="muted">{t('sv.appraisal.empty')}</p> : (
        <div className="sv-table-wrap">
          <table className="sv-table">
            <thead>
              <tr>
                <th>{t('sv.appraisal.person')}</th><th>{t('sv.appraisal.kind')}</th>
                {metrics.map((m) => <th key={m} className="num">{t(`sv.metric.${m}`)}</th>)}
                <th className="num">{t('sv.appraisal.score')}</th>
              </tr>
            </thead>
            <tbody>
              {[...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1)).map((r) => (
                <tr key={`${r.kind}-${r.person}`} data-testid="sv-appraisal-row" data-person={r.person} data-score={r.score ?? ''}>
                  <td>{r.person}</td><td>{t(`sv.appraisal.${r.kind}`)}</td>
                  {metrics.map((m) => {
                    const line = r.lines.find((l) => l.metric === m);
                    return <td key={m} className="num" title={line ? `${t('sv.target', { value: percent(line.target) })} · ${line.weight}` : undefined}>{line && line.weight > 0 ? (percent(line.value) ?? t('sv.none')) : ''}</td>;
                  })}
                  <td className="num sv-score">{r.score === null ? t('sv.none') : r.score.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
