import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WinBackRow } from '../../../src-shared/contract/supervisor';
import { churnReasons, winBackStatusTable, type ChurnReason, type WinBackStatus } from '../../../src-shared/domain/winback/winback';
import { useSales, useSalesActions } from '../start';

/** Win-back (seed 004): lost and at-risk customers, why, a call soon, the outcome; important ones to a manager. */
export function WinBackTab() {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const w = useSales((s) => s.winBack);
  return (
    <>
      <div className="sl-filters">
        <label className="sl-check"><input type="checkbox" data-testid="winback-important" checked={w.importantOnly} onChange={(e) => actions.setWinBackFilter(e.target.checked)} />{t('sales.winBack.importantOnly')}</label>
        <span className="sl-spacer" />
        <button type="button" className="btn btn-small" data-testid="winback-build" onClick={() => void actions.buildWinBack().then((out) => out && actions.say(t('sales.winBack.built', out)))}>{t('sales.winBack.build')}</button>
      </div>
      <table className="sl-table" data-testid="winback-table">
        <thead><tr><th>{t('sales.winBack.customer')}</th><th>{t('sales.winBack.advisor')}</th><th>{t('sales.winBack.churn')}</th><th>{t('sales.winBack.lastVisit')}</th><th>{t('sales.winBack.importance')}</th><th>{t('sales.winBack.owner')}</th><th>{t('sales.winBack.callBy')}</th><th>{t('sales.winBack.status')}</th><th className="num">{t('sales.winBack.attempts')}</th><th /></tr></thead>
        <tbody>{w.rows?.map((row) => <WinBackLine key={row.id} row={row} />)}</tbody>
      </table>
      {w.rows?.length === 0 ? <p className="muted">{t('sales.empty')}</p> : null}
    </>
  );
}

function WinBackLine({ row }: { row: WinBackRow }) {
  const { t } = useTranslation();
  const actions = useSalesActions();
  const [editing, setEditing] = useState(false);
  const next = winBackStatusTable[row.status];
  const [status, setStatus] = useState<WinBackStatus>(next[0] ?? row.status);
  const [reason, setReason] = useState<ChurnReason | ''>('');
  const [note, setNote] = useState('');
  return (
    <tr data-testid="winback-row" data-status={row.status} data-customer={row.customerName}>
      <td>{row.customerName}{row.phone ? <span className="muted small"> {row.phone}</span> : null}</td>
      <td>{row.advisorName ?? ''}</td>
      <td>{t(`sales.churnStatus.${row.churnStatus}`, { defaultValue: row.churnStatus })}</td>
      <td>{row.lastVisit ?? ''}</td>
      <td>{row.importance.map((i) => <span key={i} className="sl-flag">{t(`sales.importance.${i}`, { defaultValue: i })}</span>)}</td>
      <td>{row.owner ?? ''}</td>
      <td>{row.callBy ?? ''}</td>
      <td>{t(`sales.winBackStatus.${row.status}`)}{row.reason ? <span className="muted small"> · {t(`sales.churnReason.${row.reason}`, { defaultValue: row.reason })}</span> : null}</td>
      <td className="num">{row.attempts}</td>
      <td className="sl-actions">
        {editing ? (
          <form className="sl-inline" onSubmit={(e) => { e.preventDefault(); void actions.recordWinBack({ id: row.id, status, reason: reason || null, note: note.trim() || null }).then((ok) => ok && setEditing(false)); }}>
            <select data-testid="winback-status" value={status} onChange={(e) => setStatus(e.target.value as WinBackStatus)}>{next.map((s) => <option key={s} value={s}>{t(`sales.winBackStatus.${s}`)}</option>)}</select>
            <select data-testid="winback-reason" value={reason} onChange={(e) => setReason(e.target.value as ChurnReason | '')}><option value="">{t('sales.winBack.reason')}</option>{churnReasons.map((r) => <option key={r} value={r}>{t(`sales.churnReason.${r}`)}</option>)}</select>
            <input placeholder={t('sales.winBack.note')} value={note} onChange={(e) => setNote(e.target.value)} />
            <button type="submit" className="btn btn-small btn-primary" data-testid="winback-save">{t('sales.save')}</button>
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>{t('sales.cancel')}</button>
          </form>
        ) : next.length ? <button type="button" className="btn-link" data-testid="winback-record" onClick={() => setEditing(true)}>{t('sales.winBack.record')}</button> : null}
      </td>
    </tr>
  );
}
