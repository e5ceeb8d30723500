// Supervisor live listening and whisper (监听 / 耳语, seed 000 通话录音监听; issue 9), done by the
// two desks over SIP with no PBX feature. The protocol, as both desks implement it:
// - The supervisor's desk calls the agent's extension with `X-Dealerdesk-Monitor: listen|whisper`
//   (and `X-Dealerdesk-Supervisor: <display name>`, shown to the agent, never trusted).
// - Trust comes from the From user, which the registrar authenticates (digest auth with a
//   From = auth-user check): the agent's desk answers only a From user listed in its
//   softphone settings `monitorSupervisors`, and only while it has a call in progress. It
//   answers silently: no ringing, no call record, no change of agent state.
// - The agent's desk sends the supervisor the mix of the customer's audio and the agent's
//   microphone. The supervisor's audio is played into the agent's ear only in whisper mode and
//   never enters the customer's call (the customer's sender keeps the bare microphone).
// - Mode changes travel as an in-dialog INFO with Content-Type `monitorInfoType` and the mode as
//   the body. Listen mode is enforced on both sides: the supervisor disables its microphone
//   track and the agent's desk mutes whatever still arrives.
// - The session ends when the agent has no answered call left (the agent's desk sends BYE), or
//   when either side hangs up.
import type { Role } from '../roles';

export const monitorHeader = 'X-Dealerdesk-Monitor';
export const monitorSupervisorHeader = 'X-Dealerdesk-Supervisor';
export const monitorInfoType = 'application/x-dealerdesk-monitor';

export const monitorModes = ['listen', 'whisper'] as const;
export type MonitorMode = (typeof monitorModes)[number];

/** Roles that may listen to and whisper to agents (main refuses the audit entry to others). */
export const monitorRoles = ['supervisor', 'admin'] as const satisfies readonly Role[];

export function canMonitor(role: Role | null | undefined): boolean {
  return role != null && (monitorRoles as readonly Role[]).includes(role);
}

export function parseMonitorMode(raw: string | null | undefined): MonitorMode | null {
  const value = (raw ?? '').trim().toLowerCase();
  return (monitorModes as readonly string[]).includes(value) ? (value as MonitorMode) : null;
}

/** The user part of an extension as configured or as found in a URI: "8002", "sip:8002@pbx" → "8002". */
export function extensionOf(entry: string): string {
  return entry.trim().replace(/^<|>$/g, '').replace(/^sips?:/i, '').split(/[@;>]/)[0].trim().toLowerCase();
}

export type MonitorDecision =
  | { kind: 'accept'; mode: MonitorMode }
  | { kind: 'refuse'; status: 400 | 403 | 480 | 486; reason: string };

/** What the agent's desk does with a monitoring INVITE. Order matters: an untrusted caller learns
 * nothing about whether the agent is on a call. */
export function monitorDecision(input: {
  fromUser: string;
  modeHeader: string | null;
  trusted: readonly string[];
  callInProgress: boolean;
  alreadyMonitored: boolean;
}): MonitorDecision {
  const from = extensionOf(input.fromUser);
  if (!from || !input.trusted.some((t) => extensionOf(t) === from)) return { kind: 'refuse', status: 403, reason: 'Forbidden' };
  const mode = parseMonitorMode(input.modeHeader);
  if (!mode) return { kind: 'refuse', status: 400, reason: 'Bad Monitor Mode' };
  if (!input.callInProgress) return { kind: 'refuse', status: 480, reason: 'No Call In Progress' };
  if (input.alreadyMonitored) return { kind: 'refuse', status: 486, reason: 'Already Monitored' };
  return { kind: 'accept', mode };
}

/** The supervisor's view of a refusal, for the message under the monitor box. */
export function monitorRefusal(status: number | null): 'forbidden' | 'no-call' | 'busy' | 'unreachable' | 'failed' {
  if (status === 403) return 'forbidden';
  if (status === 480) return 'no-call';
  if (status === 486) return 'busy';
  if (status === 404 || status === 408) return 'unreachable';
  return 'failed';
}
