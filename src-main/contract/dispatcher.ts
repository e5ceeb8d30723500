// Binds the contract to services. Every payload from a renderer is untrusted: the method name
// is checked against the contract table, the input parsed by its zod schema, the caller's role
// checked, and any unexpected failure becomes `{code: 'internal', logId}` (style.md §6).
import { randomUUID } from 'node:crypto';
import { DeskError, isMethod, requests, type ContractError, type Method, type Output, type ParsedInput, type Result } from '../../src-shared/contract/index';
import type { Role } from '../../src-shared/domain/roles';

export type Handler<M extends Method, Ctx> = (input: ParsedInput<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
export type Handlers<Ctx> = { [M in Method]: Handler<M, Ctx> };
export type HandlersFor<K extends Method, Ctx> = { [M in K]: Handler<M, Ctx> };

export interface DispatchLog {
  error(message: string, meta: Record<string, unknown>): void;
}

export function createDispatcher<Ctx>(options: {
  handlers: Handlers<Ctx>;
  context: Ctx;
  role: () => Role;
  log: DispatchLog;
  validateOutput?: boolean;
}) {
  const { handlers, context, role, log } = options;
  return async function dispatch(method: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isMethod(method)) {
      return fail({ code: 'unknown-method', message: `unknown method: ${String(method).slice(0, 80)}` });
    }
    const def = requests[method];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return fail({
        code: 'invalid-input',
        message: `invalid input for ${method}`,
        issues: parsed.error.issues.slice(0, 20).map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
    }
    const allowed = (def as { roles?: readonly string[] }).roles;
    if (allowed && !allowed.includes(role())) {
      return fail({ code: 'forbidden', message: `${method} is not allowed for role ${role()}` });
    }
    try {
      const handler = handlers[method] as Handler<Method, Ctx>;
      const value = await handler(parsed.data as never, context);
      if (options.validateOutput) def.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof DeskError) return fail({ code: error.code, message: error.message, issues: error.issues });
      const logId = randomUUID().slice(0, 8);
      // Payloads are not logged: they can hold phone numbers and passwords.
      log.error('handler failed', { method, logId, error: error instanceof Error ? error.stack : String(error) });
      return fail({ code: 'internal', message: 'internal error', logId });
    }
  };
}

function fail(error: ContractError): Result<never> {
  return { ok: false, error };
}
