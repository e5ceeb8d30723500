// A bare JsSIP user agent for the OTHER side of the call in e2e tests (the customer, or a
// colleague to transfer to). It is test equipment, not the product: bundled by esbuild and
// served on 127.0.0.1; the test drives it through window.farEnd.
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';

type Session = RTCSession;

interface Log {
  events: string[];
  dtmf: string[];
  sessions: Session[];
  /** To-header user of every new incoming INVITE: the number the caller dialled (the registrar
   * rewrites the Request-URI to our contact). */
  invites: string[];
  /** Final failure responses of outgoing calls: the status code the far end saw. */
  failures: { n: number; status: number | null; cause: string }[];
}

export interface FarEndOptions {
  autoAnswer?: boolean;
  /** Microphone: a sine of this frequency rather than the browser's fake capture (440 Hz). */
  toneHz?: number;
}

const log: Log = { events: [], dtmf: [], sessions: [], invites: [], failures: [] };
let ua: JsSIP.UA | null = null;
let autoAnswer = false;
let toneHz: number | null = null;
let mic: MediaStream | null = null;

async function microphone(): Promise<MediaStream> {
  mic ??= toneHz ? toneMicrophone(toneHz) : await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
  return mic;
}

/** A sine of this page's own frequency instead of the browser's fake microphone, which is one
 * 440 Hz file shared by every page of the browser: two copies of that sine summed by the desk's
 * conference mixer cancel out whenever their path delays differ by half a period. */
function toneMicrophone(hz: number): MediaStream {
  const ctx = new AudioContext({ sinkId: { type: 'none' } } as AudioContextOptions);
  const osc = ctx.createOscillator();
  osc.frequency.value = hz;
  const gain = ctx.createGain();
  gain.gain.value = 0.05; // about the level of the fake capture after its audio processing
  const dest = ctx.createMediaStreamDestination();
  osc.connect(gain).connect(dest);
  osc.start();
  void ctx.resume().catch(() => {});
  return dest.stream;
}

function watch(session: Session, label: string) {
  log.sessions.push(session);
  const n = log.sessions.length - 1;
  const ev = (name: string) => log.events.push(`${n}:${label}:${name}`);
  const attachAudio = (pc: RTCPeerConnection) => pc.addEventListener('track', (e) => {
    const a = new Audio();
    a.srcObject = e.streams[0];
    void a.play().catch(() => {});
  });
  if (session.connection) attachAudio(session.connection);
  else session.on('peerconnection', (e: { peerconnection: RTCPeerConnection }) => attachAudio(e.peerconnection));
  for (const name of ['progress', 'accepted', 'confirmed', 'ended', 'failed', 'hold', 'unhold']) {
    session.on(name as never, ((e: { originator?: string; cause?: string }) => ev(`${name}${e?.originator ? '/' + e.originator : ''}${e?.cause ? '/' + e.cause : ''}`)) as never);
  }
  session.on('failed', ((e: { cause: string; message?: { status_code?: number } }) => {
    log.failures.push({ n, status: e.message?.status_code ?? null, cause: e.cause });
  }) as never);
  session.on('newDTMF', ((e: { originator: string; dtmf: { tone: string } }) => {
    if (e.originator === 'remote') log.dtmf.push(e.dtmf.tone);
  }) as never);
  session.on('refer', ((e: { accept: (cb: (s: Session) => void, opts: object) => void }) => {
    ev('refer');
    void microphone().then((stream) => e.accept((s) => watch(s, 'referred'), { mediaStream: stream, pcConfig: { iceServers: [] } }));
  }) as never);
  session.on('replaces', ((e: { accept: (cb: (s: Session) => void) => void }) => {
    ev('replaces');
    e.accept((s) => {
      watch(s, 'replacing');
      void microphone().then((stream) => s.answer({ mediaStream: stream, pcConfig: { iceServers: [] } } as never));
    });
  }) as never);
}

const api = {
  log,
  async register(uri: string, password: string, ws: string, options: FarEndOptions = {}) {
    autoAnswer = options.autoAnswer ?? false;
    toneHz = options.toneHz ?? null;
    ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface(ws)], uri, password, register: true, register_expires: 300, session_timers: false });
    ua.on('newRTCSession', ((e: { originator: string; session: Session; request: { hasHeader(h: string): boolean; to: { uri: { user: string } } } }) => {
      if (e.originator !== 'remote' || e.request.hasHeader('replaces')) return;
      log.invites.push(e.request.to.uri.user);
      watch(e.session, 'incoming');
      if (autoAnswer) void microphone().then((stream) => e.session.answer({ mediaStream: stream, pcConfig: { iceServers: [] } } as never));
    }) as never);
    const registered = new Promise<void>((resolve, reject) => {
      ua!.on('registered', () => resolve());
      ua!.on('registrationFailed', (e: { cause?: string }) => reject(new Error(`registration failed: ${e.cause}`)));
    });
    ua.start();
    await registered;
  },
  async call(target: string, extraHeaders: string[] = []) {
    const stream = await microphone();
    const session = ua!.call(target, { mediaStream: stream, extraHeaders, pcConfig: { iceServers: [] } } as never) as Session;
    watch(session, 'outgoing');
    return log.sessions.length - 1;
  },
  hangup(n: number) {
    const s = log.sessions[n];
    if (s && !s.isEnded()) s.terminate();
  },
  async stats(n: number) {
    const pc = log.sessions[n]?.connection;
    const out = { inboundBytes: 0, outboundBytes: 0, audioLevel: 0 };
    if (!pc) return out;
    (await pc.getStats()).forEach((r: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number; audioLevel?: number }) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        out.inboundBytes += r.bytesReceived ?? 0;
        out.audioLevel = r.audioLevel ?? 0;
      }
      if (r.type === 'outbound-rtp' && r.kind === 'audio') out.outboundBytes += r.bytesSent ?? 0;
    });
    return out;
  },
  status(n: number) {
    const s = log.sessions[n];
    return s ? { established: s.isEstablished(), ended: s.isEnded(), onHold: s.isOnHold().remote } : null;
  },
};

(window as unknown as { farEnd: typeof api }).farEnd = api;
