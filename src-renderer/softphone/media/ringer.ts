// Ring tone on a separate output (the desk loudspeaker, not the headset): a 425 Hz tone
// (China's ringback/ring cadence, 1 s on / 4 s off) synthesised with Web Audio and played
// through an <audio> element so it can be routed with setSinkId. In Electron the window allows
// playback without a user gesture; in a browser the first click unlocks it.
export class Ringer {
  private ctx: AudioContext | null = null;
  private element: HTMLAudioElement | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private gain: GainNode | null = null;

  audioElement(): HTMLAudioElement {
    if (!this.element) {
      this.element = new Audio();
      this.element.autoplay = true;
    }
    return this.element;
  }

  start(): void {
    if (this.timer) return;
    try {
      this.ctx ??= new AudioContext();
      const osc = this.ctx.createOscillator();
      osc.frequency.value = 425;
      this.gain = this.ctx.createGain();
      this.gain.gain.value = 0;
      const dest = this.ctx.createMediaStreamDestination();
      osc.connect(this.gain).connect(dest);
      osc.start();
      const el = this.audioElement();
      el.srcObject = dest.stream;
      void el.play().catch(() => {});
      const cadence = () => {
        if (!this.gain || !this.ctx) return;
        const t = this.ctx.currentTime;
        this.gain.gain.setValueAtTime(0.2, t);
        this.gain.gain.setValueAtTime(0, t + 1);
      };
      cadence();
      this.timer = setInterval(cadence, 5000);
    } catch {
      // No audio output available: the ringing panel still shows.
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.gain?.gain.cancelScheduledValues(0);
    if (this.gain) this.gain.gain.value = 0;
    if (this.element) this.element.srcObject = null;
  }
}
