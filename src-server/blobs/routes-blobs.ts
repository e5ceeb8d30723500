// HTTP side of the blob store (issue 7): a desk uploads the bytes of a KB attachment before it
// pushes the attachment's row, and other desks download them by the sha256 the row names.
//  - PUT /blobs/:sha256 (application/octet-stream, at most 20 MB): the server checks the bytes
//    against the name and stores nothing on a mismatch (422). Idempotent. Only roles that may
//    edit the KB upload: nobody else can push an attachment row (store/validate.ts), so nobody
//    else has a reason to fill the dealership's disk.
//  - GET /blobs/:sha256 (HEAD: whether the server has it): every signed-in user of the
//    dealership, since every desk syncs the KB. Blobs are per dealership.
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { roles, can } from '../../src-shared/domain/roles';
import { claimsOf, everyRole, type ServerContext } from '../http/app';
import { refuse } from '../http/errors';
import { BlobStore } from './blob-store';
import { defaultBlobsDir, type BlobStoreOptions } from './config';

declare module '../http/app' {
  interface ServerOptions {
    /** Blob store; without it, a temporary folder per process. */
    blobs?: BlobStoreOptions;
  }
}

export const blobUploaders = roles.filter((role) => can(role, 'editKnowledge'));

export async function blobRoutes(app: FastifyInstance, _ctx: ServerContext, options?: BlobStoreOptions): Promise<void> {
  const store = new BlobStore(options?.dir ?? defaultBlobsDir());
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: store.maxBytes }, (_request, body, done) => done(null, body));
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 413) reply.header('connection', 'close');
    return payload;
  });

  const found = async (reply: FastifyReply, dealershipId: number, sha256: string): Promise<void> => {
    const size = await store.size(dealershipId, sha256);
    if (size === null) refuse('not-found', 'no such blob');
    reply.header('content-type', 'application/octet-stream').header('content-length', String(size)).header('x-content-sha256', sha256);
  };

  app.put('/blobs/:sha256', { config: { roles: blobUploaders }, bodyLimit: store.maxBytes }, async (request, reply) => {
    const { sha256 } = request.params as { sha256: string };
    if (!Buffer.isBuffer(request.body)) refuse('invalid-input', 'a blob is sent as application/octet-stream');
    const outcome = await store.put(claimsOf(request).did, sha256, request.body);
    if (outcome.ok) return reply.status(outcome.stored ? 201 : 200).send({ sha256, bytes: outcome.bytes, stored: outcome.stored });
    if (outcome.reason === 'too-large') refuse('too-large', outcome.message);
    return reply.status(outcome.reason === 'checksum' ? 422 : 400).send({ code: 'invalid-input', error: outcome.reason, message: outcome.message });
  });
  app.head('/blobs/:sha256', { config: { roles: everyRole } }, async (request, reply) => {
    const { sha256 } = request.params as { sha256: string };
    await found(reply, claimsOf(request).did, sha256);
    return reply.send();
  });
  app.get('/blobs/:sha256', { config: { roles: everyRole }, exposeHeadRoute: false }, async (request, reply) => {
    const { sha256 } = request.params as { sha256: string };
    const did = claimsOf(request).did;
    await found(reply, did, sha256);
    return reply.send(createReadStream(store.path(did, sha256)!));
  });
}
