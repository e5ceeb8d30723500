// Three-way conference mixed locally: each far end hears the agent's microphone plus the other
// far end; the agent hears both through their own audio elements. Done by replacing the
// outgoing track of each call with a Web Audio mix (no renegotiation, no conference server).
export class LocalConference {
  private ctx: AudioContext | null = null;

  mix(microphone: MediaStream, other: MediaStream): MediaStream {
    this.ctx ??= new AudioContext();
    const dest = this.ctx.createMediaStreamDestination();
    this.ctx.createMediaStreamSource(microphone).connect(dest);
    this.ctx.createMediaStreamSource(other).connect(dest);
    return dest.stream;
  }

  close(): void {
    void this.ctx?.close();
    this.ctx = null;
  }
}
