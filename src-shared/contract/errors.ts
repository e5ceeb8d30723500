// Errors are typed values across the contract (style.md §6). Anything unexpected becomes
// `internal` with a log id before it crosses a process boundary; no stack, no strings thrown.
import { z } from 'zod';

export const errorCodes = [
  'invalid-input',
  'unknown-method',
  'not-found',
  'forbidden',
  'conflict',
  'offline',
  'unavailable',
  'internal',
] as const;

export const ContractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** For invalid-input: where the payload was wrong. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  logId: z.string().optional(),
});
export type ContractError = z.infer<typeof ContractErrorSchema>;
export type ErrorCode = ContractError['code'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** Thrown by services for an expected failure; the dispatcher turns it into a ContractError. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ContractError['issues'],
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

export function missingCase(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
