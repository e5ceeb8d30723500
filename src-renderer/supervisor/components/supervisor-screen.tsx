// 主管看板: the supervisor's dashboards (issue 9) over a month range, with refresh of the
// precomputed figures, print (supervisor.css has the print stylesheet) and XLSX export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../src-shared/domain/roles';
import { useDesk } from '../../app/desk-context';
import { errorText } from '../../i18n';
import { supervisorTabs } from '../state/supervisor-store';
import { useSv, useSvActions } from '../start';
import { AppraisalTable } from './appraisal-table';
import { AuditTable } from './audit-table';
import { DashboardTab } from './dashboard-tabs';
import { DrillPanel } from './drill-panel';
import { LiveTab } from './live-tab';
import { QualityTab } from './quality-tab';

export function SupervisorScreen() {
  const { t, i18n } = useTranslation();
  const actions = useSvActions();
  const role = useDesk((s) => s.session.session?.user.role);
  const st = useSv((s) => s);
  const [from, setFrom] = useState(st.from);
  const [to, setTo] = useState(st.to);
  const d = st.dashboard;
  const allowed = role !== undefined && can(role, 'viewDashboards');
  const builtAt = d?.builtAt ? new Date(d.builtAt).toLocaleString(i18n.language, { timeZone: 'Asia/Shanghai', hour12: false }) : null;
  return (
    <main className="sv-screen" data-testid="screen-supervisor" data-status={st.status}>
      <div className="sv-toolbar">
        <h1>{t('sv.title')}</h1>
        <span className="sv-print-range">{st.from} – {st.to}</span>
        <label className="sv-inline no-print"><span>{t('sv.from')}</span><input type="month" data-testid="sv-from" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="sv-inline no-print"><span>{t('sv.to')}</span><input type="month" data-testid="sv-to" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="button" className="btn btn-small btn-primary no-print" data-testid="sv-apply" disabled={!from || !to || from > to} onClick={() => void actions.load(from, to)}>{t('sv.apply')}</button>
        <span className="sv-spacer" />
        <span className="muted sv-built" data-testid="sv-built-at" data-built={d?.builtAt ?? ''}>{d ? (builtAt ? t('sv.builtAt', { at: builtAt }) : t('sv.neverBuilt')) : ''}</span>
        <button type="button" className="btn btn-small no-print" data-testid="sv-refresh" disabled={st.refreshing} onClick={() => void actions.refresh()}>{st.refreshing ? t('sv.refreshing') : t('sv.refresh')}</button>
        <button type="button" className="btn btn-small no-print" data-testid="sv-print" onClick={() => window.print()}>{t('sv.print')}</button>
        <button type="button" className="btn btn-small no-print" data-testid="sv-export-summary" onClick={() => void actions.exportFigure('summary')}>{t('sv.exportSummary')}</button>
      </div>
      {st.error ? (
        <div className="notice is-error sv-message" role="alert" data-testid="sv-error" data-code={st.error.code}>
          <span>{errorText(t, st.error)}</span>
          <button type="button" className="btn-link" onClick={() => actions.clearMessages()}>×</button>
        </div>
      ) : st.notice?.startsWith('exported:') ? (
        <div className="notice sv-message" data-testid="sv-notice">
          <span>{t('sv.exported', { rows: st.notice.slice('exported:'.length) })}</span>
          <button type="button" className="btn-link" onClick={() => actions.clearMessages()}>×</button>
        </div>
      ) : null}
      {allowed ? (
        <>
          <nav className="sv-tabs no-print" role="tablist">
            {supervisorTabs.map((tab) => (
              <button key={tab} type="button" role="tab" aria-selected={st.tab === tab} className={`sv-tab${st.tab === tab ? ' is-active' : ''}`} data-testid={`sv-tab-${tab}`} onClick={() => actions.setTab(tab)}>{t(`sv.tabs.${tab}`)}</button>
            ))}
          </nav>
          <h2 className="sv-print-tab">{t(`sv.tabs.${st.tab}`)}</h2>
          <div className="sv-body" data-testid={`sv-panel-${st.tab}`}>
            {st.tab === 'live' ? <LiveTab /> : st.tab === 'appraisal' ? <AppraisalTable /> : st.tab === 'quality' ? <QualityTab /> : st.tab === 'audit' ? <AuditTable /> : d ? <DashboardTab tab={st.tab} d={d} /> : st.status === 'loading' ? <span className="search-spinner" /> : null}
            {st.tab !== 'live' && st.tab !== 'appraisal' && st.tab !== 'audit' && st.tab !== 'quality' && d ? <p className="muted sv-hint no-print">{t('sv.drillHint')}</p> : null}
            <DrillPanel />
          </div>
        </>
      ) : <p className="muted" data-testid="sv-no-access">{t('sv.noAccess')}</p>}
    </main>
  );
}
