// Partial recordings left by a crash or power cut: keep (finalize what decodes) or delete.
import { useTranslation } from 'react-i18next';
import { formatBytes, formatTime, useRecorder, useRecording } from './use-recording';

export function RecoveryBanner() {
  const { t, i18n } = useTranslation();
  const recorder = useRecorder();
  const recovery = useRecording((s) => s.recovery);
  if (recovery.length === 0) return null;
  return (
    <div className="rec-recovery" data-testid="rec-recovery" role="alert">
      <strong>{t('recording.recovery.title', { n: recovery.length })}</strong>
      <ul>
        {recovery.map((r) => (
          <li key={r.id} data-testid="rec-recovery-item" data-recording-id={r.id}>
            <span>{t('recording.recovery.item', { time: formatTime(r.startedAt, i18n.language), number: r.remoteNumber, size: formatBytes(r.bytes) })}</span>
            <button type="button" className="btn btn-small" data-testid="rec-recovery-keep" onClick={() => void recorder.resolveRecovery(r.id, 'keep')}>{t('recording.recovery.keep')}</button>
            <button type="button" className="btn btn-small" data-testid="rec-recovery-discard" onClick={() => void recorder.resolveRecovery(r.id, 'discard')}>{t('recording.recovery.discard')}</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
