// `npm test`: lint + type-check, unit/integration suite, end-to-end suite. Prints one total over
// all suites as its last line: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
mkdirSync(root + 'test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2);

function run(command, args, env = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function check(name, command, args) {
  if (only.length && !only.includes(name)) return;
  const status = run(command, args);
  if (status === 0) totals.passed++;
  else totals.failed++;
  console.log(`${name}: ${status === 0 ? 'passed' : 'FAILED'}`);
}

function vitestSuite(project) {
  if (only.length && !only.includes(project)) return;
  const out = `${root}test-results/${project}.json`;
  rmSync(out, { force: true });
  const status = run(process.execPath, [root + 'node_modules/vitest/vitest.mjs', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  if (!existsSync(out)) {
    totals.failed++;
    console.log(`${project}: vitest produced no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that failed outside its tests (a beforeAll, an import) reports its tests as skipped:
  // count it as a failure so it can never pass as skipped.
  const failedSuites = report.testResults.filter((s) => s.status === 'failed' && !s.assertionResults.some((a) => a.status === 'failed')).length;
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + failedSuites;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  console.log(`${project}: ${report.numPassedTests} passed, ${report.numFailedTests + failedSuites} failed, ${report.numPendingTests + report.numTodoTests} skipped`);
}

check('build', process.execPath, [root + 'scripts/build.mjs']);
check('lint', process.execPath, [root + 'node_modules/eslint/bin/eslint.js', '.']);
check('typecheck', process.execPath, [root + 'node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']);
vitestSuite('unit');
vitestSuite('e2e');

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
