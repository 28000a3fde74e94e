/**
 * What every benchmark shares: the repository root, the PostgreSQL server, the compiled server,
 * a fresh database per run (dropped afterwards, also on Ctrl-C), the app's environment, percentiles.
 */
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const KEEP = process.env.BENCH_KEEP === '1';

export const log = (...args: unknown[]) => console.log(...args);

/** Builds shared and server when their dist is missing; warns when the sources are newer than it. */
export function ensureServerBuilt() {
  const built = join(ROOT, 'server/dist/app.js');
  if (!existsSync(built) || !existsSync(join(ROOT, 'shared/dist/index.js'))) {
    log('server/dist or shared/dist missing: building them (npm run build -w shared -w server)…');
    execSync('npm run build -w shared -w server', { cwd: ROOT, stdio: 'inherit' });
    return;
  }
  // The benchmark measures what is built: say so when the sources are newer.
  const newest = ['server/src', 'shared/src', 'migrations']
    .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true }).map((f) => join(ROOT, dir, String(f))))
    .filter((f) => !f.endsWith('.test.ts'))
    .reduce((max, f) => Math.max(max, statSync(f).mtimeMs), 0);
  if (newest > statSync(built).mtimeMs) {
    log('note: server/dist is older than the sources; run `npm run build -w shared -w server` to measure them');
  }
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * Creates a fresh database for one run. `cleanup` runs the registered cleanups (newest first) and
 * drops the database, unless BENCH_KEEP=1; Ctrl-C runs it too.
 */
export async function freshDatabase() {
  const dbName = `kv_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;

  const cleanups: (() => Promise<unknown>)[] = [];
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
    if (KEEP) {
      log(`Kept database ${dbName} (BENCH_KEEP): drop it with  psql ${ADMIN_URL} -c 'drop database ${dbName}'`);
      return;
    }
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(`drop database if exists ${dbName} with (force)`);
    await client.end();
    log(`Dropped database ${dbName}.`);
  };
  process.once('SIGINT', () => {
    void cleanup().finally(() => process.exit(130));
  });
  log(`PostgreSQL ${ADMIN_URL.replace(/\/[^/]*$/, '')}, database ${dbName}`);
  return { dbName, dbUrl: url.toString(), cleanups, cleanup };
}

/** The app's environment for a benchmark: production mode on the given database, quiet, no demo data. */
export function benchEnv(dbUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-bench-')),
    WEB_DIST: join(tmpdir(), 'kv-bench-no-web'),
    // The load comes from one address (and few users): the per-client limit would stop it. Its cost,
    // one upsert per request, is measured on its own (plugins/graphqlRateLimit.ts).
    GRAPHQL_RATE_LIMIT_PER_MINUTE: '0',
  };
}
