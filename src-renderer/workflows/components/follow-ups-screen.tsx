// 回访: the queue offers only customers that may be called now (seed 002 calling windows); outside
// the window it says why (e.g. 午休 12:00–13:00) and when calling may start again.
import { useTranslation } from 'react-i18next';
import { followUpTabStore, followUpTabs, useFollowUpTab } from '../navigation';
import { useWf, useWfActions } from '../start';
import { CareScreen } from '../care/care-screen';
import { MessagesScreen } from '../messages/messages-screen';
import { QuestionnaireEditor } from '../questionnaires/questionnaire-editor';
import { SurveysScreen } from '../surveys/surveys-screen';
import { callingReason, localClockText } from '../state/calling-reason';
import { FollowUpCallView } from './follow-up-call';
import { codeLabel } from './labels';

export function FollowUpsScreen() {
  const { t } = useTranslation();
  const call = useWf((s) => s.followUps.call);
  const tab = useFollowUpTab();
  if (call) return <main className="wf-screen" data-testid="screen-followUps"><FollowUpCallView /></main>;
  return (
    <main className="wf-screen" data-testid="screen-followUps">
      <nav className="wf-tabs" aria-label={t('app.nav.followUps')}>
        {followUpTabs.map((x) => (
          <button key={x} type="button" className={`wf-tab${tab === x ? ' is-active' : ''}`} data-testid={`fu-tab-${x}`} onClick={() => followUpTabStore.setState({ tab: x })}>{t(`wf.tabs.${x}`)}</button>
        ))}
      </nav>
      <div className="wf-screen-body">
        {tab === 'queue' ? <FollowUpQueue /> : tab === 'care' ? <CareScreen /> : tab === 'messages' ? <MessagesScreen /> : tab === 'questionnaires' ? <QuestionnaireEditor /> : <SurveysScreen />}
      </div>
    </main>
  );
}

function FollowUpQueue() {
  const { t } = useTranslation();
  const actions = useWfActions();
  const f = useWf((s) => s.followUps);
  const queue = f.queue;
  const rules = f.settings?.callingWindows ?? null;
  return (
    <section className="wf-follow-queue">
      <div className="wf-toolbar">
        <h1>{t('wf.followUps.title')}</h1>
        {queue?.callableNow ? <span className="wf-count">{queue.items.length}</span> : null}
        <span className="wf-grow" />
        <button type="button" className="btn btn-small" data-testid="follow-ups-refresh" onClick={() => void actions.followUps.load()}>{t('wf.followUps.refresh')}</button>
      </div>
      {queue && !queue.callableNow && rules ? <NotCallable nextCallableAt={queue.nextCallableAt} rules={rules} /> : null}
      {queue?.callableNow && queue.items.length === 0 ? <p className="wf-empty" data-testid="follow-ups-empty">{t('wf.followUps.empty')}</p> : null}
      {queue?.callableNow && queue.items.length > 0 ? (
        <table className="grid wf-follow-table" data-testid="follow-up-queue">
          <thead><tr><th>{t('wf.queue.customer')}</th><th>{t('wf.detail.plate')}</th><th>{t('wf.queue.title')}</th><th>{t('wf.field.dueDate')}</th><th>{t('wf.field.lastOutcome')}</th><th /></tr></thead>
          <tbody>
            {queue.items.map((item) => (
              <tr key={item.id} data-testid="follow-up-row" data-id={item.id}>
                <td><strong>{item.customerName ?? ''}</strong></td>
                <td>{item.plate ?? ''}</td>
                <td>{item.title}</td>
                <td className="mono">{String(item.fields.dueDate ?? '')}</td>
                <td>{item.fields.lastOutcome ? `${codeLabel(t, 'outcome', String(item.fields.lastOutcome))} · ${t('wf.followUps.attempts', { count: item.attempts })}` : ''}</td>
                <td><button type="button" className="btn btn-small btn-primary" data-testid="follow-up-start" onClick={() => actions.followUps.start(item)}>{t('wf.followUps.start')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function NotCallable({ nextCallableAt, rules }: { nextCallableAt: string | null; rules: Parameters<typeof callingReason>[1] }) {
  const { t } = useTranslation();
  const reason = callingReason(nextCallableAt, rules);
  return (
    <div className="notice is-warning big wf-not-callable" data-testid="follow-ups-not-callable" data-reason={reason.kind}>
      <div>{t('wf.followUps.notCallable')}</div>
      <div className="wf-reason" data-testid="follow-ups-reason">
        {reason.kind === 'break'
          ? t('wf.followUps.reasonBreak', { name: t(reason.lunch ? 'wf.followUps.lunch' : 'wf.followUps.break'), from: reason.from, to: reason.to })
          : t('wf.followUps.reasonOutside', { from: reason.from, to: reason.to })}
      </div>
      {reason.nextAt ? <div className="wf-next" data-testid="follow-ups-next">{t('wf.followUps.nextAt', { time: localClockText(reason.nextAt, rules.timeZone, new Date()) })}</div> : null}
    </div>
  );
}
