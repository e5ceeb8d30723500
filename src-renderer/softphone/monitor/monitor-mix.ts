// Media of a monitored call on the agent's desk (protocol: src-shared/domain/softphone/monitor.ts).
// Out to the supervisor: one Web Audio mix of the agent's microphone and the incoming audio of
// every answered call (sources keyed by track id, so a call confirmed later or a microphone
// swapped mid-call is added once). In from the supervisor: an audio element to the agent's
// speaker, muted unless whispering. It is never connected to a call's sender, which is what
// keeps the whisper away from the customer.
// Remote WebRTC audio is silent to Web Audio until a media element plays it (softphone-lab.md):
// each remote stream also plays in a muted element of its own.
import type { MonitorMode } from '../../../src-shared/domain/softphone/monitor';

export class MonitorMix {
  private readonly ctx: AudioContext;
  private readonly dest: MediaStreamAudioDestinationNode;
  private readonly sources = new Map<string, { node: MediaStreamAudioSourceNode; keepAlive: HTMLAudioElement | null }>();
  private readonly whisper = new Audio();

  constructor() {
    // No output device: the mix only feeds the supervisor's RTP sender.
    this.ctx = new AudioContext({ sampleRate: 48_000, sinkId: { type: 'none' } } as AudioContextOptions);
    this.dest = this.ctx.createMediaStreamDestination();
    this.whisper.autoplay = true;
    this.whisper.muted = true;
    void this.ctx.resume().catch(() => {});
  }

  /** What the supervisor hears. */
  get stream(): MediaStream {
    return this.dest.stream;
  }

  addMicrophone(stream: MediaStream | undefined): void {
    this.add(stream, false);
  }

  addRemote(stream: MediaStream | null | undefined): void {
    this.add(stream ?? undefined, true);
  }

  private add(stream: MediaStream | undefined, remote: boolean): void {
    for (const track of stream?.getAudioTracks() ?? []) {
      if (this.sources.has(track.id) || track.readyState === 'ended') continue;
      const single = new MediaStream([track]);
      let keepAlive: HTMLAudioElement | null = null;
      if (remote) {
        keepAlive = new Audio();
        keepAlive.muted = true;
        keepAlive.srcObject = single;
        void keepAlive.play().catch(() => {});
      }
      const node = this.ctx.createMediaStreamSource(single);
      node.connect(this.dest);
      this.sources.set(track.id, { node, keepAlive });
    }
  }

  /** The supervisor's audio, for the agent's ear only. */
  setSupervisorAudio(stream: MediaStream): void {
    this.whisper.srcObject = stream;
    void this.whisper.play().catch(() => {});
  }

  setMode(mode: MonitorMode): void {
    this.whisper.muted = mode !== 'whisper';
  }

  earElement(): HTMLAudioElement {
    return this.whisper;
  }

  close(): void {
    for (const { node, keepAlive } of this.sources.values()) {
      node.disconnect();
      if (keepAlive) keepAlive.srcObject = null;
    }
    this.sources.clear();
    this.whisper.muted = true;
    this.whisper.srcObject = null;
    void this.ctx.close().catch(() => {});
  }
}
