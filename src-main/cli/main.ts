#!/usr/bin/env node
import { CliUsageError, type CliCommand, type CliIO } from './command';
import { parseArgs } from './parse-args';
import { commands } from './commands/index';
import { DeskError } from '../../src-shared/contract/errors';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'dealerdesk: headless tools for the Dealerdesk customer cache',
    '',
    'Usage: npx dealerdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --data-dir DIR   data folder (default: the per-user app data folder)',
    '  --json           machine-readable output on stdout; errors as JSON, non-zero exit',
    '  --help           help for a command',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  let json = argv.includes('--json');
  const io: CliIO = {
    result(value, text) {
      process.stdout.write(json ? `${JSON.stringify(value)}\n` : `${text}\n`);
    },
    progress(text) {
      if (!json) process.stderr.write(`${text}\n`);
    },
  };
  try {
    const args = parseArgs(argv);
    json = args.json;
    const [name, ...rest] = args.positionals;
    const command: CliCommand | undefined = commands.find((c) => c.name === name);
    if (!name || (!command && args.flags.help)) {
      process.stdout.write(`${helpText()}\n`);
      return name ? 0 : args.flags.help ? 0 : 2;
    }
    if (!command) throw new CliUsageError(`unknown command: ${name}`);
    if (args.flags.help) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return (await command.run({ ...args, positionals: rest }, io)) ?? 0;
  } catch (error) {
    const code = error instanceof CliUsageError ? 'usage' : error instanceof DeskError ? error.code : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    if (json) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    else process.stderr.write(`dealerdesk: ${message}\n${code === 'usage' ? '\nRun npx dealerdesk --help\n' : ''}`);
    return code === 'usage' ? 2 : 1;
  }
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
