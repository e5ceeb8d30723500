import { useTranslation } from 'react-i18next';
import { useSv, useSvActions } from '../start';

/** The audit log (seed 000): revealed numbers with their reason, exports and refusals, alerts. */
export function AuditTable() {
  const { t, i18n } = useTranslation();
  const actions = useSvActions();
  const rows = useSv((s) => s.audit);
  return (
    <section className="sv-block" data-testid="sv-audit">
      <div className="sv-block-head"><span className="sv-spacer" /><button type="button" className="btn btn-small no-print" onClick={() => void actions.loadAudit()}>{t('sv.audit.reload')}</button></div>
      {rows === null ? <span className="search-spinner" /> : rows.length === 0 ? <p className="muted">{t('sv.audit.empty')}</p> : (
        <div className="sv-table-wrap">
          <table className="sv-table">
            <thead><tr><th>{t('sv.audit.at')}</th><th>{t('sv.audit.actor')}</th><th>{t('sv.audit.role')}</th><th>{t('sv.audit.action')}</th><th>{t('sv.audit.customer')}</th><th>{t('sv.audit.reason')}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="sv-audit-row" data-action={r.action} data-actor={r.actor}>
                  <td>{new Date(r.at).toLocaleString(i18n.language, { timeZone: 'Asia/Shanghai', hour12: false })}</td>
                  <td>{r.actor}</td>
                  <td>{t(`roles.${r.role}`, { defaultValue: r.role })}</td>
                  <td>{t(`sv.audit.actions.${r.action}`, { defaultValue: r.action })}</td>
                  <td className="num">{r.customerId ?? ''}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
