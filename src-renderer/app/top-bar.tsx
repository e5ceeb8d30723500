import { useTranslation } from 'react-i18next';
import { roles, can, type Role } from '../../src-shared/domain/roles';
import { supportedLocales } from '../i18n';
import { enabledScreens, showScreen, useScreen } from '../workflows/navigation';
import { SyncTools } from '../sync/components/sync-tools';
import { useActions, useDesk } from './desk-context';

const navItems = ['customers', 'calls', 'knowledge', 'workOrders', 'followUps', 'reports', 'sales', 'supervisor'] as const;

export function TopBar() {
  const { t } = useTranslation();
  const actions = useActions();
  const session = useDesk((s) => s.session.session);
  const locale = useDesk((s) => s.session.locale);
  const switching = useDesk((s) => s.session.switchingRole);
  const role = session?.user.role ?? null;
  const screen = useScreen();
  const showData = role !== null && (can(role, 'importCustomers') || can(role, 'backupDatabase'));
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>D</span>
        <span className="brand-name">Dealerdesk</span>
        <span className="brand-sub">{t('app.title')}</span>
      </div>
      <nav className="top-nav" aria-label="main">
        {navItems.filter((item) => item !== 'supervisor' || (role !== null && can(role, 'viewDashboards'))).map((item) => (
          <button
            key={item}
            type="button"
            className={`nav-item${item === screen ? ' is-active' : ''}`}
            disabled={!enabledScreens.has(item)}
            title={enabledScreens.has(item) ? undefined : t('app.comingSoon')}
            data-testid={`nav-${item}`}
            onClick={() => showScreen(item)}
          >
            {t(`app.nav.${item}`)}
          </button>
        ))}
      </nav>
      <div className="top-tools">
        <SyncTools />
        {showData ? (
          <>
            {can(role, 'importCustomers') ? (
              <button type="button" className="btn btn-small" data-testid="open-import" onClick={() => actions.transfer.openPanel('import')}>{t('import.open')}</button>
            ) : null}
            {can(role, 'backupDatabase') ? (
              <button type="button" className="btn btn-small" data-testid="open-backup" onClick={() => actions.transfer.openPanel('backup')} title={t('backup.title')}>{t('backup.open')}</button>
            ) : null}
          </>
        ) : null}
        {session?.demoMode ? <span className="demo-flag">{t('app.demoMode')}</span> : null}
        <div className="user-box" data-testid="current-user">
          <span className="user-avatar" aria-hidden>{session?.user.name.slice(0, 1) ?? '·'}</span>
          <span className="user-name">{session?.user.name ?? '…'}</span>
          {session?.demoMode ? (
            <select
              className="role-select"
              data-testid="role-switcher"
              aria-label={t('app.role')}
              value={role ?? ''}
              disabled={switching || !session}
              onChange={(event) => void actions.session.switchRole(event.target.value as Role)}
            >
              {roles.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          ) : (
            <span className="role-badge" data-testid="current-role">{role ? t(`roles.${role}`) : ''}</span>
          )}
        </div>
        <div className="lang-switch" role="group" aria-label={t('app.language')} data-testid="language-switch">
          {supportedLocales.map((l) => (
            <button key={l} type="button" className={l === locale ? 'is-active' : ''} data-testid={`lang-${l}`} onClick={() => void actions.session.setLocale(l)}>
              {t(`locales.${l}`)}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
