// SMTP settings of the dealership (the same settings the customer-care emails use, kept by
// workflows.settings.*): host, port, TLS, user, from; the password goes to the secret store in
// main and only "saved" comes back.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowSettings } from '../../../src-shared/contract/workflow-settings';
import { useDesk } from '../../app/desk-context';
import { useKbActions } from '../start';

export function MailSettings() {
  const { t } = useTranslation();
  const actions = useKbActions();
  const role = useDesk((s) => s.session.session?.user.role ?? null);
  const allowed = role === 'supervisor' || role === 'admin';
  const [email, setEmail] = useState<WorkflowSettings['email'] | null>(null);
  const [password, setPassword] = useState('');
  const [queued, setQueued] = useState(0);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    void actions.mailSettings().then((s) => live && setEmail(s.email), () => live && setEmail(null));
    void actions.outboxCount().then((n) => live && setQueued(n));
    return () => {
      live = false;
    };
  }, [actions]);
  if (!email) return <section className="panel kb-mail" data-testid="kb-mail-settings"><span className="search-spinner" /></section>;
  const change = (patch: Partial<WorkflowSettings['email']>) => {
    setSaved(false);
    setEmail({ ...email, ...patch });
  };
  const save = async () => {
    const { hasPassword: _h, password: _p, ...plain } = email;
    const result = await actions.saveMailSettings({ ...plain, ...(password ? { password } : {}) });
    if (result) {
      setEmail(result.email);
      setPassword('');
      setSaved(true);
    }
  };
  return (
    <form className="panel kb-mail" data-testid="kb-mail-settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <header className="kb-pane-head">
        <h1>{t('kb.mail.title')}</h1>
        <span className="kb-grow" />
        <span className="muted small" data-testid="kb-outbox-count">{t('kb.mail.outbox', { queued })}</span>
      </header>
      <p className="muted small">{allowed ? t('kb.mail.hint') : t('kb.mail.adminOnly')}</p>
      <fieldset className="kb-mail-grid" disabled={!allowed}>
        <label className="kb-field">{t('kb.mail.host')}<input data-testid="kb-smtp-host" value={email.host} placeholder="smtp.exmail.qq.com" onChange={(e) => change({ host: e.target.value })} /></label>
        <label className="kb-field">{t('kb.mail.port')}<input data-testid="kb-smtp-port" inputMode="numeric" value={String(email.port)} onChange={(e) => change({ port: Number(e.target.value.replace(/\D/g, '')) || 0 })} /></label>
        <label className="kb-check"><input type="checkbox" data-testid="kb-smtp-secure" checked={email.secure} onChange={(e) => change({ secure: e.target.checked })} />{t('kb.mail.secure')}</label>
        <label className="kb-field">{t('kb.mail.user')}<input data-testid="kb-smtp-user" value={email.user} autoComplete="off" onChange={(e) => change({ user: e.target.value })} /></label>
        <label className="kb-field">{t('kb.mail.password')}<input data-testid="kb-smtp-password" type="password" autoComplete="new-password" value={password} placeholder={email.hasPassword ? t('kb.mail.passwordKept') : ''} onChange={(e) => { setSaved(false); setPassword(e.target.value); }} /></label>
        <label className="kb-field">{t('kb.mail.from')}<input data-testid="kb-smtp-from" value={email.from} placeholder="service@dealer.example" onChange={(e) => change({ from: e.target.value })} /></label>
      </fieldset>
      {allowed ? (
        <div className="kb-form-buttons">
          {saved ? <span className="kb-saved" data-testid="kb-smtp-saved">✓ {t('kb.mail.saved')}</span> : null}
          <button type="submit" className="btn btn-small btn-primary" data-testid="kb-smtp-save">{t('kb.mail.save')}</button>
        </div>
      ) : null}
    </form>
  );
}
