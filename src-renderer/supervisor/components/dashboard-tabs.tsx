// The dashboard's tabs: KPI tiles against the seed targets (seed 001) and charts; every tile
// and every bar, point or slice drills down to its records.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../src-shared/contract/supervisor';
import type { SupervisorTab } from '../state/supervisor-store';
import { useSvActions } from '../start';
import * as charts from './dashboard-charts';
import type { ChartClick } from './echarts-setup';
import { KpiTile, percent } from './kpi-tile';
import { SvChart } from './sv-chart';

function Block({ title, children, wide, empty }: { title: string; children: React.ReactNode; wide?: boolean; empty?: boolean }) {
  const { t } = useTranslation();
  return <section className={`sv-block${wide ? ' is-wide' : ''}`}><h2>{title}</h2>{empty ? <p className="sv-no-data">{t('sv.chart.noData')}</p> : children}</section>;
}

export function DashboardTab({ tab, d }: { tab: Exclude<SupervisorTab, 'live' | 'appraisal' | 'audit'>; d: Dashboard }) {
  const { t } = useTranslation();
  const actions = useSvActions();
  const o = useMemo(() => ({
    hours: charts.callsByHour(d, t), kinds: charts.visitsByKind(d, t),
    due: charts.rateByMonth(d.dueMaintenance.byMonth, t('sv.kpi.dueRate'), d.targets.dueMaintenanceVisitRate, t),
    appt: charts.rateByMonth(d.visits.byMonth.map((m) => ({ month: m.month, rate: m.total ? m.byAppointment / m.total : null })), t('sv.kpi.appointmentRate'), d.targets.appointmentRate, t, d.targets.appointmentRateIndustry),
    renewals: charts.rateByMonth(d.renewals.byMonth, t('sv.kpi.renewalRate'), d.targets.renewalRate, t),
    followUps: charts.followUpRates(d, t), sla: charts.complaintSla(d, t),
    churnClass: charts.churnByClass(d, t), churnMonth: charts.churnByMonth(d, t), churnAdvisor: charts.churnByAdvisor(d, t), funnel: charts.salesFunnel(d, t),
  }), [d, t]);
  const s = d.calls.summary;
  const secs = (v: number | null) => (v === null ? null : t('sv.seconds', { s: Math.round(v) }));
  const hours = d.calls.byHour.filter((r) => r.hour >= 7 && r.hour <= 21 || r.inbound + r.outbound > 0);
  const advisors = [...d.churn.byAdvisor].sort((a, b) => a.churned - b.churned).slice(-15);
  const classes = [...d.churn.byClass].sort((a, b) => a.visitClass.localeCompare(b.visitClass));
  const pick = (fn: (c: ChartClick) => Parameters<typeof actions.drill>[0] | null) => (c: ChartClick) => {
    const target = fn(c);
    if (target) void actions.drill(target);
  };
  const monthOf = (rows: { month: string }[], c: ChartClick) => rows[c.dataIndex]?.month;

  switch (tab) {
    case 'calls':
      return (
        <>
          <div className="sv-kpis">
            <KpiTile id="inbound" label={t('sv.kpi.inbound')} value={s.inbound} drill={{ figure: 'calls', key: 'inbound', name: t('sv.kpi.inbound') }} />
            <KpiTile id="answered" label={t('sv.kpi.answered')} value={s.answered} drill={{ figure: 'calls', key: 'answered', name: t('sv.kpi.answered') }} />
            <KpiTile id="abandoned" label={t('sv.kpi.abandoned')} value={s.abandoned} drill={{ figure: 'calls', key: 'abandoned', name: t('sv.kpi.abandoned') }} />
            <KpiTile id="answerRate" label={t('sv.kpi.answerRate')} value={percent(s.answerRate)} target={d.targets.answerRate} />
            <KpiTile id="outbound" label={t('sv.kpi.outbound')} value={s.outbound} drill={{ figure: 'calls', key: 'outbound', name: t('sv.kpi.outbound') }} />
            <KpiTile id="avgTalk" label={t('sv.kpi.avgTalk')} value={secs(s.avgTalkSeconds)} />
            <KpiTile id="avgWrapUp" label={t('sv.kpi.avgWrapUp')} value={secs(s.avgWrapUpSeconds)} />
            <KpiTile id="avgHandle" label={t('sv.kpi.avgHandle')} value={secs(s.avgHandleSeconds)} />
          </div>
          <div className="sv-charts cols-3">
            <Block title={t('sv.chart.byHour')} wide>
              <SvChart testId="sv-chart-hours" option={o.hours} height={300} onPick={pick((c) => {
                const h = hours[c.dataIndex]?.hour;
                return h === undefined ? null : { figure: 'calls', key: String(h), name: `${t('sv.chart.byHour')} ${t('sv.chart.hour', { h })}` };
              })} />
            </Block>
          </div>
        </>
      );
    case 'service':
      return (
        <>
          <div className="sv-kpis">
            <KpiTile id="visits" label={t('sv.kpi.visits')} value={d.visits.total} drill={{ figure: 'visits', name: t('sv.kpi.visits') }} />
            {charts.visitKindsShown.map((k) => {
              const n = d.visits.byMonth.reduce((sum, m) => sum + m[k], 0);
              return <KpiTile key={k} id={`visits-${k}`} label={t(`sv.kind.${k}`)} value={n} drill={{ figure: 'visits', key: k, name: t(`sv.kind.${k}`) }} />;
            })}
            <KpiTile id="appointmentRate" label={t('sv.kpi.appointmentRate')} value={percent(d.visits.appointmentRate)} target={d.targets.appointmentRate}
              note={t('sv.industry', { from: percent(d.targets.appointmentRateIndustry[0]), to: percent(d.targets.appointmentRateIndustry[1]) })} drill={{ figure: 'appointments', name: t('sv.kpi.byAppointment') }} />
            <KpiTile id="dueRate" label={t('sv.kpi.dueRate')} value={percent(d.dueMaintenance.rate)} target={d.targets.dueMaintenanceVisitRate} note={`${d.dueMaintenance.met}/${d.dueMaintenance.due}`} drill={{ figure: 'dueMaintenance', key: 'missed', name: t('sv.kpi.dueRate') }} />
          </div>
          <div className="sv-charts cols-2">
            <Block title={t('sv.chart.visitsByKind')} wide>
              <SvChart testId="sv-chart-visits" option={o.kinds} onPick={pick((c) => ({ figure: 'visits', key: c.seriesId, month: monthOf(d.visits.byMonth, c), name: `${t(`sv.kind.${c.seriesId ?? 'maintenance'}`)} ${monthOf(d.visits.byMonth, c) ?? ''}` }))} />
            </Block>
            <Block title={t('sv.chart.dueByMonth')}>
              <SvChart testId="sv-chart-due" option={o.due} onPick={pick((c) => ({ figure: 'dueMaintenance', month: monthOf(d.dueMaintenance.byMonth, c), name: `${t('sv.kpi.due')} ${monthOf(d.dueMaintenance.byMonth, c) ?? ''}` }))} />
            </Block>
            <Block title={t('sv.chart.apptByMonth')}>
              <SvChart testId="sv-chart-appointments" option={o.appt} onPick={pick((c) => ({ figure: 'appointments', month: monthOf(d.visits.byMonth, c), name: `${t('sv.kpi.byAppointment')} ${monthOf(d.visits.byMonth, c) ?? ''}` }))} />
            </Block>
          </div>
        </>
      );
    case 'care':
      return (
        <>
          <div className="sv-kpis">
            <KpiTile id="renewalRate" label={t('sv.kpi.renewalRate')} value={percent(d.renewals.rate)} target={d.targets.renewalRate} note={`${d.renewals.renewed}/${d.renewals.expiring}`} drill={{ figure: 'renewals', key: 'expiring', name: t('sv.kpi.expiring') }} />
            <KpiTile id="renewed" label={t('sv.kpi.renewed')} value={d.renewals.renewed} drill={{ figure: 'renewals', key: 'renewed', name: t('sv.kpi.renewed') }} />
            {d.followUps.map((f) => <KpiTile key={f.code} id={`followUp-${f.code}`} label={t('sv.kpi.followUp', { code: f.code })} value={percent(f.rate)} target={d.targets.followUpCompletion} note={`${f.completed}/${f.due}`} drill={{ figure: 'followUps', key: f.code, name: t('sv.kpi.followUp', { code: f.code }) }} />)}
            <KpiTile id="complaints" label={t('sv.kpi.complaints')} value={d.complaints.total} drill={{ figure: 'complaints', name: t('sv.kpi.complaints') }} />
            <KpiTile id="slaRate" label={t('sv.kpi.slaRate')} value={percent(d.complaints.slaKeptRate)} target={d.targets.complaintSlaKept} drill={{ figure: 'complaints', key: 'missed', name: t('sv.sla.missed') }} />
          </div>
          <div className="sv-charts cols-3">
            <Block title={t('sv.chart.renewalsByMonth')}>
              <SvChart testId="sv-chart-renewals" option={o.renewals} onPick={pick((c) => ({ figure: 'renewals', month: monthOf(d.renewals.byMonth, c), name: `${t('sv.kpi.expiring')} ${monthOf(d.renewals.byMonth, c) ?? ''}` }))} />
            </Block>
            <Block title={t('sv.chart.followUps')} empty={d.followUps.length === 0}>
              <SvChart testId="sv-chart-follow-ups" option={o.followUps} onPick={pick((c) => ({ figure: 'followUps', key: d.followUps[c.dataIndex]?.code, name: t('sv.kpi.followUp', { code: d.followUps[c.dataIndex]?.code ?? '' }) }))} />
            </Block>
            <Block title={t('sv.chart.complaintSla')} empty={d.complaints.total === 0}>
              <SvChart testId="sv-chart-sla" option={o.sla} onPick={pick((c) => {
                const key = (c.data as { id?: string } | undefined)?.id;
                return key ? { figure: 'complaints', key, name: t(`sv.sla.${key}`) } : null;
              })} />
            </Block>
          </div>
        </>
      );
    case 'churn': {
      const last = d.churn.byMonth.at(-1);
      return (
        <>
          <div className="sv-kpis">
            {charts.churnStatusesShown.map((st) => <KpiTile key={st} id={`churn-${st}`} label={t(`sv.churn.${st}`)} value={classes.reduce((n, c) => n + c[st], 0)} drill={{ figure: 'churn', key: st, name: t(`sv.churn.${st}`) }} />)}
            <KpiTile id="churned" label={t('sv.kpi.churned')} value={last ? last.churned : null} note={last ? `${percent(last.rate) ?? t('sv.none')} · ${last.month}` : undefined} drill={last ? { figure: 'churn', key: 'counts_against', month: last.month, name: t('sv.kpi.churned') } : undefined} />
          </div>
          <div className="sv-charts cols-3">
            <Block title={t('sv.chart.churnByClass')}>
              <SvChart testId="sv-chart-churn-class" option={o.churnClass} onPick={pick((c) => (c.seriesId ? { figure: 'churn', key: c.seriesId, name: t(`sv.churn.${c.seriesId}`) } : null))} />
            </Block>
            <Block title={t('sv.chart.churnByMonth')}>
              <SvChart testId="sv-chart-churn-month" option={o.churnMonth} onPick={pick((c) => ({ figure: 'churn', key: 'counts_against', month: monthOf(d.churn.byMonth, c), name: `${t('sv.kpi.churned')} ${monthOf(d.churn.byMonth, c) ?? ''}` }))} />
            </Block>
            <Block title={t('sv.chart.churnByAdvisor')}>
              <SvChart testId="sv-chart-churn-advisor" option={o.churnAdvisor} onPick={pick((c) => {
                const a = advisors[c.dataIndex];
                return a ? { figure: 'churn', key: 'counts_against', ...(a.advisorId !== null ? { advisorId: a.advisorId } : {}), name: `${t('sv.kpi.churned')} ${a.advisorName}` } : null;
              })} />
            </Block>
          </div>
        </>
      );
    }
    case 'funnel':
      return (
        <>
          <div className="sv-kpis">
            <KpiTile id="leads" label={t('sv.kpi.leads')} value={d.funnel.total} drill={{ figure: 'funnel', name: t('sv.kpi.leads') }} />
            <KpiTile id="won" label={t('sv.kpi.won')} value={d.funnel.won} drill={{ figure: 'funnel', key: 'won', name: t('sv.kpi.won') }} />
            <KpiTile id="lost" label={t('sv.kpi.lost')} value={d.funnel.lost} drill={{ figure: 'funnel', key: 'lost', name: t('sv.kpi.lost') }} />
            <KpiTile id="winRate" label={t('sv.kpi.winRate')} value={percent(d.funnel.winRate)} />
          </div>
          <div className="sv-charts cols-3">
            <Block title={t('sv.chart.funnel')} wide empty={d.funnel.total === 0}>
              <SvChart testId="sv-chart-funnel" option={o.funnel} height={300} onPick={pick((c) => {
                const r = d.funnel.rows[c.dataIndex];
                return r ? { figure: 'funnel', key: r.stage, name: t(`sv.stage.${r.stage}`) } : null;
              })} />
            </Block>
          </div>
        </>
      );
  }
}
