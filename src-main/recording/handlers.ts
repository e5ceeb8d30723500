import type { HandlersFor } from '../contract/dispatcher';
import type { DeskContext } from '../host/context';
import { RecordingService } from './recording-service';
import { loadRecordingSettings, recordingSettingsView, saveRecordingSettings } from './settings-store';
import { pendingUploads, startUploader, type Uploader } from './uploader';

type RecordingMethods =
  | 'recording.settings.get'
  | 'recording.settings.set'
  | 'recording.start'
  | 'recording.appendChunk'
  | 'recording.mark'
  | 'recording.finish'
  | 'recording.list'
  | 'recording.read'
  | 'recording.recovery.list'
  | 'recording.recovery.resolve'
  | 'recording.status';

interface Running {
  service: RecordingService;
  uploader: Uploader | null;
}

// One service per desk, made on the first recording request (the renderer asks for recoveries
// at start), which is also when interrupted recordings are found.
const perDesk = new WeakMap<DeskContext, Running>();

export function recordingFor(ctx: DeskContext): Running {
  let running = perDesk.get(ctx);
  if (!running) {
    const service = new RecordingService(ctx);
    const uploader = ctx.host === 'cli' ? null : startUploader(ctx);
    service.onFinalized = () => uploader?.kick();
    running = { service, uploader };
    perDesk.set(ctx, running);
  }
  return running;
}

export const recordingHandlers: HandlersFor<RecordingMethods, DeskContext> = {
  'recording.settings.get': (_input, ctx) => recordingSettingsView(loadRecordingSettings(ctx.sqlite)),
  'recording.settings.set'(input, ctx) {
    const saved = saveRecordingSettings(ctx.sqlite, input);
    recordingFor(ctx).uploader?.kick();
    return recordingSettingsView(saved);
  },
  'recording.start': (input, ctx) => recordingFor(ctx).service.start(input),
  'recording.appendChunk': (input, ctx) => recordingFor(ctx).service.append(input),
  'recording.mark': (input, ctx) => recordingFor(ctx).service.mark(input),
  'recording.finish': (input, ctx) => recordingFor(ctx).service.finish(input),
  'recording.list': (input, ctx) => recordingFor(ctx).service.list(input),
  'recording.read': (input, ctx) => recordingFor(ctx).service.read(input),
  'recording.recovery.list': (_input, ctx) => ({ recordings: recordingFor(ctx).service.recoveryList() }),
  'recording.recovery.resolve': async (input, ctx) => ({ recording: await recordingFor(ctx).service.resolve(input) }),
  'recording.status'(_input, ctx) {
    const { service, uploader } = recordingFor(ctx);
    return { disk: service.disk(), pendingUploads: pendingUploads(ctx.sqlite).length, lastUploadError: uploader?.lastError() ?? null };
  },
};
