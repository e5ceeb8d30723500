import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenewalRow } from '../../../src-shared/contract/insurance';
import { lostReasons, renewalStageTable, type LostReason } from '../../../src-shared/domain/insurance/renewal';
import type { RenewalWindow } from '../state/sales-store';
import { useSales, useSalesActions } from '../start';

const windows: RenewalWindow[] = [30, 60, 90, 'expired', 'all'];

/** 续保: policies expiring in 90/60/30 days; contacted → quoted → renewed or lost with a reason. */
export function RenewalsTab() {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const r = useSales((s) => s.renewals);
  return (
    <>
      <div className="sl-filters" role="tablist">
        <span className="muted">{t('sales.renewals.window')}</span>
        {windows.map((w) => (
          <button key={w} type="button" className={`sl-seg${r.window === w ? ' is-active' : ''}`} data-testid={`renewals-window-${w}`} onClick={() => actions.setRenewalWindow(w)}>
            {typeof w === 'number' ? t('sales.renewals.days', { n: w }) : t(`sales.renewals.${w}`)}
          </button>
        ))}
      </div>
      <table className="sl-table" data-testid="renewals-table">
        <thead><tr><th>{t('sales.renewals.customer')}</th><th>{t('sales.renewals.plate')}</th><th>{t('sales.renewals.model')}</th><th>{t('sales.renewals.insurer')}</th><th>{t('sales.renewals.endDate')}</th><th className="num">{t('sales.renewals.daysLeft')}</th><th>{t('sales.renewals.stage')}</th><th className="num">{t('sales.renewals.quote')}</th><th /></tr></thead>
        <tbody>{r.rows?.map((row) => <RenewalLine key={row.policyId} row={row} />)}</tbody>
      </table>
      {r.rows?.length === 0 ? <p className="muted">{t('sales.empty')}</p> : null}
    </>
  );
}

function RenewalLine({ row }: { row: RenewalRow }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [mode, setMode] = useState<'quote' | 'lost' | 'renewed' | null>(null);
  const [quote, setQuote] = useState(row.quoteYuan ? String(row.quoteYuan) : '');
  const [reason, setReason] = useState<LostReason>('price');
  const [renewal, setRenewal] = useState({ insurer: row.insurer, start: '', end: '', premium: row.quoteYuan ? String(row.quoteYuan) : '' });
  const next = renewalStageTable[row.stage];
  const done = () => setMode(null);
  return (
    <tr data-testid="renewal-row" data-stage={row.stage} data-customer={row.customerName}>
      <td>{row.customerName}</td><td className="mono">{row.plate ?? ''}</td><td>{row.model ?? ''}</td><td>{row.insurer}</td><td>{row.endDate}</td>
      <td className={`num${row.daysLeft < 0 ? ' sl-late' : row.daysLeft <= 30 ? ' sl-soon' : ''}`}>{row.daysLeft}</td>
      <td>{t(`sales.renewalStage.${row.stage}`)}{row.lostReason ? <span className="muted small"> · {t(`sales.renewalLost.${row.lostReason}`, { defaultValue: row.lostReason })}</span> : null}</td>
      <td className="num">{row.quoteYuan?.toLocaleString() ?? ''}</td>
      <td className="sl-actions">
        {mode === 'quote' ? (
          <form className="sl-inline" onSubmit={(e) => { e.preventDefault(); void actions.updateRenewal({ policyId: row.policyId, stage: 'quoted', quoteYuan: Number(quote) }).then(done); }}>
            <input type="number" min={0} data-testid="renewal-quote" placeholder={t('sales.renewals.quote')} value={quote} onChange={(e) => setQuote(e.target.value)} />
            <button type="submit" className="btn btn-small btn-primary" disabled={!quote}>{t('sales.save')}</button>
            <button type="button" className="btn btn-small" onClick={done}>{t('sales.cancel')}</button>
          </form>
        ) : mode === 'lost' ? (
          <form className="sl-inline" onSubmit={(e) => { e.preventDefault(); void actions.updateRenewal({ policyId: row.policyId, stage: 'lost', lostReason: reason }).then(done); }}>
            <select data-testid="renewal-lost-reason" value={reason} onChange={(e) => setReason(e.target.value as LostReason)}>{lostReasons.map((x) => <option key={x} value={x}>{t(`sales.renewalLost.${x}`)}</option>)}</select>
            <button type="submit" className="btn btn-small btn-primary" data-testid="renewal-lost-confirm">{t('sales.renewals.confirm')}</button>
            <button type="button" className="btn btn-small" onClick={done}>{t('sales.cancel')}</button>
          </form>
        ) : mode === 'renewed' ? (
          <form className="sl-inline" onSubmit={(e) => {
            e.preventDefault();
            void actions.updateRenewal({ policyId: row.policyId, stage: 'renewed', newPolicy: { insurer: renewal.insurer.trim(), startDate: renewal.start, endDate: renewal.end, items: [{ code: 'compulsory', sumInsuredYuan: null, premiumYuan: Number(renewal.premium) }] } }).then(done);
          }}>
            <input placeholder={t('sales.renewals.newInsurer')} value={renewal.insurer} onChange={(e) => setRenewal({ ...renewal, insurer: e.target.value })} />
            <input type="date" aria-label={t('sales.renewals.start')} value={renewal.start} onChange={(e) => setRenewal({ ...renewal, start: e.target.value })} />
            <input type="date" aria-label={t('sales.renewals.end')} value={renewal.end} onChange={(e) => setRenewal({ ...renewal, end: e.target.value })} />
            <input type="number" min={0} placeholder={t('sales.renewals.premium')} value={renewal.premium} onChange={(e) => setRenewal({ ...renewal, premium: e.target.value })} />
            <button type="submit" className="btn btn-small btn-primary" disabled={!renewal.insurer.trim() || !renewal.start || !renewal.end || !renewal.premium}>{t('sales.renewals.confirm')}</button>
            <button type="button" className="btn btn-small" onClick={done}>{t('sales.cancel')}</button>
          </form>
        ) : (
          <>
            {next.includes('contacted') ? <button type="button" className="btn-link" onClick={() => void actions.updateRenewal({ policyId: row.policyId, stage: 'contacted' })}>{t('sales.renewals.contacted')}</button> : null}
            {next.includes('quoted') ? <button type="button" className="btn-link" data-testid="renewal-quote-open" onClick={() => setMode('quote')}>{t('sales.renewals.quoted')}</button> : null}
            {next.includes('renewed') ? <button type="button" className="btn-link" onClick={() => setMode('renewed')}>{t('sales.renewals.renewed')}</button> : null}
            {next.includes('lost') ? <button type="button" className="btn-link" data-testid="renewal-lost-open" onClick={() => setMode('lost')}>{t('sales.renewals.lost')}</button> : null}
          </>
        )}
      </td>
    </tr>
  );
}
