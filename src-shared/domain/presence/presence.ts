// Pure rules of the live view (issue 9): when a desk counts as offline, how its times move onto
// the server's clock, what a viewer may see of the other party's number (roles.ts
// seeFullPhones), which entries to show and how a ticking duration reads.
import { formatPhone, maskPhone } from '../phone-format';
import { can, type Role } from '../roles';
import { presenceForgetMs, presenceStaleMs, type PresenceCall, type PresenceEntry, type ShownPresenceState } from './protocol';

export function isStale(lastSeenAt: string | number, now: number, staleMs = presenceStaleMs): boolean {
  const seen = typeof lastSeenAt === 'number' ? lastSeenAt : Date.parse(lastSeenAt);
  return !(now - seen < staleMs);
}

export function shownState(entry: Pick<PresenceEntry, 'state' | 'lastSeenAt'>, now: number): ShownPresenceState {
  return isStale(entry.lastSeenAt, now) ? 'offline' : entry.state;
}

/**
 * A desk time moved onto the receiver's clock: the desk said `sentAt` when the receiver's clock
 * read `receivedAt`. Never later than `receivedAt` (a duration does not start in the future).
 */
export function rebase(deskTime: string, sentAt: string, receivedAt: number): string {
  const shifted = Date.parse(deskTime) + (receivedAt - Date.parse(sentAt));
  return new Date(Math.min(shifted, receivedAt)).toISOString();
}

/** The other party's number as this viewer may see it; digits only are formatted/masked. */
export function shownNumber(number: string | null, role: Role): string | null {
  if (number === null || number.trim() === '') return null;
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\+?\d+$/.test(digits)) return can(role, 'seeFullPhones') ? number : maskPhone(number);
  return can(role, 'seeFullPhones') ? formatPhone(digits) : maskPhone(digits);
}

export function maskedCall(call: PresenceCall | null, role: Role): PresenceCall | null {
  return call ? { ...call, number: shownNumber(call.number, role) } : null;
}

/**
 * What the board shows: entries heard from within presenceForgetMs; a silent desk of a user who
 * is live on another desk is left out (they moved desks). Sorted by name, then extension.
 */
export function visibleEntries<E extends Pick<PresenceEntry, 'userName' | 'extension' | 'lastSeenAt' | 'deskId'>>(entries: readonly E[], now: number): E[] {
  const live = new Set(entries.filter((e) => !isStale(e.lastSeenAt, now)).map((e) => e.userName));
  return entries
    .filter((e) => now - Date.parse(e.lastSeenAt) < presenceForgetMs)
    .filter((e) => !isStale(e.lastSeenAt, now) || !live.has(e.userName))
    .sort((a, b) => a.userName.localeCompare(b.userName, 'zh-CN') || (a.extension ?? '').localeCompare(b.extension ?? '') || a.deskId.localeCompare(b.deskId));
}

/** "04:05", "1:02:03"; negative spans (clock skew) read as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Elapsed time since `since` (an ISO time on the server's clock) at the viewer's `now`, given the offset viewer − server. */
export function elapsedSince(since: string, viewerNow: number, offsetMs: number): number {
  return Math.max(0, viewerNow - offsetMs - Date.parse(since));
}

/** Whether a supervisor can listen to this row: a call in progress, an extension, a live desk. */
export function canListenTo(entry: Pick<PresenceEntry, 'call' | 'extension' | 'lastSeenAt'>, now: number): boolean {
  return entry.extension !== null && entry.extension !== '' && !isStale(entry.lastSeenAt, now) && (entry.call?.phase === 'connected' || entry.call?.phase === 'held');
}
