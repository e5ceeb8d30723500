// The JsSIP user agent of the agent's softphone (renderer: it needs WebRTC). It owns the UA and
// the RTCSessions and reports what happens through `EngineEvents`; it holds no UI state.
// Recovery: JsSIP reconnects the WebSocket with back-off (2–30 s) and re-registers on connect;
// calls that survived a reconnect get an ICE restart (renegotiate with iceRestart).
import * as JsSIP from 'jssip';
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { SoftphoneSettingsView } from '../../../src-shared/contract/softphone';
import { monitorHeader } from '../../../src-shared/domain/softphone/monitor';
import { requestHold } from './hold-request';
import { limitIceGathering } from './ice-timeout';

export interface EngineCredentials {
  authorizationUser: string;
  realm: string;
  ha1: string;
}

export interface IncomingInfo {
  id: string;
  arrivedAt: number;
  pAssertedIdentity: string[];
  from: string;
  ivrChoice: string | null;
  queue: string | null;
}

export interface EngineEvents {
  registration(state: 'connecting' | 'registered' | 'unregistered' | 'failed' | 'disconnected', cause?: string): void;
  incoming(info: IncomingInfo): void;
  progress(id: string): void;
  confirmed(id: string): void;
  ended(id: string, cause: string, originator: 'local' | 'remote' | 'system'): void;
  hold(id: string, held: boolean, originator: 'local' | 'remote'): void;
  remoteStream(id: string, stream: MediaStream): void;
  /** A supervisor's monitoring INVITE (domain/softphone/monitor.ts): not a call, never rings;
   * the monitor module answers or refuses it and owns the session from here on. */
  monitorRequest(session: RTCSession, request: IncomingRequest): void;
}

export interface OutgoingOptions {
  mediaStream: MediaStream;
  extraHeaders?: string[];
}

let counter = 0;
function newId(): string {
  counter += 1;
  const rand = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  return `call-${rand}-${counter}`;
}

export class SipEngine {
  private ua: JsSIP.UA | null = null;
  private readonly sessions = new Map<string, RTCSession>();
  /** The hold state last asked for per call (hold-request.ts retries it). */
  private readonly wantedHold = new Map<string, boolean>();
  private wasConnected = false;
  private iceLimitMs = 1500;
  private iceServers: RTCIceServer[] = [];

  constructor(private readonly events: EngineEvents) {}

  start(settings: SoftphoneSettingsView, credentials: EngineCredentials | null): void {
    this.stop();
    if (!settings.sipUri || settings.wsServers.length === 0) return;
    this.iceLimitMs = settings.iceGatheringTimeoutMs;
    this.iceServers = settings.iceServers.map((s) => ({ urls: s.urls, username: s.username, credential: s.credential }));
    const ua = new JsSIP.UA({
      sockets: settings.wsServers.map((url) => new JsSIP.WebSocketInterface(url)),
      uri: settings.sipUri,
      display_name: settings.displayName || undefined,
      authorization_user: credentials?.authorizationUser,
      realm: credentials?.realm,
      ha1: credentials?.ha1,
      register: true,
      register_expires: 300,
      session_timers: false,
      connection_recovery_min_interval: 2,
      connection_recovery_max_interval: 30,
      user_agent: 'Dealerdesk',
    });
    this.ua = ua;
    this.events.registration('connecting');
    ua.on('connected', () => {
      if (this.wasConnected) this.restartIce();
      this.wasConnected = true;
    });
    // A restarted UA (settings saved) must not be overwritten by the old one un-registering.
    const current = () => this.ua === ua;
    ua.on('disconnected', () => current() && this.events.registration('disconnected'));
    ua.on('registered', () => current() && this.events.registration('registered'));
    ua.on('unregistered', () => current() && this.events.registration('unregistered'));
    ua.on('registrationFailed', (e: { cause?: string }) => current() && this.events.registration('failed', e.cause));
    ua.on('newRTCSession', (e: { originator: string; session: RTCSession; request: IncomingRequest }) => {
      if (e.originator !== 'remote') return;
      if (e.request.hasHeader(monitorHeader)) {
        this.events.monitorRequest(e.session, e.request);
        return;
      }
      const arrivedAt = performance.now();
      const id = newId();
      this.track(id, e.session);
      const req = e.request;
      const ivrHeader = settings.ivrHeader || 'X-IVR-Choice';
      const queueHeader = settings.queueHeader;
      this.events.incoming({
        id,
        arrivedAt,
        pAssertedIdentity: req.getHeaders('P-Asserted-Identity') ?? [],
        from: req.getHeader('From') ?? '',
        ivrChoice: req.hasHeader(ivrHeader) ? req.getHeader(ivrHeader) : null,
        queue: queueHeader && req.hasHeader(queueHeader) ? req.getHeader(queueHeader).trim() || null : null,
      });
    });
    ua.start();
  }

