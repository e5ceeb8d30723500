// Which tones a page hears, for the monitor test: each party's fake microphone is a sine of its
// own frequency (lab.ts toneWav), and a page's audio is analysed with a Web Audio AnalyserNode
// (power averaged over about 1.5 s, 5.9 Hz bins). "What a desk plays to the user" is every
// media element that plays a live stream unmuted: an init script records the elements that get
// a srcObject, since the softphone's elements are not in the DOM.
import type { Page } from 'playwright-core';
import { fe } from './drive';

/** Runs in the page before its scripts (page.addInitScript / context.addInitScript). */
export function installToneProbe(): void {
  const elements = new Set<HTMLMediaElement>();
  const desc = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')!;
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    configurable: true,
    enumerable: desc.enumerable,
    get(this: HTMLMediaElement) {
      return desc.get!.call(this);
    },
    set(this: HTMLMediaElement, value: MediaProvider | null) {
      if (value) elements.add(this);
      desc.set!.call(this, value);
    },
  });
  const live = (s: unknown): s is MediaStream => s instanceof MediaStream && s.getAudioTracks().some((t) => t.readyState === 'live');
  (window as unknown as { __toneProbe: unknown }).__toneProbe = {
    audible(): MediaStream[] {
      return [...elements].filter((e) => !e.muted && e.volume > 0 && !e.paused && live(e.srcObject)).map((e) => e.srcObject as MediaStream);
    },
    async measure(streams: MediaStream[], freqs: number[], ms: number): Promise<{ hz: number; peakDb: number; aboveFloorDb: number }[]> {
      const ctx = new AudioContext({ sampleRate: 48_000 });
      const analyser = ctx.createAnalyser();
      analyser.fftSize = 8192;
      analyser.smoothingTimeConstant = 0;
      for (const s of streams) ctx.createMediaStreamSource(s).connect(analyser);
      await ctx.resume();
      const frame = new Float32Array(analyser.frequencyBinCount);
      const power = new Float64Array(analyser.frequencyBinCount);
      let frames = 0;
      for (const end = performance.now() + ms; performance.now() < end; frames++) {
        await new Promise((r) => setTimeout(r, 100));
        analyser.getFloatFrequencyData(frame);
        for (let i = 0; i < frame.length; i++) power[i] += Number.isFinite(frame[i]) ? 10 ** (frame[i] / 10) : 0;
      }
      const binHz = ctx.sampleRate / analyser.fftSize;
      await ctx.close();
      const db = Array.from(power, (p) => 10 * Math.log10(p / Math.max(frames, 1) + 1e-20));
      const floor = db.slice(10).sort((a, b) => a - b)[Math.floor((db.length - 10) / 2)];
      return freqs.map((hz) => {
        const k = Math.round(hz / binHz);
        const peakDb = Math.max(...db.slice(k - 3, k + 4));
        return { hz, peakDb: Math.round(peakDb), aboveFloorDb: Math.round(peakDb - floor) };
      });
    },
  };
}

export type ToneLevels = { hz: number; peakDb: number; aboveFloorDb: number }[];
type Probe = { audible(): MediaStream[]; measure(streams: MediaStream[], freqs: number[], ms: number): Promise<ToneLevels> };

/** Tones in everything the desk page plays to its user right now. */
export function heardTones(page: Page, freqs: number[], ms = 1500): Promise<ToneLevels> {
  return page.evaluate(({ freqs, ms }) => {
    const probe = (window as unknown as { __toneProbe: Probe }).__toneProbe;
    return probe.measure(probe.audible(), freqs, ms);
  }, { freqs, ms });
}

/** Tones the far-end UA receives on its call `n` (its page needs the probe installed). */
export function farEndTones(page: Page, n: number, freqs: number[], ms = 1500): Promise<ToneLevels> {
  return fe(page, (f, arg: { n: number; freqs: number[]; ms: number }) => {
    const session = f.log.sessions[arg.n] as { connection?: RTCPeerConnection };
    const tracks = (session.connection?.getReceivers() ?? []).map((r) => r.track).filter((t) => t.kind === 'audio');
    const probe = (window as unknown as { __toneProbe: Probe }).__toneProbe;
    return probe.measure(tracks.length ? [new MediaStream(tracks)] : [], arg.freqs, arg.ms);
  }, { n, freqs, ms });
}

/** Level of one tone in dB (full scale of the analyser). Measured on loopback: a party's sine
 * arrives at about -40 dB and 70–85 dB above the spectrum's median; codec and echo-canceller
 * residue of a tone that is not sent stays below -85 dB. Heard ≥ -60, absent < -70. */
export const toneDb = (levels: ToneLevels, hz: number) => levels.find((l) => l.hz === hz)?.peakDb ?? -Infinity;
export const heard = (levels: ToneLevels, hz: number) => toneDb(levels, hz) >= -60;
export const absent = (levels: ToneLevels, hz: number) => toneDb(levels, hz) < -70;
