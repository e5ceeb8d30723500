// HTTP side of recording uploads and of listening to them (issue 6). The upload protocol is
// src-shared/domain/recording/upload-protocol.ts; every desk role may upload (a desk uploads what
// it recorded). Listing and downloading: supervisors and admins see the dealership's recordings,
// everyone else only their own (uploaded by them, or recorded under their name). Every download
// is written to the audit log.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { maxUploadChunkBytes, uploadBasePath, UploadCompleteSchema, UploadCreateSchema } from '../../src-shared/domain/recording/upload-protocol';
import { claimsOf, everyRole, type ServerContext } from '../http/app';
import { parseOrRefuse, refuse } from '../http/errors';
import type { AccessClaims } from '../auth/tokens';
import { audit } from '../store/audit';
import { defaultRecordingsDir, type RecordingStoreOptions } from './config';
import { fileSize } from './upload-files';
import { listCompleted, uploadReads, type UploadRow } from './upload-repo';
import { RecordingUploads, type UploadActor, type UploadOutcome } from './upload-service';

declare module '../http/app' {
  interface ServerOptions {
    /** Recording store; without it, a temporary folder per process. */
    recordings?: RecordingStoreOptions;
  }
}

const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  agent: z.string().max(100).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  /** Cursor: `nextBefore` of the previous page. */
  before: z.string().max(200).optional(),
});

const seesEveryone = (claims: AccessClaims) => claims.role === 'supervisor' || claims.role === 'admin';
const actorOf = (claims: AccessClaims): UploadActor => ({ dealershipId: claims.did, userId: claims.uid, userName: claims.name, sessionId: claims.sid });

function send(reply: FastifyReply, outcome: UploadOutcome) {
  if ('status' in outcome) return reply.status(outcome.http).send(outcome.status);
  return reply.status(outcome.http).send({ code: outcome.code, error: outcome.reason, message: outcome.message });
}

function view(row: UploadRow) {
  return {
    recordingUid: row.recording_uid, uploadId: row.upload_id, agent: row.agent, uploadedBy: row.user_name, callUid: row.call_uid, direction: row.direction,
    remoteNumber: row.remote_number, startedAt: row.started_at, durationMs: row.duration_ms, mimeType: row.mime_type, bytes: row.bytes, sha256: row.sha256,
    channels: row.meta.channels, endedAt: row.meta.endedAt, customerId: row.meta.customerId, vehicleId: row.meta.vehicleId, pauses: row.meta.pauses,
    completedAt: row.completed_at instanceof Date ? row.completed_at.toISOString() : row.completed_at,
  };
}

export async function recordingRoutes(app: FastifyInstance, ctx: ServerContext, options?: RecordingStoreOptions): Promise<void> {
  const uploads = new RecordingUploads(ctx.sql, options ?? { dir: defaultRecordingsDir() }, ctx.now);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxUploadChunkBytes }, (_request, body, done) => done(null, body));
  // A refused body may still be arriving: close the connection rather than leave it half read.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 413) reply.header('connection', 'close');
    return payload;
  });

  app.post(uploadBasePath, { config: { roles: everyRole }, bodyLimit: 64 * 1024 }, async (request, reply) => {
    const body = parseOrRefuse(UploadCreateSchema, request.body);
    return send(reply, await uploads.create(actorOf(claimsOf(request)), body));
  });
  app.get(`${uploadBasePath}/:uploadId`, { config: { roles: everyRole } }, async (request, reply) => {
    const { uploadId } = request.params as { uploadId: string };
    return send(reply, await uploads.status(actorOf(claimsOf(request)), uploadId));
  });
  app.put(`${uploadBasePath}/:uploadId`, { config: { roles: everyRole }, bodyLimit: maxUploadChunkBytes }, async (request, reply) => {
    const { uploadId } = request.params as { uploadId: string };
    const { offset } = request.query as { offset?: string };
    const sha = request.headers['x-chunk-sha256'];
    if (!Buffer.isBuffer(request.body)) refuse('invalid-input', 'a chunk is sent as application/octet-stream');
    return send(reply, await uploads.putChunk(actorOf(claimsOf(request)), uploadId, { offset, sha256: typeof sha === 'string' ? sha : undefined, body: request.body }));
  });
  app.post(`${uploadBasePath}/:uploadId/complete`, { config: { roles: everyRole }, bodyLimit: 4096 }, async (request, reply) => {
    const { uploadId } = request.params as { uploadId: string };
    const { sha256 } = parseOrRefuse(UploadCompleteSchema, request.body);
    return send(reply, await uploads.complete(actorOf(claimsOf(request)), uploadId, sha256));
  });

  app.get('/api/recordings', { config: { roles: everyRole } }, async (request) => {
    const claims = claimsOf(request);
    const q = parseOrRefuse(ListQuerySchema, request.query);
    const cut = q.before?.lastIndexOf('|') ?? -1;
    const rows = await listCompleted(ctx.sql, {
      dealershipId: claims.did,
      owner: seesEveryone(claims) ? null : { userId: claims.uid, agent: claims.name },
      agent: q.agent, from: q.from, to: q.to, limit: q.limit,
      before: q.before && cut > 0 ? { startedAt: q.before.slice(0, cut), recordingUid: q.before.slice(cut + 1) } : undefined,
    });
    const last = rows.length === q.limit ? rows[rows.length - 1] : null;
    return { recordings: rows.map(view), nextBefore: last ? `${last.started_at}|${last.recording_uid}` : null };
  });

  const readable = async (claims: AccessClaims, recordingUid: string): Promise<UploadRow> => {
    const row = await uploadReads.byRecording(ctx.sql, claims.did, recordingUid);
    if (!row || row.completed_at === null) refuse('not-found', 'no such recording');
    if (!seesEveryone(claims) && row.user_id !== claims.uid && row.agent !== claims.name) refuse('forbidden', 'only supervisors and admins may listen to the recordings of others');
    return row;
  };
  app.get('/api/recordings/:recordingUid', { config: { roles: everyRole } }, async (request) => {
    const { recordingUid } = request.params as { recordingUid: string };
    return view(await readable(claimsOf(request), recordingUid));
  });
  app.get('/api/recordings/:recordingUid/file', { config: { roles: everyRole } }, async (request, reply) => {
    const claims = claimsOf(request);
    const { recordingUid } = request.params as { recordingUid: string };
    const row = await readable(claims, recordingUid);
    const file = uploads.storedFile(row);
    const size = file ? await fileSize(file) : null;
    if (!file || size !== row.bytes) refuse('unavailable', 'the recording file is missing from the store');
    await audit(ctx.sql, {
      dealershipId: claims.did, userId: claims.uid, userName: claims.name, action: 'recording.downloaded', target: recordingUid,
      detail: { uploadId: row.upload_id, agent: row.agent, bytes: row.bytes, startedAt: row.started_at },
    });
    return reply
      .header('content-type', row.mime_type)
      .header('content-length', String(row.bytes))
      .header('content-disposition', `attachment; filename="${row.recording_uid}.${file.slice(file.lastIndexOf('.') + 1)}"`)
      .header('x-content-sha256', row.sha256)
      .send(createReadStream(file));
  });
}
