// Web Audio graph of one recorded call: the agent's microphone and the remote stream, mixed to
// one channel or kept apart (agent left, customer right). Pausing sets the gain to 0: the file
// keeps its timeline (duration still matches the call) and the paused span is digital silence.
// Remote WebRTC audio is silent to Web Audio until a media element plays it, so a muted <audio>
// plays the remote stream alongside (softphone-lab.md).
// The mixing context renders to no output device (sinkId 'none', where supported): it only feeds
// MediaRecorder, and an output stream would cost the audio service ~0.5 % of a core per call. The
// notice tone the agent hears therefore plays in a short-lived context of its own.
export interface CallMix {
  stream: MediaStream;
  setPaused(paused: boolean): void;
  noticeTone(): void;
  close(): void;
}

export function createCallMix(local: MediaStream | undefined, remote: MediaStream | undefined, options: { stereo: boolean }): CallMix {
  const ctx = new AudioContext({ sampleRate: 48_000, latencyHint: 'playback', sinkId: { type: 'none' } } as AudioContextOptions);
  const channels = options.stereo ? 2 : 1;
  const dest = ctx.createMediaStreamDestination();
  dest.channelCount = channels;
  dest.channelCountMode = 'explicit';
  const master = ctx.createGain();
  master.channelCount = channels;
  master.channelCountMode = 'explicit';
  master.connect(dest);
  const merger = options.stereo ? ctx.createChannelMerger(2) : null;
  merger?.connect(master);
  const keepAlive: HTMLAudioElement[] = [];

  const attach = (stream: MediaStream | undefined, side: 0 | 1) => {
    if (!stream || stream.getAudioTracks().length === 0) return;
    if (side === 1) {
      const el = new Audio();
      el.muted = true;
      el.srcObject = stream;
      void el.play().catch(() => {});
      keepAlive.push(el);
    }
    const source = ctx.createMediaStreamSource(stream);
    // Down-mix each side to mono first, so a stereo microphone does not leak into the right channel.
    const mono = ctx.createGain();
    mono.channelCount = 1;
    mono.channelCountMode = 'explicit';
    mono.channelInterpretation = 'speakers';
    source.connect(mono);
    if (merger) mono.connect(merger, 0, side);
    else mono.connect(master);
  };
  attach(local, 0);
  attach(remote, 1);
  void ctx.resume().catch(() => {});

  return {
    stream: dest.stream,
    setPaused(paused) {
      master.gain.setValueAtTime(paused ? 0 : 1, ctx.currentTime);
    },
    noticeTone() {
      // Two short 1 kHz beeps: kept at the start of the file, and played to the agent.
      beeps(ctx, master);
      try {
        const ear = new AudioContext({ latencyHint: 'playback' });
        beeps(ear, ear.destination).onended = () => void ear.close().catch(() => {});
      } catch {
        // no output device: the beeps are still in the file
      }
    },
    close() {
      for (const el of keepAlive) el.srcObject = null;
      void ctx.close().catch(() => {});
    },
  };
}

function beeps(ctx: AudioContext, into: AudioNode): OscillatorNode {
  const osc = ctx.createOscillator();
  const env = ctx.createGain();
  osc.frequency.value = 1000;
  env.gain.value = 0;
  const t = ctx.currentTime + 0.05;
  for (const start of [t, t + 0.3]) {
    env.gain.setValueAtTime(0.25, start);
    env.gain.setValueAtTime(0, start + 0.15);
  }
  osc.connect(env);
  env.connect(into);
  osc.start(t);
  osc.stop(t + 0.5);
  return osc;
}
