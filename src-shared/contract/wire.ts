// The browser host's WebSocket framing of the contract: one socket per window, JSON text frames.
//   renderer → host: {id, method, input}
//   host → renderer: {id, result}            (result is a Result<unknown>)
//                    {event, payload}        (pushed events)
import { z } from 'zod';
import { ContractErrorSchema } from './errors';

export const contractSocketPath = '/contract';
/** Frames above this size are refused before parsing (an import file travels as base64). */
export const maxFrameBytes = 80 * 1024 * 1024;

export const CallFrameSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});
export type CallFrame = z.infer<typeof CallFrameSchema>;

export const ReplyFrameSchema = z.object({
  id: z.number().int(),
  result: z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ContractErrorSchema })]),
});

export const EventFrameSchema = z.object({ event: z.string(), payload: z.unknown() });
