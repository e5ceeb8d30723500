import type { z } from 'zod';

/** A request the renderer may make; main validates `input` before any service sees it. */
export interface RequestDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Roles allowed to call it; undefined = every signed-in role. */
  roles?: readonly string[];
}

export function request<I extends z.ZodType, O extends z.ZodType>(def: RequestDef<I, O>): RequestDef<I, O> {
  return def;
}
