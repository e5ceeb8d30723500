// One headless CLI (`npx dealerdesk …`). Every command takes --data-dir and --json; with --json,
// results go to stdout as JSON and errors as {"error":{code,message}} with a non-zero exit.
export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
  dataDir: string;
  json: boolean;
}

export interface CliIO {
  /** Result: JSON when --json, otherwise the text form. */
  result(json: unknown, text: string): void;
  /** Human progress on stderr (never with --json, so stdout stays machine-readable). */
  progress(text: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit code (default 0). */
  run(args: ParsedArgs, io: CliIO): Promise<number | void>;
}

export class CliUsageError extends Error {
  readonly code = 'usage';
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberFlag(args: ParsedArgs, name: string, fallback: number): number {
  const value = stringFlag(args, name);
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(parsed)) throw new CliUsageError(`--${name} must be a number, got ${value}`);
  return parsed;
}
