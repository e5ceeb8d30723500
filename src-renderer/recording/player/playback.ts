// Playback of a recording's bytes with seek and speed. First choice: an <audio> element on a blob
// URL (keeps the pitch at other speeds). When the page's Content-Security-Policy refuses blob:
// media (index.html's meta policy has no media-src), the same bytes are decoded with Web Audio and
// played from an AudioBuffer (at speeds other than 1× the pitch shifts with the speed).
export interface Playback {
  readonly engine: 'element' | 'web-audio';
  /** Seconds; Infinity/NaN from the file is replaced by the caller's metadata. */
  duration(): number;
  position(): number;
  playing(): boolean;
  play(): void;
  pause(): void;
  seek(seconds: number): void;
  setRate(rate: number): void;
  destroy(): void;
}

function elementPlayback(bytes: Uint8Array<ArrayBuffer>, mime: string, onEnded: () => void): Promise<Playback> {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const el = new Audio();
  el.preload = 'auto';
  return new Promise((resolve, reject) => {
    const fail = () => {
      URL.revokeObjectURL(url);
      reject(new Error(el.error?.message ?? 'media error'));
    };
    el.addEventListener('error', fail, { once: true });
    el.addEventListener('ended', onEnded);
    el.addEventListener('loadedmetadata', () => {
      el.removeEventListener('error', fail);
      resolve({
        engine: 'element',
        duration: () => el.duration,
        position: () => el.currentTime,
        playing: () => !el.paused,
        play: () => void el.play().catch(() => {}),
        pause: () => el.pause(),
        seek: (s) => {
          el.currentTime = s;
        },
        setRate: (r) => {
          el.playbackRate = r;
        },
        destroy() {
          el.pause();
          el.removeAttribute('src');
          URL.revokeObjectURL(url);
        },
      });
    }, { once: true });
    el.src = url;
  });
}

async function webAudioPlayback(bytes: Uint8Array<ArrayBuffer>, onEnded: () => void): Promise<Playback> {
  const ctx = new AudioContext();
  const buffer = await ctx.decodeAudioData(bytes.slice().buffer);
  let source: AudioBufferSourceNode | null = null;
  let offset = 0;
  let startedAt = 0;
  let rate = 1;
  const position = () => (source ? Math.min(buffer.duration, offset + (ctx.currentTime - startedAt) * rate) : offset);
  const stop = () => {
    if (!source) return;
    offset = position();
    source.onended = null;
    source.stop();
    source.disconnect();
    source = null;
  };
  const start = () => {
    if (offset >= buffer.duration) offset = 0;
    const s = ctx.createBufferSource();
    s.buffer = buffer;
    s.playbackRate.value = rate;
    s.connect(ctx.destination);
    s.onended = () => {
      source = null;
      offset = buffer.duration;
      onEnded();
    };
    startedAt = ctx.currentTime;
    s.start(0, offset);
    source = s;
    void ctx.resume();
  };
  return {
    engine: 'web-audio',
    duration: () => buffer.duration,
    position,
    playing: () => source !== null,
    play: () => {
      if (!source) start();
    },
    pause: stop,
    seek(seconds) {
      const wasPlaying = source !== null;
      stop();
      offset = Math.max(0, Math.min(buffer.duration, seconds));
      if (wasPlaying) start();
    },
    setRate(r) {
      offset = position();
      startedAt = ctx.currentTime;
      rate = r;
      if (source) source.playbackRate.value = r;
    },
    destroy() {
      stop();
      void ctx.close();
    },
  };
}

export async function createPlayback(bytes: Uint8Array<ArrayBuffer>, mime: string, onEnded: () => void): Promise<Playback> {
  try {
    return await elementPlayback(bytes, mime, onEnded);
  } catch {
    return webAudioPlayback(bytes, onEnded);
  }
}
