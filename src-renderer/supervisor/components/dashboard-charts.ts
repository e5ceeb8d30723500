// ECharts options of the supervisor's dashboards, built from the contract's Dashboard. Each
// series id names what a click on it drills down to (see dashboard-tabs.tsx).
import type { TFunction } from 'i18next';
import type { Dashboard } from '../../../src-shared/contract/supervisor';
import type { ChartOption } from './echarts-setup';

export const colours = { blue: '#1f5fc4', lightBlue: '#7fb3f0', green: '#1f7a4d', amber: '#b26a00', red: '#c7352b', violet: '#6b5fc4', teal: '#3aa3a3', grey: '#8a94a6' };
const axisLabel = { color: '#4a5566' };
const splitLine = { lineStyle: { color: '#edf0f4' } };
const base = { animation: false, tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const } }, legend: { top: 0, textStyle: { color: '#4a5566' } }, grid: { left: 44, right: 24, top: 36, bottom: 28 } };
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

function category(data: string[]) {
  return { type: 'category' as const, data, axisTick: { show: false }, axisLabel: { ...axisLabel, hideOverlap: true } };
}
const countAxis = { type: 'value' as const, minInterval: 1, splitLine, axisLabel: { color: '#7b8594' } };
const rateAxis = { type: 'value' as const, min: 0, max: 100, splitLine, axisLabel: { color: '#7b8594', formatter: '{value}%' } };

function targetLine(value: number, label: string, colour = colours.red) {
  return { silent: true, symbol: 'none', lineStyle: { color: colour, type: 'dashed' as const }, label: { formatter: label, color: colour, position: 'insideEndTop' as const }, data: [{ yAxis: pct(value) }] };
}

export function callsByHour(d: Dashboard, t: TFunction): ChartOption {
  const rows = d.calls.byHour.filter((r) => r.hour >= 7 && r.hour <= 21 || r.inbound + r.outbound > 0);
  return {
    ...base,
    color: [colours.blue, colours.red, colours.teal],
    xAxis: category(rows.map((r) => t('sv.chart.hour', { h: r.hour }))),
    yAxis: countAxis,
    series: [
      { id: 'answered', name: t('sv.kpi.answered'), type: 'bar', stack: 'in', data: rows.map((r) => r.answered), barMaxWidth: 26 },
      { id: 'abandoned', name: t('sv.kpi.abandoned'), type: 'bar', stack: 'in', data: rows.map((r) => r.abandoned), barMaxWidth: 26, itemStyle: { borderRadius: [3, 3, 0, 0] } },
      { id: 'outbound', name: t('sv.kpi.outbound'), type: 'bar', data: rows.map((r) => r.outbound), barMaxWidth: 16 },
    ],
  };
}

export const visitKindsShown = ['first_maintenance', 'maintenance', 'repair', 'accident', 'warranty'] as const;

export function visitsByKind(d: Dashboard, t: TFunction): ChartOption {
  const months = d.visits.byMonth;
  return {
    ...base,
    color: [colours.teal, colours.blue, colours.amber, colours.red, colours.violet],
    xAxis: category(months.map((m) => m.month)),
    yAxis: countAxis,
    series: visitKindsShown.map((kind) => ({ id: kind, name: t(`sv.kind.${kind}`), type: 'bar' as const, stack: 'visits', data: months.map((m) => m[kind]), barMaxWidth: 36 })),
  };
}

/** A monthly rate as a line with its target as a dashed mark line; `band` shades an industry range. */
export function rateByMonth(rows: { month: string; rate: number | null }[], name: string, target: number, t: TFunction, band?: [number, number]): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
    color: [colours.blue],
    xAxis: category(rows.map((r) => r.month)),
    yAxis: rateAxis,
    series: [{
      id: 'rate', name, type: 'line', data: rows.map((r) => pct(r.rate)), connectNulls: false, symbolSize: 8, label: { show: true, formatter: '{c}%', color: '#4a5566' },
      markLine: { ...targetLine(target, t('sv.target', { value: `${pct(target)}%` })), data: [{ yAxis: pct(target) }, ...(band ? band.map((b, i) => ({ yAxis: pct(b), lineStyle: { color: colours.grey }, label: { formatter: i === 0 ? t('sv.industry', { from: `${pct(band[0])}%`, to: `${pct(band[1])}%` }) : '', color: colours.grey, position: 'insideStartBottom' as const } })) : [])] },
    }],
  };
}

