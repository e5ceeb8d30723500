// `npm run bench [-- NAME…]`: runs the benchmarks (TypeScript, through tsx), prints a table and
// writes bench/results.json.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', root + 'bench/run.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
