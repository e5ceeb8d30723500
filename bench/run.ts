// Benchmark runner. Each module in bench/suites registers named benchmarks; results merge into
// bench/results.json by name so a subset run keeps the other figures.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './stats';
import { suites } from './suites/index';

const wanted = process.argv.slice(2);
const resultsPath = join(import.meta.dirname, 'results.json');
mkdirSync(import.meta.dirname, { recursive: true });
const previous: BenchResult[] = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : [];
const byName = new Map(previous.map((r) => [r.name, r]));

function print(result: BenchResult) {
  const row = 'value' in result
    ? `${result.name.padEnd(28)} ${String(result.value).padStart(12)} ${result.unit}`
    : `${result.name.padEnd(28)} n=${String(result.n).padEnd(6)} p50=${result.p50} p95=${result.p95} p99=${result.p99} ${result.unit}`;
  console.log(row);
}

for (const suite of suites) {
  const names = suite.names.filter((n) => wanted.length === 0 || wanted.includes(n));
  if (names.length === 0) continue;
  console.error(`\n# ${suite.title}`);
  const results = await suite.run(names);
  for (const result of results) {
    byName.set(result.name, result);
    print(result);
  }
  writeFileSync(resultsPath, JSON.stringify([...byName.values()], null, 2) + '\n');
}
console.log(`\nwrote ${resultsPath}`);
