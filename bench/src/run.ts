/**
 * `npm run bench`: the server benchmarks one after another, each in its own process (a fresh heap,
 * its own database), search first. `npm run bench -- bookings` (or `-- search`, `-- matching`,
 * `-- reports`, `-- web`) runs one; `web` (Lighthouse on the built app, src/web.ts) runs only when
 * named, since it builds the app and takes minutes. Options after the names go to each benchmark:
 * `npm run bench -- web --baseline 2c5eef6`.
 * Exits non-zero when one of them broke; missed targets are reported, not failures.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHMARKS = ['search', 'bookings', 'matching', 'reports', 'web'] as const;
const DEFAULT: readonly string[] = ['search', 'bookings', 'matching', 'reports'];
const argv = process.argv.slice(2);
const firstOption = argv.findIndex((arg) => arg.startsWith('-'));
const asked = firstOption === -1 ? argv : argv.slice(0, firstOption);
const options = firstOption === -1 ? [] : argv.slice(firstOption);
const unknown = asked.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const chosen = BENCHMARKS.filter((name) => (asked.length ? asked : DEFAULT).includes(name));

// Ctrl-C reaches the running benchmark too, which drops its database and exits 130: wait for it.
process.on('SIGINT', () => {});

const broken: string[] = [];
for (const name of chosen) {
  if (chosen.length > 1) console.log(`\n=== ${name} ===\n`);
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const { status, signal } = spawnSync(process.execPath, ['--import', 'tsx', file, ...options], { stdio: 'inherit' });
  if (status === 130 || signal === 'SIGINT') process.exit(130);
  if (status !== 0) broken.push(name);
}
if (broken.length) {
  console.error(`\nBroken: ${broken.join(', ')} (see above)`);
  process.exit(1);
}
