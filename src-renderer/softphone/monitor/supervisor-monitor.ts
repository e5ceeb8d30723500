// The supervisor's side of live monitoring (protocol: src-shared/domain/softphone/monitor.ts):
// ask main to audit (main refuses roles that may not monitor) before dialling the agent's
// extension with the monitor header, play what comes back, switch listen ↔ whisper by INFO and
// by enabling the microphone track, hang up.
import type { RTCSession } from 'jssip/lib/RTCSession';
import type { MonitorAuditInput } from '../../../src-shared/contract/softphone';
import {
  monitorHeader, monitorInfoType, monitorRefusal, monitorSupervisorHeader, type MonitorMode,
} from '../../../src-shared/domain/softphone/monitor';
import type { MonitorError, MonitoringView } from '../state/softphone-slice';

export interface SupervisorMonitorDeps {
  /** sip: URI of the agent's extension, or null when the softphone cannot dial. */
  target(extension: string): string | null;
  displayName(): string;
  microphone(): Promise<MediaStream>;
  call(target: string, options: { mediaStream: MediaStream; extraHeaders: string[]; onTrack(stream: MediaStream): void }): RTCSession;
  routeSpeaker(element: HTMLAudioElement): void;
  changed(view: MonitoringView | null, error: MonitorError | null): void;
  /** Rejects when main refuses (role not permitted). */
  audit(entry: Omit<MonitorAuditInput, 'side'>): Promise<void>;
  now(): number;
}

export class SupervisorMonitor {
  private active: { session: RTCSession; mic: MediaStream; view: MonitoringView } | null = null;
  private readonly ear = new Audio();

  constructor(private readonly deps: SupervisorMonitorDeps) {
    this.ear.autoplay = true;
  }

  isActive(): boolean {
    return this.active !== null;
  }

  async start(extension: string, mode: MonitorMode): Promise<void> {
    if (this.active) return this.setMode(mode);
    const target = this.deps.target(extension);
    if (!target) return this.deps.changed(null, 'not-registered');
    const peer = target.slice(4).split('@')[0];
    try {
      await this.deps.audit({ event: 'start', peer, mode, callUid: null, status: null });
    } catch {
      return this.deps.changed(null, 'not-permitted');
    }
    const mic = await this.deps.microphone();
    for (const t of mic.getAudioTracks()) t.enabled = mode === 'whisper';
    const session = this.deps.call(target, {
      mediaStream: mic,
      extraHeaders: [`${monitorHeader}: ${mode}`, `${monitorSupervisorHeader}: ${encodeURIComponent(this.deps.displayName()).slice(0, 200)}`],
      onTrack: (stream) => {
        this.ear.srcObject = stream;
        this.deps.routeSpeaker(this.ear);
        void this.ear.play().catch(() => {});
      },
    });
    const view: MonitoringView = { target: peer, mode, phase: 'connecting', since: null };
    this.active = { session, mic, view };
    this.deps.changed(view, null);
    const on = session.on.bind(session) as (event: string, fn: (e: never) => void) => void;
    on('confirmed', () => {
      // A mode chosen while it was still connecting travels now.
      if (this.active?.session === session && this.active.view.mode !== mode) session.sendInfo(monitorInfoType, this.active.view.mode);
      this.patch(session, { phase: 'connected', since: this.deps.now() });
    });
    on('failed', (e: { originator: string; message?: { status_code?: number } }) => {
      const status = e.originator === 'local' ? null : (e.message?.status_code ?? null);
      void this.deps.audit({ event: e.originator === 'local' ? 'end' : 'refused', peer, mode, callUid: null, status }).catch(() => {});
      this.finished(session, e.originator === 'local' ? null : monitorRefusal(status));
    });
    on('ended', () => {
      void this.deps.audit({ event: 'end', peer, mode: this.active?.view.mode ?? mode, callUid: null, status: null }).catch(() => {});
      this.finished(session, null);
    });
  }

  async setMode(mode: MonitorMode): Promise<void> {
    const a = this.active;
    if (!a || a.view.mode === mode) return;
    for (const t of a.mic.getAudioTracks()) t.enabled = mode === 'whisper';
    if (a.session.isEstablished()) a.session.sendInfo(monitorInfoType, mode);
    this.patch(a.session, { mode });
    await this.deps.audit({ event: 'mode', peer: a.view.target, mode, callUid: null, status: null }).catch(() => {});
  }

  end(): void {
    const s = this.active?.session;
    if (s && !s.isEnded()) s.terminate();
  }

  routeSpeaker(): void {
    this.deps.routeSpeaker(this.ear);
  }

  private patch(session: RTCSession, patch: Partial<MonitoringView>): void {
    if (this.active?.session !== session) return;
    this.active.view = { ...this.active.view, ...patch };
    this.deps.changed(this.active.view, null);
  }

  private finished(session: RTCSession, error: MonitorError | null): void {
    if (this.active?.session !== session) return;
    for (const t of this.active.mic.getTracks()) t.stop();
    this.active = null;
    this.ear.srcObject = null;
    this.deps.changed(null, error);
  }
}