  stop(): void {
    if (!this.ua) return;
    for (const s of this.sessions.values()) if (!s.isEnded()) s.terminate();
    this.sessions.clear();
    this.ua.stop();
    this.ua = null;
    this.wasConnected = false;
  }

  isStarted(): boolean {
    return this.ua !== null;
  }

  isRegistered(): boolean {
    return this.ua?.isRegistered() ?? false;
  }

  private pcConfig(): RTCConfiguration {
    return { iceServers: this.iceServers };
  }

  private track(id: string, session: RTCSession): void {
    this.sessions.set(id, session);
    const watch = (pc: RTCPeerConnection) => {
      limitIceGathering(pc, this.iceLimitMs);
      pc.addEventListener('track', (ev) => {
        const stream = ev.streams[0] ?? new MediaStream([ev.track]);
        this.events.remoteStream(id, stream);
      });
    };
    if (session.connection) watch(session.connection);
    else session.on('peerconnection', (e: { peerconnection: RTCPeerConnection }) => watch(e.peerconnection));
    this.listen(id, session);
  }

  private listen(id: string, session: RTCSession): void {
    const on = session.on.bind(session) as (event: string, fn: (e: { originator: 'local' | 'remote' | 'system'; cause: string }) => void) => void;
    on('progress', () => this.events.progress(id));
    on('confirmed', () => this.events.confirmed(id));
    on('hold', (e) => this.events.hold(id, true, e.originator === 'local' ? 'local' : 'remote'));
    on('unhold', (e) => this.events.hold(id, false, e.originator === 'local' ? 'local' : 'remote'));
    const end = (e: { cause: string; originator: 'local' | 'remote' | 'system' }) => {
      this.sessions.delete(id);
      this.wantedHold.delete(id);
      this.events.ended(id, e.cause, e.originator);
    };
    on('ended', end);
    on('failed', end);
  }

  call(target: string, options: OutgoingOptions): string {
    if (!this.ua) throw new Error('softphone not started');
    const id = newId();
    // peerconnection fires before newRTCSession for outgoing calls: hand the handlers to call().
    const session = this.ua.call(target, {
      mediaStream: options.mediaStream,
      pcConfig: this.pcConfig(),
      extraHeaders: options.extraHeaders,
      eventHandlers: {
        peerconnection: (e: { peerconnection: RTCPeerConnection }) => {
          limitIceGathering(e.peerconnection, this.iceLimitMs);
          e.peerconnection.addEventListener('track', (ev) => this.events.remoteStream(id, ev.streams[0] ?? new MediaStream([ev.track])));
        },
      },
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    } as never);
    this.sessions.set(id, session);
    this.listen(id, session);
    return id;
  }

  /** An outgoing session that is not a call of the agent (the supervisor's monitoring leg): no
   * id, no call events; the caller listens to the session itself. */
  callUntracked(target: string, options: OutgoingOptions & { onTrack(stream: MediaStream): void }): RTCSession {
    if (!this.ua) throw new Error('softphone not started');
    return this.ua.call(target, {
      mediaStream: options.mediaStream,
      pcConfig: this.pcConfig(),
      extraHeaders: options.extraHeaders,
      eventHandlers: { peerconnection: (e: { peerconnection: RTCPeerConnection }) => this.watchUntracked(e.peerconnection, options.onTrack) },
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    } as never);
  }

  /** Answers an incoming session handed out by `monitorRequest`. */
  answerUntracked(session: RTCSession, mediaStream: MediaStream, onTrack: (stream: MediaStream) => void): void {
    if (session.connection) this.watchUntracked(session.connection, onTrack);
    else session.on('peerconnection', (e: { peerconnection: RTCPeerConnection }) => this.watchUntracked(e.peerconnection, onTrack));
    session.answer({ mediaStream, pcConfig: this.pcConfig() } as never);
  }

