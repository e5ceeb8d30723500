// 统计: complaint statistics for a period — by category, department and vehicle model, time to
// reply and the 3-day reply clock kept (seed 004), as figures and ECharts charts.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintStats } from '../../../src-shared/contract/work-items';
import { addDays } from '../../../src-shared/domain/dates';
import { useWf, useWfActions } from '../start';
import { Chart } from './chart';
import type { ChartOption } from './echarts-setup';
import { codeLabel } from './labels';

const palette = ['#1f5fc4', '#4a8fe7', '#7fb3f0', '#1f7a4d', '#b26a00', '#c7352b', '#6b5fc4', '#3aa3a3', '#8a94a6'];

function bars(rows: { key: string; count: number }[], label: (k: string) => string, horizontal = false): ChartOption {
  const names = rows.map((r) => label(r.key));
  const values = rows.map((r) => r.count);
  const category = { type: 'category' as const, data: horizontal ? [...names].reverse() : names, axisTick: { show: false }, axisLabel: { color: '#4a5566', interval: 0, hideOverlap: true } };
  const value = { type: 'value' as const, minInterval: 1, splitLine: { lineStyle: { color: '#edf0f4' } }, axisLabel: { color: '#7b8594' } };
  return {
    color: palette,
    grid: { left: horizontal ? 96 : 36, right: 20, top: 16, bottom: horizontal ? 24 : 40 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [{ type: 'bar', data: horizontal ? [...values].reverse() : values, barMaxWidth: 28, itemStyle: { borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] }, label: { show: true, position: horizontal ? 'right' : 'top', color: '#4a5566' } }],
  };
}

function slaPie(stats: ComplaintStats, kept: string, missed: string, open: string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle: { color: '#4a5566' } },
    series: [{ type: 'pie', radius: ['48%', '72%'], center: ['50%', '44%'], avoidLabelOverlap: true, label: { formatter: '{c}', color: '#4a5566' },
      data: [{ name: kept, value: stats.slaKept, itemStyle: { color: '#1f7a4d' } }, { name: missed, value: stats.slaMissed, itemStyle: { color: '#c7352b' } }, { name: open, value: stats.open, itemStyle: { color: '#b9cff2' } }].filter((d) => d.value > 0) }],
  };
}

export function StatsScreen() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const stats = useWf((s) => s.stats);
  const [from, setFrom] = useState(stats.from);
  const [to, setTo] = useState(stats.to);
  const data = stats.data;
  const unknown = t('wf.stats.unknown');
  const options = useMemo(() => (data ? {
    category: bars(data.byCategory, (k) => (k ? codeLabel(t, 'complaintCategory', k) : unknown)),
    department: bars(data.byDepartment, (k) => (k ? codeLabel(t, 'department', k) : unknown), true),
    model: bars(data.byModel.slice(0, 12), (k) => k || unknown, true),
    sla: slaPie(data, t('wf.stats.kept'), t('wf.stats.missed'), t('wf.stats.open')),
  } : null), [data, t, unknown]);
  const preset = (days: number) => {
    const f = addDays(stats.to, -(days - 1));
    setFrom(f);
    void actions.stats.load(f, to);
  };
  return (
    <main className="wf-screen wf-stats" data-testid="screen-reports">
      <div className="wf-toolbar">
        <h1>{t('wf.stats.title')}</h1>
        <label className="wf-inline"><span>{t('wf.stats.from')}</span><input type="date" data-testid="stats-from" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="wf-inline"><span>{t('wf.stats.to')}</span><input type="date" data-testid="stats-to" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="button" className="btn btn-small btn-primary" data-testid="stats-apply" disabled={!from || !to || from > to} onClick={() => void actions.stats.load(from, to)}>{t('wf.stats.apply')}</button>
        <span className="wf-presets">
          <button type="button" className="btn-link" onClick={() => preset(7)}>{t('wf.stats.last7')}</button>
          <button type="button" className="btn-link" onClick={() => preset(30)}>{t('wf.stats.last30')}</button>
          <button type="button" className="btn-link" onClick={() => preset(90)}>{t('wf.stats.last90')}</button>
        </span>
      </div>
      {data ? (
        <>
          <div className="wf-kpis" data-testid="stats-kpis">
            <Kpi id="total" label={t('wf.stats.total')} value={data.total} />
            <Kpi id="open" label={t('wf.stats.open')} value={data.open} />
            <Kpi id="replied" label={t('wf.stats.replied')} value={data.replied} />
            <Kpi id="slaKept" label={t('wf.stats.slaKept')} value={data.slaKept} tone="good" />
            <Kpi id="slaMissed" label={t('wf.stats.slaMissed')} value={data.slaMissed} tone={data.slaMissed ? 'bad' : undefined} />
            <Kpi id="slaRate" label={t('wf.stats.slaRate')} value={data.slaKeptRate === null ? t('wf.stats.none') : `${Math.round(data.slaKeptRate * 100)}%`} />
            <Kpi id="avgHours" label={t('wf.stats.avgHours')} value={data.avgHoursToReply === null ? t('wf.stats.none') : t('wf.stats.hours', { h: data.avgHoursToReply.toFixed(1) })} />
          </div>
          {data.total === 0 ? <p className="wf-empty">{t('wf.stats.noData')}</p> : options ? (
            <div className="wf-charts">
              <section className="wf-block"><h2>{t('wf.stats.byCategory')}</h2><Chart testId="chart-category" option={options.category} /></section>
              <section className="wf-block"><h2>{t('wf.stats.sla')}</h2><Chart testId="chart-sla" option={options.sla} /></section>
              <section className="wf-block"><h2>{t('wf.stats.byDepartment')}</h2><Chart testId="chart-department" option={options.department} /></section>
              <section className="wf-block"><h2>{t('wf.stats.byModel')}</h2><Chart testId="chart-model" option={options.model} /></section>
            </div>
          ) : null}
        </>
      ) : stats.status === 'loading' ? <p className="muted"><span className="search-spinner" /></p> : null}
    </main>
  );
}

function Kpi({ id, label, value, tone }: { id: string; label: string; value: number | string; tone?: 'good' | 'bad' }) {
  return (
    <div className={`wf-kpi${tone ? ` is-${tone}` : ''}`} data-testid={`kpi-${id}`} data-value={value}>
      <span className="wf-kpi-value">{value}</span>
      <span className="wf-kpi-label">{label}</span>
    </div>
  );
}
