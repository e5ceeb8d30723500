// Records one call: MediaRecorder over the call's mix, a chunk every second, each chunk sent to
// main in order (recording.appendChunk) while the call goes on. Invariant: chunk n is sent only
// after chunk n-1 was acknowledged, so the file on disk is always a playable prefix. A chunk that
// cannot be delivered after retries ends the recording there (the prefix is kept); nothing here
// ever throws into the call.
import { ContractCallError, type ContractClient } from '../../../src-shared/contract/client';
import { chunkMillis } from '../../../src-shared/domain/recording/policy';
import type { TappedCall } from '../call-media-tap';
import type { CallMix } from './audio-mix';
import { blobToBase64 } from './blob-base64';

export type RecorderPhase = 'starting' | 'recording' | 'paused' | 'failed' | 'finishing' | 'done';

export interface RecorderState {
  phase: RecorderPhase;
  recordingId: number | null;
  startedAt: number;
  error: string | null;
}

export const recordingMimeType = 'audio/webm;codecs=opus';

export class CallRecorder {
  private recorder: MediaRecorder | null = null;
  private recordingId: number | null = null;
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();
  private t0 = 0;
  private broken = false;
  private stopped = false;

  constructor(
    private readonly client: ContractClient,
    private readonly mix: CallMix,
    private readonly call: { id: string } & TappedCall,
    private readonly options: { stereo: boolean; noticeTone: boolean },
    private readonly report: (patch: Partial<RecorderState>) => void,
  ) {}

  async start(): Promise<void> {
    const startedAt = new Date();
    try {
      const started = await this.client.call('recording.start', {
        callUid: this.call.id, direction: this.call.direction, remoteNumber: this.call.remoteNumber.slice(0, 100),
        customerId: this.call.customerId ?? null, vehicleId: this.call.vehicleId ?? null, queue: this.call.queue ?? null,
        startedAt: startedAt.toISOString(), mimeType: recordingMimeType, channels: this.options.stereo ? 2 : 1,
      });
      this.recordingId = started.recordingId;
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.stopped) return;
    const recorder = new MediaRecorder(this.mix.stream, { mimeType: recordingMimeType, audioBitsPerSecond: this.options.stereo ? 48_000 : 32_000 });
    this.recorder = recorder;
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) this.enqueue(e.data);
    };
    recorder.start(chunkMillis);
    this.t0 = performance.now();
    if (this.options.noticeTone) this.mix.noticeTone();
    this.report({ phase: 'recording', recordingId: this.recordingId, startedAt: Date.now() });
  }

  pause(paused: boolean): void {
    if (!this.recorder || this.broken || this.recordingId === null) return;
    this.mix.setPaused(paused);
    const atMs = Math.round(performance.now() - this.t0);
    this.report({ phase: paused ? 'paused' : 'recording' });
    void this.client.call('recording.mark', { recordingId: this.recordingId, kind: paused ? 'pause' : 'resume', atMs }).catch(() => {});
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const recorder = this.recorder;
    if (recorder && recorder.state !== 'inactive') {
      const done = new Promise<void>((r) => recorder.addEventListener('stop', () => r(), { once: true }));
      recorder.stop();
      await done;
    }
    const durationMs = Math.round(performance.now() - this.t0);
    this.mix.close();
    await this.chain;
    if (this.recordingId === null) return;
    this.report({ phase: 'finishing' });
    try {
      await this.client.call('recording.finish', { recordingId: this.recordingId, endedAt: new Date().toISOString(), durationMs });
      this.report({ phase: 'done' });
    } catch (error) {
      this.fail(error);
    }
  }

  private enqueue(blob: Blob): void {
    const seq = this.seq++;
    this.chain = this.chain.then(() => this.send(seq, blob));
  }

  private async send(seq: number, blob: Blob): Promise<void> {
    if (this.broken || this.recordingId === null) return;
    const data = await blobToBase64(blob);
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await this.client.call('recording.appendChunk', { recordingId: this.recordingId, seq, data });
        return;
      } catch (error) {
        // conflict / not-found / invalid-input will not get better by retrying.
        if (error instanceof ContractCallError && error.error.code !== 'unavailable' && error.error.code !== 'offline' && error.error.code !== 'internal') break;
        await new Promise((r) => setTimeout(r, 400 * (attempt + 1)));
      }
    }
    this.broken = true;
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    this.report({ phase: 'failed', error: `chunk ${seq}` });
  }

  private fail(error: unknown): void {
    this.broken = true;
    this.report({ phase: 'failed', error: error instanceof ContractCallError ? error.error.code : 'error' });
  }
}
