// The workflow screens the top bar switches to, plus what floats over any of them (the create
// dialog, the error banner).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';
import type { WorkflowScreen } from '../navigation';
import { useWf, useWfActions } from '../start';
import { CreateWorkItemDialog } from './create-dialog';
import { FollowUpsScreen } from './follow-ups-screen';
import { StatsScreen } from './stats-screen';
import { WorkOrdersScreen } from './work-orders-screen';

export function WorkflowScreens({ screen }: { screen: WorkflowScreen }) {
  return screen === 'workOrders' ? <WorkOrdersScreen /> : screen === 'followUps' ? <FollowUpsScreen /> : <StatsScreen />;
}

/** Mounted once in the shell so the customer card's 新建工单 works from every screen. */
export function WorkflowOverlays() {
  return (
    <>
      <CreateWorkItemDialog />
      <ErrorBanner />
    </>
  );
}

function ErrorBanner() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const error = useWf((s) => s.error);
  useEffect(() => {
    if (!error) return;
    const timer = setTimeout(() => actions.clearError(), 10_000);
    return () => clearTimeout(timer);
  }, [actions, error]);
  if (!error) return null;
  return (
    <div className="notice is-error wf-error" role="alert" data-testid="wf-error">
      <span title={error.message}>{t('wf.errors.failed', { reason: errorText(t, error) })}</span>
      <button type="button" className="btn-link" onClick={() => actions.clearError()}>×</button>
    </div>
  );
}
