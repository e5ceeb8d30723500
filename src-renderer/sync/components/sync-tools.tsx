// The top bar's sync buttons: the connect form for everyone, the conflict inbox (with its
// open count) for the roles that may resolve conflicts.
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../app/desk-context';
import { mayResolveConflicts } from '../roles';
import { useSync, useSyncActions } from '../start';

export function SyncTools() {
  const { t } = useTranslation();
  const actions = useSyncActions();
  const role = useDesk((s) => s.session.session?.user.role ?? null);
  const open = useSync((s) => s.status?.openConflicts ?? 0);
  return (
    <>
      <button type="button" className="btn btn-small" data-testid="open-sync-connect" title={t('sync.serverButtonTitle')} onClick={() => actions.open('connect')}>
        {t('sync.serverButton')}
      </button>
      {role && mayResolveConflicts(role) ? (
        <button
          type="button"
          className={`btn btn-small${open > 0 ? ' sync-inbox-has' : ''}`}
          data-testid="open-sync-inbox"
          data-open={open}
          title={t('sync.inboxButtonTitle')}
          onClick={() => actions.open('inbox')}
        >
          {t('sync.inboxButton', { count: open })}
        </button>
      ) : null}
    </>
  );
}
