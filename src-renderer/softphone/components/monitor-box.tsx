// The supervisor's live-monitoring control in the softphone bar: an agent's extension, then
// 监听 (listen) / 耳语 (whisper) / 结束 (end), with the time listened. Shown to roles that may
// monitor; main refuses the others anyway (softphone.monitor.audit).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canMonitor } from '../../../src-shared/domain/softphone/monitor';
import { useDesk } from '../../app/desk-context';
import { usePhone, useSoftphone } from './use-softphone';

export function elapsed(since: number | null, now: number): string {
  if (!since || !now) return '00:00';
  const s = Math.max(0, Math.floor((now - since) / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function MonitorBox() {
  const role = useDesk((s) => s.session.session?.user.role ?? null);
  return canMonitor(role) ? <MonitorControls /> : null;
}

function MonitorControls() {
  const { t } = useTranslation();
  const phone = usePhone();
  const monitoring = useSoftphone((s) => s.monitoring);
  const error = useSoftphone((s) => s.monitorError);
  const registration = useSoftphone((s) => s.registration);
  const now = useSoftphone((s) => s.now);
  const [extension, setExtension] = useState('');
  if (monitoring) {
    const whisper = monitoring.mode === 'whisper';
    return (
      <div className="sp-monitor is-active" data-testid="sp-monitor" role="group" aria-label={t('softphone.monitor.title')}>
        <span className={`sp-monitor-status sp-monitor-${monitoring.mode}`} data-testid="sp-monitor-status" data-mode={monitoring.mode} data-phase={monitoring.phase}>
          {monitoring.phase === 'connecting'
            ? t('softphone.monitor.connecting', { target: monitoring.target })
            : `${t(whisper ? 'softphone.monitor.whispering' : 'softphone.monitor.listening', { target: monitoring.target })} ${elapsed(monitoring.since, now)}`}
        </span>
        <button type="button" className="btn btn-small" data-testid={whisper ? 'sp-monitor-listen' : 'sp-monitor-whisper'} onClick={() => void phone.monitor.setMode(whisper ? 'listen' : 'whisper')}>
          {t(whisper ? 'softphone.monitor.listenOnly' : 'softphone.monitor.whisper')}
        </button>
        <button type="button" className="btn btn-small btn-danger" data-testid="sp-monitor-end" onClick={() => phone.monitor.end()}>{t('softphone.monitor.end')}</button>
      </div>
    );
  }
  const disabled = registration !== 'registered' || !extension.trim();
  return (
    <form className="sp-monitor" data-testid="sp-monitor" aria-label={t('softphone.monitor.title')} onSubmit={(e) => { e.preventDefault(); if (!disabled) void phone.monitor.start(extension, 'listen'); }}>
      <input data-testid="sp-monitor-target" value={extension} inputMode="tel" placeholder={t('softphone.monitor.target')} title={t('softphone.monitor.title')}
        onChange={(e) => { setExtension(e.target.value); if (error) phone.monitor.dismissError(); }} />
      <button type="submit" className="btn btn-small" data-testid="sp-monitor-listen" disabled={disabled}>{t('softphone.monitor.listen')}</button>
      <button type="button" className="btn btn-small" data-testid="sp-monitor-whisper" disabled={disabled} onClick={() => void phone.monitor.start(extension, 'whisper')}>{t('softphone.monitor.whisper')}</button>
      {error ? <span className="sp-monitor-error" role="alert" data-testid="sp-monitor-error" data-error={error}>{t(`softphone.monitor.errors.${error}`)}</span> : null}
    </form>
  );
}

/** The agent's discreet badge while a supervisor listens or whispers (settings.monitorIndicator). */
export function MonitoredBadge() {
  const { t } = useTranslation();
  const monitored = useSoftphone((s) => s.monitoredBy);
  const show = useSoftphone((s) => s.settings?.monitorIndicator ?? true);
  if (!monitored || !show) return null;
  const whisper = monitored.mode === 'whisper';
  return (
    <span className={`sp-monitored sp-monitored-${monitored.mode}`} data-testid="sp-monitored" data-mode={monitored.mode} title={monitored.name}>
      {t(whisper ? 'softphone.monitor.monitoredWhisper' : 'softphone.monitor.monitoredListen')}
      <span className="sp-monitored-name">{monitored.name}</span>
    </span>
  );
}
