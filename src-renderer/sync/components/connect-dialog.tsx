// The connect form: server URL, user, password (never stored), optional CA PEM.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';
import { useSync, useSyncActions } from '../start';

export function ConnectDialog() {
  const { t } = useTranslation();
  const actions = useSyncActions();
  const status = useSync((s) => s.status);
  const connecting = useSync((s) => s.connecting);
  const error = useSync((s) => s.connectError);
  const [form, setForm] = useState({ serverUrl: status?.serverUrl ?? '', username: '', password: '', caPem: '' });
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value })),
  });
  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); actions.close(); } }}>
      <form
        className="modal sync-connect"
        role="dialog"
        aria-label={t('sync.connect.title')}
        data-testid="sync-connect-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void actions.connect(form).then((result) => { if (result) setForm((f) => ({ ...f, password: '' })); });
        }}
      >
        <header className="modal-header">
          <h1>{t('sync.connect.title')}</h1>
          <button type="button" className="btn btn-small btn-ghost" aria-label={t('sync.connect.close')} onClick={() => actions.close()}>✕</button>
        </header>
        <div className="modal-body">
          <p className="muted small">{t('sync.connect.intro')}</p>
          {status?.serverUrl ? (
            <div className="sync-current" data-testid="sync-connect-state" data-connection={status.connection}>
              {t('sync.connect.current', { url: status.serverUrl })} · {t('sync.connect.result', { state: t(`sync.connection.${status.connection}`) })}
            </div>
          ) : null}
          <label className="sync-field">{t('sync.connect.serverUrl')}
            <input type="url" required placeholder={t('sync.connect.serverUrlHint')} data-testid="sync-server-url" autoFocus {...field('serverUrl')} />
          </label>
          <label className="sync-field">{t('sync.connect.username')}
            <input required autoComplete="username" data-testid="sync-username" {...field('username')} />
          </label>
          <label className="sync-field">{t('sync.connect.password')}
            <input type="password" required autoComplete="current-password" data-testid="sync-password" {...field('password')} />
            <span className="muted small">{t('sync.connect.passwordHint')}</span>
          </label>
          <label className="sync-field">{t('sync.connect.caPem')}
            <textarea rows={3} spellCheck={false} className="mono" placeholder="-----BEGIN CERTIFICATE-----" data-testid="sync-ca-pem" {...field('caPem')} />
            <span className="muted small">{t('sync.connect.caPemHint')}</span>
          </label>
          {error ? <div className="notice is-error" data-testid="sync-connect-error">{errorText(t, error)} {error.message}</div> : null}
          <footer className="modal-footer">
            {status?.configured ? (
              <button type="button" className="btn" data-testid="sync-now" onClick={() => void actions.syncNow()}>{t('sync.connect.syncNow')}</button>
            ) : null}
            <button type="button" className="btn" onClick={() => actions.close()}>{t('sync.connect.cancel')}</button>
            <button type="submit" className="btn btn-primary" data-testid="sync-connect-submit" disabled={connecting}>
              {connecting ? t('sync.connect.connecting') : t('sync.connect.submit')}
            </button>
          </footer>
        </div>
      </form>
    </div>
  );
}
