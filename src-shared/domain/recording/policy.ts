// Call recording rules (issue 5; seed 000 通话录音监听: recordings are listened back to judge and
// train agents). Pure: time and sizes come in as arguments.
// - Which calls are recorded: all (default), on demand (the agent starts it), none, or only the
//   calls routed through the listed ACD queues.
// - Who may listen: an agent hears their own calls; a supervisor (and admin) everyone's.
// - A local copy is deleted only after the dealership server confirmed it AND the retention
//   period passed; without a server nothing is ever deleted.
// - The disk guard warns; it never stops a call or a recording.
import type { Role } from '../roles';

export const recordingModes = ['all', 'on-demand', 'none', 'queues'] as const;
export type RecordingMode = (typeof recordingModes)[number];

/** MediaRecorder timeslice: a crash or power cut loses at most this much audio. */
export const chunkMillis = 1000;
/** One second of Opus is 4–16 KB; the first chunk also carries the WebM header. */
export const maxChunkBytes = 256 * 1024;
export const maxRecordingBytes = 2 * 1024 * 1024 * 1024;
/** Playback reads travel the contract in slices of at most this size. */
export const maxReadBytes = 1024 * 1024;

export interface RecordingPolicyInput {
  mode: RecordingMode;
  queues: readonly string[];
}

/** Starts automatically when the call is answered? (on-demand: only when the agent asks). */
export function recordsAutomatically(policy: RecordingPolicyInput, call: { queue: string | null }): boolean {
  switch (policy.mode) {
    case 'all':
      return true;
    case 'none':
    case 'on-demand':
      return false;
    case 'queues':
      return call.queue !== null && policy.queues.some((q) => q.toLowerCase() === call.queue!.toLowerCase());
  }
}

/** May the agent start a recording by hand during the call? */
export function mayStartByHand(policy: RecordingPolicyInput): boolean {
  return policy.mode !== 'none';
}

export type RecordingScope = 'own' | 'all';

export function recordingScope(role: Role): RecordingScope {
  return role === 'supervisor' || role === 'admin' ? 'all' : 'own';
}

export function mayManageRecordingSettings(role: Role): boolean {
  return role === 'supervisor' || role === 'admin';
}

export interface RetentionCandidate {
  endedAt: string | null;
  uploadedAt: string | null;
  localDeletedAt: string | null;
}

export function localCopyExpired(rec: RetentionCandidate, now: Date, retentionDays: number): boolean {
  if (rec.localDeletedAt || !rec.uploadedAt || !rec.endedAt) return false;
  const ended = Date.parse(rec.endedAt);
  const confirmed = Date.parse(rec.uploadedAt);
  if (!Number.isFinite(ended) || !Number.isFinite(confirmed)) return false;
  const due = ended + retentionDays * 86_400_000;
  return now.getTime() >= due && now.getTime() >= confirmed;
}

export type DiskLevel = 'ok' | 'low' | 'critical';

/** `low` warns the agent and the supervisor; `critical` warns louder. Neither stops recording:
 * a failed write is logged and the call goes on. */
export function diskLevel(freeBytes: number, thresholds: { lowBytes: number; criticalBytes: number }): DiskLevel {
  if (freeBytes < thresholds.criticalBytes) return 'critical';
  if (freeBytes < thresholds.lowBytes) return 'low';
  return 'ok';
}

export interface PauseSpan {
  startMs: number;
  endMs: number | null;
}

/** Adds a pause/resume mark to the spans; repeated or out-of-order marks are ignored so that a
 * double click or a replayed request cannot corrupt the spans. */
export function applyPauseMark(spans: readonly PauseSpan[], mark: { kind: 'pause' | 'resume'; atMs: number }): PauseSpan[] {
  const last = spans.at(-1);
  const open = last !== undefined && last.endMs === null;
  const floor = last ? (last.endMs ?? last.startMs) : 0;
  const at = Math.max(0, Math.round(mark.atMs));
  if (mark.kind === 'pause') {
    if (open || at < floor) return [...spans];
    return [...spans, { startMs: at, endMs: null }];
  }
  if (!open) return [...spans];
  return [...spans.slice(0, -1), { startMs: last.startMs, endMs: Math.max(last.startMs, at) }];
}

/** Closes a pause left open at hang-up. */
export function closeSpans(spans: readonly PauseSpan[], durationMs: number): PauseSpan[] {
  return spans.map((s) => (s.endMs === null ? { startMs: s.startMs, endMs: Math.max(s.startMs, durationMs) } : s));
}

/** Bytes of a base64 string once decoded, without decoding it. */
export function base64DecodedLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}
