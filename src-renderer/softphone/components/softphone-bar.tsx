// The softphone bar, always visible: registration, agent state (with reason codes and the
// after-call-work countdown), dialling, the calls in progress, and the panels.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acwSecondsLeft, notReadyReasons, type ResumeState } from '../../../src-shared/domain/softphone/agent-state';
import { CallbacksList } from './callbacks-list';
import { CallHistory } from './call-history';
import { InCallControls } from './in-call-controls';
import { MonitorBox, MonitoredBadge } from './monitor-box';
import { RingingPanel } from './ringing-panel';
import { SoftphoneSettingsPanel } from './softphone-settings';
import { usePhone, useSoftphone } from './use-softphone';
import { WrapUpForm } from './wrap-up-form';

const stateOptions: { value: string; state: ResumeState }[] = [
  { value: 'ready', state: { kind: 'ready' } },
  { value: 'break', state: { kind: 'break' } },
  ...notReadyReasons.map((reason) => ({ value: `not_ready:${reason}`, state: { kind: 'not_ready', reason } as ResumeState })),
];

function stateValue(s: ResumeState): string {
  return s.kind === 'not_ready' ? `not_ready:${s.reason}` : s.kind;
}

export function SoftphoneBar() {
  const { t } = useTranslation();
  const phone = usePhone();
  const registration = useSoftphone((s) => s.registration);
  const agent = useSoftphone((s) => s.agent);
  const now = useSoftphone((s) => s.now);
  const calls = useSoftphone((s) => s.calls);
  const wrapUps = useSoftphone((s) => s.wrapUps);
  const panel = useSoftphone((s) => s.panel);
  const headset = useSoftphone((s) => s.headset);
  const [number, setNumber] = useState('');
  const resume: ResumeState = agent.kind === 'on_call' || agent.kind === 'after_call_work' ? agent.resume : agent;
  const label = agent.kind === 'not_ready' ? `${t('softphone.agent.not_ready')} · ${t(`softphone.agent.reasons.${agent.reason}`)}` : t(`softphone.agent.${agent.kind}`);
  return (
    <div className="softphone" data-testid="softphone">
      <div className="softphone-bar">
        <span className={`sp-reg sp-reg-${registration}`} data-testid="sp-registration" data-state={registration}>{t(`softphone.registration.${registration}`)}</span>
        <span className={`sp-agent sp-agent-${agent.kind}`} data-testid="sp-agent-state" data-state={agent.kind}>
          {agent.kind === 'after_call_work' ? t('softphone.agent.acwLeft', { s: acwSecondsLeft(agent, now || Date.now()) }) : label}
        </span>
        <select
          aria-label={t('softphone.agent.ready')}
          data-testid="sp-agent-select"
          value={stateValue(resume)}
          onChange={(e) => phone.chooseAgentState(stateOptions.find((o) => o.value === e.target.value)!.state)}
        >
          {stateOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.state.kind === 'not_ready' ? `${t('softphone.agent.not_ready')} · ${t(`softphone.agent.reasons.${o.state.reason}`)}` : t(`softphone.agent.${o.state.kind}`)}
            </option>
          ))}
        </select>
        <form className="sp-dial" onSubmit={(e) => { e.preventDefault(); void phone.dial(number); }}>
          <input data-testid="sp-dial-input" value={number} placeholder={t('softphone.dial.placeholder')} onChange={(e) => setNumber(e.target.value)} inputMode="tel" />
          <button type="submit" className="btn btn-small" data-testid="sp-dial" disabled={registration !== 'registered'}>{t('softphone.dial.call')}</button>
          <button type="button" className="btn btn-small" data-testid="sp-redial" disabled={registration !== 'registered'} onClick={() => void phone.redial()}>{t('softphone.dial.redial')}</button>
        </form>
        <MonitoredBadge />
        <MonitorBox />
        <span className="sp-headset" data-testid="sp-headset" data-connected={headset.connected}>{headset.connected ? t('softphone.settings.headsetConnected', { name: headset.name }) : ''}</span>
        <span className="sp-spacer" />
        <button type="button" className="btn btn-small" data-testid="sp-open-callbacks" onClick={() => phone.openPanel('callbacks')}>{t('softphone.callbacks.title')}</button>
        <button type="button" className="btn btn-small" data-testid="sp-open-history" onClick={() => phone.openPanel('history')}>{t('softphone.history.title')}</button>
        <button type="button" className="btn btn-small" data-testid="sp-open-settings" onClick={() => phone.openPanel('settings')}>{t('softphone.settings.title')}</button>
      </div>
      {calls.filter((c) => c.phase === 'ringing').map((c) => <RingingPanel key={c.id} call={c} />)}
      {calls.filter((c) => c.phase !== 'ringing').map((c) => <InCallControls key={c.id} call={c} />)}
      {wrapUps.map((w) => <WrapUpForm key={w.callId} wrapUp={w} />)}
      {panel === 'settings' ? <SoftphoneSettingsPanel /> : null}
      {panel === 'history' ? <CallHistory /> : null}
      {panel === 'callbacks' ? <CallbacksList /> : null}
    </div>
  );
}
