// 质检: the recordings of the month range; the open one plays with its pinned comments on the
// timeline (pin one at the position chosen on the timeline) beside the scoring form; below, the
// average score per agent and month (ECharts line chart) and the form's criteria and weights.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxPoints, qualityTotal, type QualityCriterion, type QualityScores } from '../../../src-shared/domain/quality/scoring';
import { RecordingPlayer } from '../../recording/components/recording-player';
import { formatDuration } from '../../recording/components/use-recording';
import { RecordingProvider } from '../../recording/start';
import { useQuality, useQualityActions } from '../start';
import type { ChartOption } from './echarts-setup';
import { SvChart } from './sv-chart';

export function QualityTab() {
  const { t } = useTranslation();
  const q = useQuality((s) => s);
  const actions = useQualityActions();
  useEffect(() => void actions.load(), []);
  return (
    <div className="sv-quality" data-testid="sv-quality">
      {q.error ? <div className="notice is-error" role="alert" data-testid="qa-error" data-code={q.error.code}>{q.error.message}<button type="button" className="btn-link" onClick={() => actions.clearError()}>×</button></div> : null}
      <div className="sv-quality-main">
        <section className="sv-quality-list">
          <select data-testid="qa-agent" value={q.agent} onChange={(e) => void actions.load(e.target.value)}>
            <option value="">{t('sv.quality.allAgents')}</option>
            {q.agents.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
          {q.recordings.length === 0 ? <p className="muted">{t('sv.quality.noRecordings')}</p> : null}
          <ul>
            {q.recordings.map((r) => (
              <li key={r.id}>
                <button type="button" className={`btn-link${q.open?.id === r.id ? ' is-active' : ''}`} data-testid="qa-recording" data-id={r.id} onClick={() => void actions.openRecording(r.id)}>
                  {new Date(r.startedAt).toLocaleString()} · {r.agent} · {r.customerName ?? r.remoteNumber} · {formatDuration(r.durationMs)}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {q.open ? <ReviewPanel key={q.open.id} /> : <p className="muted">{t('sv.quality.pick')}</p>}
      </div>
      <TrendChart />
      <CriteriaEditor criteria={q.criteria} />
    </div>
  );
}

function ReviewPanel() {
  const { t } = useTranslation();
  const q = useQuality((s) => s);
  const actions = useQualityActions();
  const [scores, setScores] = useState<QualityScores>({});
  const [note, setNote] = useState('');
  const [pinAt, setPinAt] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const review = q.detail?.review ?? null;
  useEffect(() => {
    setScores(review?.scores ?? {});
    setNote(review?.note ?? '');
  }, [review?.id, review?.reviewedAt]);
  if (!q.open) return null;
  const total = qualityTotal(q.criteria, scores);
  const comments = q.detail?.comments ?? [];
  return (
    <section className="sv-quality-review" data-testid="qa-review">
      <RecordingProvider>
        <RecordingPlayer recording={q.open} markers={comments} onPin={(atMs) => setPinAt(atMs)} />
      </RecordingProvider>
      {pinAt !== null ? (
        <form className="sv-inline" onSubmit={(e) => {
          e.preventDefault();
          void actions.addComment(pinAt, comment).then(() => {
            setComment('');
            setPinAt(null);
          });
        }}>
          <span className="rec-mono">{formatDuration(pinAt)}</span>
          <input data-testid="qa-comment-text" value={comment} maxLength={1000} placeholder={t('sv.quality.commentPlaceholder')} onChange={(e) => setComment(e.target.value)} autoFocus />
          <button type="submit" className="btn btn-small btn-primary" data-testid="qa-comment-add" disabled={!comment.trim()}>{t('sv.quality.addComment')}</button>
          <button type="button" className="btn btn-small" onClick={() => setPinAt(null)}>{t('sv.quality.cancel')}</button>
        </form>
      ) : null}
      <ul className="sv-quality-comments" data-testid="qa-comments">
        {comments.map((c) => (
          <li key={c.id} data-testid="qa-comment" data-at={c.atMs}>
            <span className="rec-mono">{formatDuration(c.atMs)}</span> {c.text} <span className="muted">— {c.author}</span>
            <button type="button" className="btn-link" title={t('sv.quality.remove')} onClick={() => void actions.removeComment(c.id)}>×</button>
          </li>
        ))}
      </ul>
      <table className="sv-table" data-testid="qa-form">
        <tbody>
          {q.criteria.map((c) => (
            <tr key={c.id}>
              <th>{c.label} <span className="muted">×{c.weight}</span></th>
              <td>
                <select data-testid={`qa-score-${c.id}`} value={scores[c.id] ?? ''} onChange={(e) => {
                  const next = { ...scores };
                  if (e.target.value === '') delete next[c.id];
                  else next[c.id] = Number(e.target.value);
                  setScores(next);
                }}>
                  <option value="">—</option>
                  {Array.from({ length: maxPoints + 1 }, (_, i) => <option key={i} value={i}>{i}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <textarea data-testid="qa-note" value={note} maxLength={2000} placeholder={t('sv.quality.note')} onChange={(e) => setNote(e.target.value)} />
      <div className="sv-inline">
        <strong data-testid="qa-total">{t('sv.quality.total', { total: total === null ? '—' : total })}</strong>
        <button type="button" className="btn btn-small btn-primary" data-testid="qa-save" disabled={q.saving || total === null} onClick={() => void actions.saveReview(scores, note)}>{t('sv.quality.save')}</button>
        {review ? <span className="muted" data-testid="qa-saved" data-total={review.total ?? ''}>{t('sv.quality.savedBy', { who: review.reviewer, total: review.total ?? '—' })}</span> : null}
      </div>
    </section>
  );
}

function TrendChart() {
  const { t } = useTranslation();
  const trends = useQuality((s) => s.trends);
  const option = useMemo<ChartOption>(() => {
    const months = [...new Set(trends.map((r) => r.month))].sort();
    const agents = [...new Set(trends.map((r) => r.agent))];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, name: t('sv.quality.score') },
      series: agents.map((agent) => ({ type: 'line', name: agent, connectNulls: true, symbolSize: 8, data: months.map((m) => trends.find((r) => r.agent === agent && r.month === m)?.average ?? null) })),
    };
  }, [trends, t]);
  return (
    <section>
      <h3>{t('sv.quality.trends')}</h3>
      {trends.length ? <SvChart option={option} testId="qa-trend-chart" /> : <p className="muted">{t('sv.chart.noData')}</p>}
    </section>
  );
}

function CriteriaEditor({ criteria }: { criteria: QualityCriterion[] }) {
  const { t } = useTranslation();
  const actions = useQualityActions();
  const [draft, setDraft] = useState<QualityCriterion[] | null>(null);
  const list = draft ?? criteria;
  const edit = (i: number, patch: Partial<QualityCriterion>) => setDraft(list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <details className="sv-quality-criteria" data-testid="qa-criteria">
      <summary>{t('sv.quality.criteria')}</summary>
      <table className="sv-table">
        <tbody>
          {list.map((c, i) => (
            <tr key={i}>
              <td><input value={c.label} maxLength={40} onChange={(e) => edit(i, { label: e.target.value })} /></td>
              <td><input type="number" min={0} max={1000} value={c.weight} onChange={(e) => edit(i, { weight: Number(e.target.value) })} /></td>
              <td><button type="button" className="btn-link" onClick={() => setDraft(list.filter((_, j) => j !== i))}>×</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn-small" onClick={() => setDraft([...list, { id: `c${Date.now().toString(36)}`, label: '', weight: 10 }])}>{t('sv.quality.addCriterion')}</button>
      <button type="button" className="btn btn-small btn-primary" disabled={!draft} onClick={() => void actions.setCriteria(list).then(() => setDraft(null))}>{t('sv.quality.saveCriteria')}</button>
    </details>
  );
}
