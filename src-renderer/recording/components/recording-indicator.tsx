// Always visible while a call is recorded: a red dot with the running time, pause/resume (for ID
// or bank card numbers), and the start button for on-demand calls. Also the disk warning.
// CPU: the dot blinks on the same once-a-second clock that advances the time (one render and one
// small paint per second). An infinite CSS animation, even with steps(), makes Chromium draw
// frames at display rate for the whole call: ~4-7 % of a core measured on the bench machine.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDuration, useRecorder, useRecording } from './use-recording';

export function RecordingIndicator() {
  const { t } = useTranslation();
  const recorder = useRecorder();
  const active = useRecording((s) => s.active);
  const offered = useRecording((s) => s.offered);
  const disk = useRecording((s) => s.disk);
  const now = useSecondClock(active.length > 0 ? active[0].startedAt : null);
  if (active.length === 0 && offered.length === 0 && (!disk || disk.level === 'ok')) return null;
  return (
    <div className="rec-indicators">
      {disk && disk.level !== 'ok' ? (
        <div className={`rec-disk rec-disk-${disk.level}`} role="alert" data-testid="rec-disk-warning">{t(`recording.disk.${disk.level}`, { free: formatBytes(disk.freeBytes) })}</div>
      ) : null}
      {active.map((a) => (
        <div key={a.callId} className={`rec-indicator rec-${a.phase}`} data-testid="rec-indicator" data-phase={a.phase} data-recording-id={a.recordingId ?? ''} role="status">
          <span className="rec-dot" data-dim={a.phase === 'recording' && Math.floor((now - a.startedAt) / 1000) % 2 === 1} aria-hidden="true" />
          <span>{t(`recording.indicator.${a.phase}`)}</span>
          {a.phase === 'recording' || a.phase === 'paused' ? <span className="rec-mono">{formatDuration(now - a.startedAt)}</span> : null}
          {a.phase === 'recording' ? <button type="button" className="btn btn-small" data-testid="rec-pause" onClick={() => recorder.setPaused(a.callId, true)}>{t('recording.indicator.pause')}</button> : null}
          {a.phase === 'paused' ? <button type="button" className="btn btn-small" data-testid="rec-resume" onClick={() => recorder.setPaused(a.callId, false)}>{t('recording.indicator.resume')}</button> : null}
        </div>
      ))}
      {offered.map((o) => (
        <div key={o.callId} className="rec-indicator rec-offered">
          <button type="button" className="btn btn-small" data-testid="rec-start" onClick={() => recorder.startByHand(o.callId)}>● {t('recording.indicator.startByHand')}</button>
        </div>
      ))}
    </div>
  );
}

/** Date.now(), refreshed just after each whole second since `origin` (null: not ticking). */
function useSecondClock(origin: number | null): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (origin === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const t = Date.now();
      setNow(t);
      timer = setTimeout(schedule, 1000 - ((((t - origin) % 1000) + 1000) % 1000) + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [origin]);
  return now;
}
