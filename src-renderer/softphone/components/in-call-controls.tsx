// Controls of one call in progress: timer, hold, mute, DTMF pad, blind / attended transfer,
// three-way conference, hang-up. data-* attributes expose the media counters (the call-quality
// readout) for diagnostics and the e2e tests.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../state/softphone-slice';
import { CustomerMatch } from './ringing-panel';
import { usePhone, useSoftphone } from './use-softphone';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

function timer(fromIso: string | null, now: number): string {
  if (!fromIso || !now) return '00:00';
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function InCallControls({ call }: { call: CallView }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const now = useSoftphone((s) => s.now);
  const [target, setTarget] = useState('');
  const [pad, setPad] = useState(false);
  const connected = call.phase === 'connected' || call.phase === 'held';
  return (
    <section
      className="sp-call"
      data-testid="sp-call"
      data-call-id={call.id}
      data-phase={call.phase}
      data-muted={call.muted}
      data-consult={call.consultFor !== null}
      data-conference={call.conference}
      data-inbound-bytes={call.quality.inboundBytes}
      data-outbound-bytes={call.quality.outboundBytes}
    >
      <span className="sp-caller-number" data-testid="sp-call-number">{call.remoteNumber}</span>
      {call.remoteName ? <span className="sp-caller-name">{call.remoteName}</span> : null}
      <span className="sp-timer" data-testid="sp-timer">{timer(call.answerAt, now)}</span>
      {call.phase === 'held' ? <span className="sp-flag">{t('softphone.call.held')}</span> : null}
      {call.muted ? <span className="sp-flag">{t('softphone.call.muted')}</span> : null}
      {call.consultFor ? <span className="sp-flag">{t('softphone.call.consulting')}</span> : null}
      {call.conference ? <span className="sp-flag">{t('softphone.call.inConference')}</span> : null}
      {call.direction === 'inbound' ? <CustomerMatch call={call} /> : null}
      <div className="sp-actions">
        <button type="button" className="btn btn-small" data-testid="sp-hold" disabled={!connected} onClick={() => phone.hold(call.id)}>{call.phase === 'held' ? t('softphone.call.resume') : t('softphone.call.hold')}</button>
        <button type="button" className="btn btn-small" data-testid="sp-mute" disabled={!connected} onClick={() => phone.toggleMute(call.id)}>{call.muted ? t('softphone.call.unmute') : t('softphone.call.mute')}</button>
        <button type="button" className="btn btn-small" data-testid="sp-pad" disabled={!connected} onClick={() => setPad(!pad)}>{t('softphone.dial.pad')}</button>
        <input data-testid="sp-transfer-target" value={target} placeholder={t('softphone.call.transferTo')} onChange={(e) => setTarget(e.target.value)} disabled={!connected || call.consultFor !== null} />
        <button type="button" className="btn btn-small" data-testid="sp-blind-transfer" disabled={!connected || !target} onClick={() => phone.blindTransfer(call.id, target)}>{t('softphone.call.blind')}</button>
        <button type="button" className="btn btn-small" data-testid="sp-consult" disabled={!connected || !target} onClick={() => void phone.consult(call.id, target)}>{t('softphone.call.consult')}</button>
        {call.consultFor && call.phase === 'connected' ? (
          <>
            <button type="button" className="btn btn-small" data-testid="sp-complete-transfer" onClick={() => phone.completeTransfer(call.id)}>{t('softphone.call.complete')}</button>
            <button type="button" className="btn btn-small" data-testid="sp-conference" disabled={call.conference} onClick={() => void phone.conference(call.id)}>{t('softphone.call.conference')}</button>
          </>
        ) : null}
        <button type="button" className="btn btn-small btn-danger" data-testid="sp-hangup" onClick={() => phone.hangup(call.id)}>{t('softphone.call.hangup')}</button>
      </div>
      {pad ? (
        <div className="sp-pad" data-testid="sp-dtmf-pad">
          {keys.map((k) => <button key={k} type="button" className="btn btn-small" data-testid={`sp-dtmf-${k}`} onClick={() => phone.dtmf(call.id, k)}>{k}</button>)}
          <span data-testid="sp-dtmf-sent">{call.dtmfSent}</span>
        </div>
      ) : null}
    </section>
  );
}
