// How the uploader reaches the dealership server the desk syncs with: its URL and CA come from
// the sync settings (syncState.server), its access token from the running sync session, which
// registers itself here (the uploader never signs in on its own: two clients rotating one
// refresh token would look like a stolen token to the server and end the session).
import type Database from 'better-sqlite3';
import type { RecordingSettings } from '../../src-shared/contract/recording';
import type { DeskContext } from '../host/context';
import { syncState } from '../sync/sync-state';
import { fetchTrusting } from './ca-fetch';
import type { UploadTarget } from './upload-client';

export interface RecordingServerAuth {
  /** The session's access token (signing in again first if it has none); `refused` is one the server just answered 401 to. */
  accessToken(refused: string | null): Promise<string | null>;
}

const byDesk = new WeakMap<Database.Database, RecordingServerAuth>();

/** Called by the sync session when it starts (and with null when it stops). */
export function setRecordingServerAuth(ctx: Pick<DeskContext, 'sqlite'>, auth: RecordingServerAuth | null): void {
  if (auth) byDesk.set(ctx.sqlite, auth);
  else byDesk.delete(ctx.sqlite);
}

export function recordingServerAuth(sqlite: Database.Database): RecordingServerAuth | null {
  return byDesk.get(sqlite) ?? null;
}

const origin = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Where finalized recordings go. A separate upload URL with its own token (recording settings)
 * wins; otherwise the dealership server with the sync session's token; otherwise nowhere.
 */
export function uploadTargetFor(sqlite: Database.Database, settings: RecordingSettings): UploadTarget | null {
  const explicit = settings.uploadUrl.trim();
  const server = syncState.server(sqlite);
  if (!server || (explicit && origin(explicit) !== origin(server.url))) return explicit ? { baseUrl: explicit, token: settings.uploadToken } : null;
  const auth = recordingServerAuth(sqlite);
  return {
    baseUrl: server.url,
    token: settings.uploadToken,
    tokenSource: auth ? (refused) => auth.accessToken(refused) : undefined,
    fetch: server.caPem ? fetchTrusting(server.caPem) : undefined,
  };
}
