// Three-way conference mixed locally: each far end hears the agent's microphone plus the other
// far end; the agent hears both through their own audio elements. Done by replacing the
// outgoing track of each call with a Web Audio mix (no renegotiation, no conference server).
// Muting in a conference disables the microphone feeding the mixes, not the mixes themselves,
// or the two far ends would stop hearing each other.
export class LocalConference {
  private ctx: AudioContext | null = null;
  private readonly microphones = new Set<MediaStream>();

  mix(microphone: MediaStream, other: MediaStream): MediaStream {
    this.ctx ??= new AudioContext();
    // Created after awaits, maybe past the click's user activation: a suspended context mixes silence.
    if (this.ctx.state === 'suspended') void this.ctx.resume().catch(() => {});
    this.microphones.add(microphone);
    const dest = this.ctx.createMediaStreamDestination();
    this.ctx.createMediaStreamSource(microphone).connect(dest);
    this.ctx.createMediaStreamSource(other).connect(dest);
    return dest.stream;
  }

  muteMicrophone(muted: boolean): void {
    for (const m of this.microphones) for (const t of m.getAudioTracks()) t.enabled = !muted;
  }

  close(): void {
    for (const m of this.microphones) for (const t of m.getTracks()) t.stop();
    this.microphones.clear();
    void this.ctx?.close();
    this.ctx = null;
  }
}