  private watchUntracked(pc: RTCPeerConnection, onTrack: (stream: MediaStream) => void): void {
    limitIceGathering(pc, this.iceLimitMs);
    pc.addEventListener('track', (ev) => onTrack(ev.streams[0] ?? new MediaStream([ev.track])));
  }

  session(id: string): RTCSession | undefined {
    return this.sessions.get(id);
  }

  answer(id: string, mediaStream: MediaStream): void {
    this.sessions.get(id)?.answer({ mediaStream, pcConfig: this.pcConfig() } as never);
  }

  /** Decline a ringing call: 486 Busy Here makes the queue try the next agent. */
  reject(id: string, status = 486): void {
    this.sessions.get(id)?.terminate({ status_code: status, reason_phrase: status === 486 ? 'Busy Here' : 'Decline' });
  }

  hangup(id: string): void {
    const s = this.sessions.get(id);
    if (s && !s.isEnded()) s.terminate();
  }

  hold(id: string, on: boolean): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.wantedHold.set(id, on);
    requestHold(s, () => this.wantedHold.get(id) ?? on, (retry, ms) => setTimeout(retry, ms));
  }

  mute(id: string, on: boolean): void {
    const s = this.sessions.get(id);
    if (!s) return;
    if (on) s.mute({ audio: true });
    else s.unmute({ audio: true });
  }

  dtmf(id: string, tones: string, mode: 'rfc4733' | 'info'): void {
    this.sessions.get(id)?.sendDTMF(tones, { transportType: mode === 'info' ? 'INFO' : 'RFC2833', duration: 120, interToneGap: 70 } as never);
  }

  /** Blind transfer; the call is hung up once the transferee accepted the REFER (NOTIFY 2xx). */
  blindTransfer(id: string, target: string, onResult: (ok: boolean) => void): void {
    const s = this.sessions.get(id);
    if (!s) return;
    this.watchRefer(id, s.refer(target) as unknown, onResult);
  }

  private watchRefer(id: string, subscriber: unknown, onResult: (ok: boolean) => void): void {
    const sub = subscriber as { on(event: string, fn: () => void): void } | undefined;
    sub?.on('accepted', () => {
      onResult(true);
      this.hangup(id);
    });
    sub?.on('failed', () => onResult(false));
  }

  /** Attended transfer: REFER the first party to the consulted one, with Replaces. */
  attendedTransfer(id: string, consultId: string, onResult: (ok: boolean) => void): void {
    const s = this.sessions.get(id);
    const consult = this.sessions.get(consultId);
    if (!s || !consult) return;
    this.watchRefer(id, s.refer(consult.remote_identity.uri, { replaces: consult } as never) as unknown, onResult);
  }

  /** The call's incoming audio from its receivers. Unlike the 'track' event's stream it keeps
   * its track while the call is on hold (Chromium removes remote tracks from the stream when the
   * far end stops sending), which is what mixing right after an unhold needs. */
  remoteAudio(id: string): MediaStream | null {
    const tracks = (this.sessions.get(id)?.connection?.getReceivers() ?? []).map((r) => r.track).filter((t) => t.kind === 'audio');
    return tracks.length ? new MediaStream(tracks) : null;
  }

  senders(id: string): RTCRtpSender[] {
    return this.sessions.get(id)?.connection?.getSenders() ?? [];
  }

  async stats(id: string): Promise<{ inboundBytes: number; outboundBytes: number; packetsLost: number }> {
    const pc = this.sessions.get(id)?.connection;
    const out = { inboundBytes: 0, outboundBytes: 0, packetsLost: 0 };
    if (!pc) return out;
    const report = await pc.getStats();
    report.forEach((r: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number; packetsLost?: number }) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') {
        out.inboundBytes += r.bytesReceived ?? 0;
        out.packetsLost += r.packetsLost ?? 0;
      } else if (r.type === 'outbound-rtp' && r.kind === 'audio') out.outboundBytes += r.bytesSent ?? 0;
    });
    return out;
  }

  private restartIce(): void {
    for (const s of this.sessions.values()) {
      if (s.isEstablished()) s.renegotiate({ rtcOfferConstraints: { iceRestart: true } } as never);
    }
  }
}
