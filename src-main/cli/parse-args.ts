import { CliUsageError, type ParsedArgs } from './command';
import { defaultDataDir } from '../host/data-dir';

const booleanFlags = new Set(['json', 'help', 'skip-invalid', 'force']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') flags.help = true;
    else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (inline !== undefined) flags[name] = inline;
      else if (booleanFlags.has(name)) flags[name] = true;
      else {
        const next = argv[i + 1];
        if (next === undefined || next.startsWith('--')) throw new CliUsageError(`--${name} needs a value`);
        flags[name] = next;
        i++;
      }
    } else positionals.push(arg);
  }
  const dataDir = typeof flags['data-dir'] === 'string' ? flags['data-dir'] : defaultDataDir();
  return { positionals, flags, dataDir, json: flags.json === true };
}
