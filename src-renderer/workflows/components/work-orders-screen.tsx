// 工单: the queue with its detail, the rescue board, appointments and the front desk.
import { useTranslation } from 'react-i18next';
import { useWf, useWfActions } from '../start';
import type { WorkTab } from '../state/workflows-store';
import { AppointmentBooking } from './appointment-booking';
import { FrontDesk } from './front-desk';
import { RescueBoard } from './rescue-board';
import { WorkQueue } from './work-queue';

const tabs: WorkTab[] = ['queue', 'rescue', 'appointments', 'frontDesk'];

export function WorkOrdersScreen() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const tab = useWf((s) => s.tab);
  return (
    <main className="wf-screen" data-testid="screen-workOrders">
      <nav className="wf-tabs" aria-label={t('app.nav.workOrders')}>
        {tabs.map((x) => (
          <button key={x} type="button" className={`wf-tab${tab === x ? ' is-active' : ''}`} data-testid={`wf-tab-${x}`} onClick={() => actions.setTab(x)}>{t(`wf.nav.${x}`)}</button>
        ))}
        <span className="wf-grow" />
        {tab === 'rescue' ? (
          <button type="button" className="btn btn-small" data-testid="new-rescue" onClick={() => actions.create.open({ customerId: null, customerName: null, vehicles: [], kind: 'rescue' })}>{t('wf.rescue.newRescue')}</button>
        ) : null}
      </nav>
      <div className="wf-screen-body">
        {tab === 'queue' ? <WorkQueue /> : tab === 'rescue' ? <RescueBoard /> : tab === 'appointments' ? <AppointmentBooking /> : <FrontDesk />}
      </div>
    </main>
  );
}
