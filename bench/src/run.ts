/**
 * `npm run bench`: the benchmarks one after another, each in its own process (a fresh heap, its
 * own database), search first. `npm run bench -- bookings` (or `-- search`, `-- matching`, `-- reports`) runs one.
 * Exits non-zero when one of them broke; missed targets are reported, not failures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['search', 'bookings', 'matching', 'reports'] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const chosen = asked.length ? BENCHMARKS.filter((name) => asked.includes(name)) : BENCHMARKS;

// Ctrl-C reaches the running benchmark too, which drops its database and exits 130: wait for it.
process.on('SIGINT', () => {});

const broken: string[] = [];
for (const name of chosen) {
  if (chosen.length > 1) console.log(`\n=== ${name} ===\n`);
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const { status, signal } = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (status === 130 || signal === 'SIGINT') process.exit(130);
  if (status !== 0) broken.push(name);
}
if (broken.length) {
  console.error(`\nBroken: ${broken.join(', ')} (see above)`);
  process.exit(1);
}
