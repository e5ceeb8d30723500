// Result statistics of one survey: progress (calls done / dealt, per agent), satisfaction, and
// per question a bar chart of the answers (choices, ratings) or the free-text answers.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../src-shared/contract/index';
import { Chart } from '../components/chart';
import type { ChartOption } from '../components/echarts-setup';

type Stats = Output<'surveys.stats'>;
type SurveyView = Output<'surveys.list'>['surveys'][number];

export function SurveyResults({ survey, stats }: { survey: SurveyView; stats: Stats }) {
  const { t } = useTranslation();
  const progress = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('wf.sv.done'), t('wf.sv.remaining')], bottom: 0 },
    grid: { left: 80, right: 20, top: 10, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: survey.byAgent.map((a) => a.agent || t('wf.sv.unassigned')) },
    series: [
      { name: t('wf.sv.done'), type: 'bar', stack: 'p', data: survey.byAgent.map((a) => a.done), itemStyle: { color: '#2e7d32' } },
      { name: t('wf.sv.remaining'), type: 'bar', stack: 'p', data: survey.byAgent.map((a) => a.tasks - a.done), itemStyle: { color: '#cfd8dc' } },
    ],
  }), [survey, t]);
  const pct = stats.tasks ? Math.round((stats.done / stats.tasks) * 100) : 0;
  return (
    <div className="wf-sv-results" data-testid="survey-results" data-responses={stats.responses} data-tasks={stats.tasks} data-done={stats.done}>
      <div className="wf-kpis">
        <div className="wf-kpi"><span>{t('wf.sv.tasks')}</span><strong>{stats.tasks}</strong></div>
        <div className="wf-kpi"><span>{t('wf.sv.done')}</span><strong data-testid="survey-done">{stats.done}</strong><em>{pct}%</em></div>
        <div className="wf-kpi"><span>{t('wf.sv.responses')}</span><strong data-testid="survey-responses">{stats.responses}</strong></div>
        <div className="wf-kpi"><span>{t('wf.sv.satisfied')}</span><strong>{stats.responses ? `${Math.round((stats.satisfied / stats.responses) * 100)}%` : '—'}</strong></div>
      </div>
      <div className="wf-progress" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}><span style={{ width: `${pct}%` }} /></div>
      <h2>{t('wf.sv.byAgent')}</h2>
      <Chart option={progress} testId="survey-progress-chart" height={Math.max(120, survey.byAgent.length * 36 + 60)} />
      <h2>{t('wf.sv.answers')}</h2>
      {stats.responses === 0 ? <p className="muted" data-testid="survey-no-answers">{t('wf.sv.noAnswers')}</p> : (
        <div className="wf-sv-questions">
          {stats.questions.map((q) => <QuestionResult key={q.id} q={q} />)}
        </div>
      )}
    </div>
  );
}

function QuestionResult({ q }: { q: Stats['questions'][number] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 10, bottom: 28 },
    xAxis: { type: 'category', data: q.counts.map((c) => c.label), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: q.counts.map((c) => c.count), barMaxWidth: 36, itemStyle: { color: '#1f5fbf' } }],
  }), [q]);
  const answered = q.counts.reduce((n, c) => n + c.count, 0) + q.texts.length;
  if (!answered) return null;
  return (
    <div className="wf-block wf-sv-question" data-testid="survey-question" data-id={q.id}>
      <strong>{q.text}</strong>
      {q.average !== null ? <span className="muted">{t('wf.sv.average', { value: q.average.toFixed(1) })}</span> : null}
      {q.type === 'text' ? (
        <ul className="wf-sv-texts">{q.texts.slice(0, 20).map((x, i) => <li key={i}>{x}</li>)}</ul>
      ) : <Chart option={option} testId="survey-question-chart" height={180} />}
    </div>
  );
}