export function followUpRates(d: Dashboard, t: TFunction): ChartOption {
  return {
    ...base,
    color: [colours.green],
    xAxis: category(d.followUps.map((f) => f.code)),
    yAxis: rateAxis,
    series: [{ id: 'followUps', name: t('sv.chart.rate'), type: 'bar', barMaxWidth: 48, data: d.followUps.map((f) => pct(f.rate)), label: { show: true, position: 'top', formatter: '{c}%', color: '#4a5566' }, markLine: targetLine(d.targets.followUpCompletion, t('sv.target', { value: `${pct(d.targets.followUpCompletion)}%` })) }],
  };
}

export function complaintSla(d: Dashboard, t: TFunction): ChartOption {
  const open = Math.max(0, d.complaints.total - d.complaints.slaKept - d.complaints.slaMissed);
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle: { color: '#4a5566' } },
    series: [{ id: 'sla', type: 'pie', radius: ['46%', '70%'], center: ['50%', '45%'], label: { formatter: '{c}', color: '#4a5566' }, data: [
      { id: 'kept', name: t('sv.sla.kept'), value: d.complaints.slaKept, itemStyle: { color: colours.green } },
      { id: 'missed', name: t('sv.sla.missed'), value: d.complaints.slaMissed, itemStyle: { color: colours.red } },
      { id: 'open', name: t('sv.sla.open'), value: open, itemStyle: { color: '#b9cff2' } },
    ].filter((x) => x.value > 0) }],
  };
}

export const churnStatusesShown = ['active', 'at_risk', 'lost', 'permanently_lost', 'new'] as const;

export function churnByClass(d: Dashboard, t: TFunction): ChartOption {
  const rows = [...d.churn.byClass].sort((a, b) => a.visitClass.localeCompare(b.visitClass));
  return {
    ...base,
    color: [colours.green, colours.amber, colours.red, colours.grey, colours.lightBlue],
    xAxis: category(rows.map((r) => r.visitClass)),
    yAxis: countAxis,
    series: churnStatusesShown.map((s) => ({ id: s, name: t(`sv.churn.${s}`), type: 'bar' as const, stack: 'class', data: rows.map((r) => r[s]), barMaxWidth: 48 })),
  };
}

export function churnByMonth(d: Dashboard, t: TFunction): ChartOption {
  return {
    ...base,
    color: [colours.red, colours.blue],
    xAxis: category(d.churn.byMonth.map((m) => m.month)),
    yAxis: [countAxis, { ...rateAxis, max: undefined, splitLine: { show: false } }],
    series: [
      { id: 'churned', name: t('sv.kpi.churned'), type: 'bar', data: d.churn.byMonth.map((m) => m.churned), barMaxWidth: 36 },
      { id: 'rate', name: t('sv.chart.rate'), type: 'line', yAxisIndex: 1, data: d.churn.byMonth.map((m) => pct(m.rate)), symbolSize: 7 },
    ],
  };
}

export function churnByAdvisor(d: Dashboard, t: TFunction): ChartOption {
  const rows = [...d.churn.byAdvisor].sort((a, b) => a.churned - b.churned).slice(-15);
  return {
    ...base,
    grid: { left: 88, right: 40, top: 36, bottom: 24 },
    color: [colours.red, colours.lightBlue],
    yAxis: category(rows.map((r) => r.advisorName)),
    xAxis: countAxis,
    series: [
      { id: 'churned', name: t('sv.kpi.churned'), type: 'bar', data: rows.map((r) => r.churned), barMaxWidth: 18, label: { show: true, position: 'right', color: '#4a5566' } },
      { id: 'book', name: t('sv.kpi.book'), type: 'bar', data: rows.map((r) => r.book), barMaxWidth: 18 },
    ],
  };
}

export function salesFunnel(d: Dashboard, t: TFunction): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    color: [colours.blue, '#4a8fe7', colours.lightBlue, colours.teal, colours.green],
    series: [{ id: 'funnel', type: 'funnel', sort: 'none', left: '12%', width: '76%', top: 12, bottom: 12, minSize: '12%', gap: 2, label: { position: 'inside', formatter: '{b}  {c}', color: '#fff' },
      data: d.funnel.rows.map((r) => ({ id: r.stage, name: t(`sv.stage.${r.stage}`), value: r.reached })) }],
  };
}
