import { useTranslation } from 'react-i18next';
import { can } from '../../src-shared/domain/roles';
import { useActions, useDesk } from '../app/desk-context';

const demoCustomers = 5_000;

/** Shown in the card area while the desk has no customers at all (first start without an import). */
export function EmptyDesk() {
  const { t } = useTranslation();
  const actions = useActions();
  const role = useDesk((s) => s.session.session?.user.role ?? null);
  const seeding = useDesk((s) => s.tasks.tasks.some((task) => !task.finished));
  return (
    <section className="card-pane card-empty" data-testid="empty-desk">
      <div className="empty-message">{t('demo.emptyTitle')}</div>
      <p className="muted">{t('demo.emptyBody')}</p>
      <div className="empty-actions">
        {role && can(role, 'importCustomers') ? (
          <button type="button" className="btn" onClick={() => actions.transfer.openPanel('import')}>{t('import.open')}</button>
        ) : null}
        {role && can(role, 'seedDemoData') ? (
          <button type="button" className="btn btn-primary" data-testid="seed-demo" disabled={seeding} onClick={() => void actions.session.seedDemo(demoCustomers)}>
            {t('demo.seed', { count: demoCustomers })}
          </button>
        ) : null}
      </div>
    </section>
  );
}
