// How presence reaches the dealership server: through the desk's running sync session (its URL,
// CA and access token; SyncEngine.request), which registers itself here when it starts. Presence
// never signs in on its own (a second client rotating the same refresh token would look like a
// stolen token to the server and end the session). No session: the board shows this desk only.
import type { DeskContext } from '../host/context';
import type { HttpResult } from '../sync/transport';

export interface PresenceSession {
  /** The desk id the session signed in with. */
  readonly id: string;
  /** null: stopped or not signed in. */
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpResult | null>;
}

const sessions = new WeakMap<DeskContext, PresenceSession>();
const listeners = new WeakMap<DeskContext, Set<() => void>>();

/** Called by the sync session when it starts (and with null when it stops). */
export function setPresenceSession(ctx: DeskContext, session: PresenceSession | null): void {
  if (session) sessions.set(ctx, session);
  else sessions.delete(ctx);
  for (const listener of listeners.get(ctx) ?? []) listener();
}

export function presenceSession(ctx: DeskContext): PresenceSession | null {
  return sessions.get(ctx) ?? null;
}

export function onPresenceSession(ctx: DeskContext, listener: () => void): () => void {
  let set = listeners.get(ctx);
  if (!set) listeners.set(ctx, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}
