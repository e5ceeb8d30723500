// Every refusal is a typed value on the wire ({code, message}, codes in protocol.ts) with the
// HTTP status that matches it; nothing unexpected leaks a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ServerError } from '../../src-shared/domain/sync/protocol';

export const statusOf: Record<ServerError['code'], number> = {
  unauthorized: 401,
  'token-expired': 401,
  forbidden: 403,
  locked: 423,
  'invalid-input': 400,
  'too-large': 413,
  gap: 409,
  'desk-outdated': 426,
  'server-outdated': 409,
  'not-found': 404,
  internal: 500,
  unavailable: 503,
  disabled: 403,
};

export class HttpRefusal extends Error {
  constructor(
    readonly body: ServerError,
  ) {
    super(body.message);
  }
}

export function refuse(code: ServerError['code'], message: string, extra: Partial<ServerError> = {}): never {
  throw new HttpRefusal({ code, message, ...extra });
}

export function parseOrRefuse<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    refuse('invalid-input', `invalid request: ${first ? `${first.path.join('.')} ${first.message}` : 'malformed'}`.slice(0, 300));
  }
  return parsed.data;
}

export function errorHandler(log: (message: string, meta: Record<string, unknown>) => void) {
  return (error: FastifyError | HttpRefusal, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpRefusal) return reply.status(statusOf[error.body.code]).send(error.body);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return reply.status(413).send({ code: 'too-large', message: 'request body too large' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return reply.status(415).send({ code: 'invalid-input', message: 'unsupported content type' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send({ code: 'invalid-input', message: 'malformed request' });
    }
    const logId = randomUUID().slice(0, 8);
    log('request failed', { logId, error: error instanceof Error ? error.stack : String(error) });
    return reply.status(500).send({ code: 'internal', message: `internal error (log ${logId})` });
  };
}
