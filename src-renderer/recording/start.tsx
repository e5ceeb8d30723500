// Mounts call recording: its own React root (the indicator, the recovery banner, the recordings
// button and panel), strings merged under `recording`, and the listener on the softphone's call
// media seam (call-media-tap.ts).
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { ContractClient } from '../../src-shared/contract/client';
import { RecordingIndicator } from './components/recording-indicator';
import { RecordingsPanel } from './components/recordings-panel';
import { RecoveryBanner } from './components/recovery-banner';
import { RecordingContext, useRecorder, useRecording } from './components/use-recording';
import { recordingEn, recordingZhCN } from './i18n';
import { createRecordingController } from './recording-controller';
import { createRecordingStore } from './state/recording-store';
import './recording.css';

function RecordingRoot() {
  const { t } = useTranslation();
  const recorder = useRecorder();
  const open = useRecording((s) => s.panelOpen);
  return (
    <>
      <RecordingIndicator />
      <RecoveryBanner />
      <button type="button" className="btn btn-small rec-open-panel" data-testid="rec-open-panel" aria-pressed={open} onClick={() => recorder.togglePanel()}>
        {t('recording.panel.open')}
      </button>
      {open ? <RecordingsPanel /> : null}
    </>
  );
}

let mounted: { store: ReturnType<typeof createRecordingStore>; controller: ReturnType<typeof createRecordingController> } | null = null;

/** For the player mounted in another module's tree (the supervisor's quality review). */
export function RecordingProvider({ children }: { children: ReactNode }) {
  return mounted ? <RecordingContext.Provider value={mounted}>{children}</RecordingContext.Provider> : null;
}

export function startRecording(client: ContractClient, i18n: i18n): void {
  i18n.addResourceBundle('zh-CN', 'translation', { recording: recordingZhCN }, true, false);
  i18n.addResourceBundle('en', 'translation', { recording: recordingEn }, true, false);
  const store = createRecordingStore();
  const controller = createRecordingController(client, store);
  mounted = { store, controller };
  const host = document.createElement('div');
  host.id = 'recording-root';
  document.body.append(host);
  createRoot(host).render(
    <I18nextProvider i18n={i18n}>
      <RecordingContext.Provider value={{ store, controller }}>
        <RecordingRoot />
      </RecordingContext.Provider>
    </I18nextProvider>,
  );
  void controller.start().catch(() => {});
}
