// The agent's side of live monitoring (protocol: src-shared/domain/softphone/monitor.ts): decide
// on a supervisor's INVITE, answer it silently with the call mix, follow mode changes sent by
// INFO, and end the session when the agent has no answered call left.
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import type { MonitorAuditInput, SoftphoneSettingsView } from '../../../src-shared/contract/softphone';
import {
  monitorDecision, monitorHeader, monitorInfoType, monitorSupervisorHeader, parseMonitorMode, type MonitorMode,
} from '../../../src-shared/domain/softphone/monitor';
import type { MonitoredView } from '../state/softphone-slice';
import { MonitorMix } from './monitor-mix';

export interface AnsweredCall {
  id: string;
  microphone: MediaStream | undefined;
  remote: MediaStream | null;
}

export interface AgentMonitorDeps {
  settings(): SoftphoneSettingsView | null;
  answeredCalls(): AnsweredCall[];
  answer(session: RTCSession, stream: MediaStream, onTrack: (stream: MediaStream) => void): void;
  routeEar(element: HTMLAudioElement): void;
  changed(view: MonitoredView | null): void;
  audit(entry: Omit<MonitorAuditInput, 'side'>): void;
  now(): number;
}

/** The supervisor's name from its header: percent-encoded UTF-8, shown as text, never trusted. */
export function supervisorName(raw: string | undefined, fallback: string): string {
  if (!raw) return fallback;
  try {
    return decodeURIComponent(raw).slice(0, 40) || fallback;
  } catch {
    return fallback;
  }
}

export class AgentMonitor {
  private active: { session: RTCSession; mix: MonitorMix; view: MonitoredView; callUid: string } | null = null;

  constructor(private readonly deps: AgentMonitorDeps) {}

  offer(session: RTCSession, request: IncomingRequest): void {
    const from = request.from?.uri?.user ?? '';
    const calls = this.deps.answeredCalls();
    const decision = monitorDecision({
      fromUser: from,
      modeHeader: request.getHeader(monitorHeader) ?? null,
      trusted: this.deps.settings()?.monitorSupervisors ?? [],
      callInProgress: calls.length > 0,
      alreadyMonitored: this.active !== null,
    });
    if (decision.kind === 'refuse') {
      session.terminate({ status_code: decision.status, reason_phrase: decision.reason });
      this.deps.audit({ event: 'refused', peer: from.slice(0, 100) || '(unknown)', mode: null, callUid: calls[0]?.id ?? null, status: decision.status });
      return;
    }
    const mix = new MonitorMix();
    const callUid = calls[0].id;
    const view: MonitoredView = { supervisor: from, name: supervisorName(request.getHeader(monitorSupervisorHeader), from), mode: decision.mode, since: this.deps.now() };
    this.active = { session, mix, view, callUid };
    this.refreshSources();
    mix.setMode(decision.mode);
    this.deps.routeEar(mix.earElement());
    const on = session.on.bind(session) as (event: string, fn: (e: never) => void) => void;
    on('newInfo', (e: { originator: string; info: { contentType: string; body: string } }) => {
      if (e.originator !== 'remote' || !e.info.contentType?.toLowerCase().startsWith(monitorInfoType)) return;
      const mode = parseMonitorMode(e.info.body);
      if (mode) this.setMode(session, mode);
    });
    on('ended', () => this.finished(session));
    on('failed', () => this.finished(session));
    this.deps.answer(session, mix.stream, (stream) => mix.setSupervisorAudio(stream));
    this.deps.changed(view);
    this.deps.audit({ event: 'start', peer: from, mode: decision.mode, callUid, status: null });
  }

  private setMode(session: RTCSession, mode: MonitorMode): void {
    if (this.active?.session !== session || this.active.view.mode === mode) return;
    this.active.mix.setMode(mode);
    this.active.view = { ...this.active.view, mode };
    this.deps.changed(this.active.view);
    this.deps.audit({ event: 'mode', peer: this.active.view.supervisor, mode, callUid: this.active.callUid, status: null });
  }

  private refreshSources(): void {
    if (!this.active) return;
    for (const c of this.deps.answeredCalls()) {
      this.active.mix.addMicrophone(c.microphone);
      this.active.mix.addRemote(c.remote);
    }
  }

  /** After a call was confirmed or ended, or a microphone swapped. */
  callsChanged(): void {
    if (!this.active) return;
    if (this.deps.answeredCalls().length === 0) this.end();
    else this.refreshSources();
  }

  routeEar(): void {
    if (this.active) this.deps.routeEar(this.active.mix.earElement());
  }

  end(): void {
    const session = this.active?.session;
    if (session && !session.isEnded()) session.terminate();
    if (session) this.finished(session);
  }

  private finished(session: RTCSession): void {
    if (this.active?.session !== session) return;
    const { mix, view, callUid } = this.active;
    this.active = null;
    mix.close();
    this.deps.changed(null);
    this.deps.audit({ event: 'end', peer: view.supervisor, mode: view.mode, callUid, status: null });
  }
}
