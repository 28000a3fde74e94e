/**
 * Search benchmark (a measurement, not a test): the public search through the app's GraphQL
 * endpoint against the very same SQL on a plain Fastify route over raw `pg`, both over HTTP on
 * loopback, on a fresh PostgreSQL database seeded with 100k needs, 20k offers and 50k sessions.
 *
 *   npm run bench                     (from the repository root)
 *   BENCH_DATABASE_URL=postgres://…    server to use (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_DURATION=10 BENCH_WARMUP=3 BENCH_ROUNDS=5 BENCH_CONNECTIONS=10 BENCH_POOL=10
 *   BENCH_SINGLE_DURATION=4 BENCH_KEEP=1 (keep the database)   — see bench/README.md
 *
 * Exits 0 whether the targets are met or not; non-zero only when something failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/node-postgres';
import Fastify from 'fastify';
import pg from 'pg';
import { benchEnv, ensureServerBuilt, freshDatabase, log, percentile, ROOT } from './common.js';
import { seed } from './seed.js';

const RESULTS = join(ROOT, 'bench', 'results', 'search.json');

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The measured seconds per target are split into this many alternating rounds. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** Seconds per target of the one-connection run (service time without queueing). */
const SINGLE_DURATION = Number(process.env.BENCH_SINGLE_DURATION ?? 4);
/** Both sides get a pool of this size (the app's default for PostgreSQL is 10). */
const POOL = Number(process.env.BENCH_POOL ?? 10);
/** Upper bound on requests per run, on top of the time bound. */
const MAX_REQUESTS = 200_000;
/** Keep the seeded database afterwards, to look at plans by hand. */
const SIZES = { needs: 100_000, offers: 20_000, sessions: 50_000, users: 5_000, companies: 3_000, educational: 120 };
const TARGET = { p95Ms: 15, ratio: 0.9 };

/**
 * The request mix: text + two filters (kinds, topics), nearest first from a municipality, 20
 * results. The words vary per request (Finnish compounds and inflections, one Swedish and one
 * English query) so that no single cached plan or page flatters either side.
 */
const VARIANTS = [
  { text: 'aurinkosähkö', topics: ['solar-pv'], near: '698' },
  { text: 'tuulivoima', topics: ['wind-power'], near: '851' },
  { text: 'biokaasu', topics: ['biogas'], near: '240' },
  { text: 'lämpöpumppu', topics: ['air-heat-pumps'], near: '698' },
  { text: 'hakelämpö', topics: ['wood-chips'], near: '148' },
  { text: 'sähköturvallisuus', topics: ['electrical-safety'], near: '758' },
  { text: 'solcell', topics: ['solar-pv'], near: '851' },
  { text: 'heat pump', topics: ['air-heat-pumps'], near: '320' },
].map((v) => ({ ...v, kinds: ['INTERNSHIP', 'SUMMER_JOB'] }));
type Variant = (typeof VARIANTS)[number];

const QUERY = `query BenchSearch($filter: SearchFilter!, $first: Int!) {
  search(filter: $filter, sort: NEAREST, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id kind title excerpt language topics municipalityCode remote periodStart periodEnd organisationName
      priceCents seatsFree nextStartsAt applicationDeadline distanceKm publishedAt
    }
  }
}`;
const FIRST = 20;
const gqlBody = (v: Variant) => JSON.stringify({ query: QUERY, variables: { filter: v, first: FIRST } });

interface Captured {
  text: string;
  params: unknown[];
}

interface LoadRun {
  samples: Float64Array;
  seconds: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  autocannon: { p50: number; p97_5: number; p99: number };
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

function runLoad(opts: {
  url: string;
  connections: number;
  requests: { method: string; path: string; headers?: Record<string, string>; body?: string }[];
  duration: number;
  expect: { contains: string; notContains: string };
}): Promise<LoadRun> {
  return new Promise((resolveRun, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { ...opts, maxRequests: MAX_REQUESTS },
    });
    worker.once('message', (message: LoadRun & { error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolveRun(message);
    });
    worker.once('error', reject);
  });
}

async function main() {
  ensureServerBuilt();
  // The compiled server, as it runs in production: the Dockerfile sets NODE_ENV=production, and
  // graphql-js reads it when it is loaded (outside production it runs extra instanceof checks).
  process.env.NODE_ENV = 'production';
  const { buildApp } = await import('../../server/dist/app.js');
  const { loadConfig } = await import('../../server/dist/config.js');
  const { openDatabase, CONNECTION_OPTIONS } = await import('../../server/dist/db/client.js');
  const searchService = await import('../../server/dist/modules/search/index.js');
  const offersService = await import('../../server/dist/modules/offers/index.js');
  const { endOfHelsinkiDay } = await import('../../server/dist/lib/helsinki.js');

  const { dbUrl, cleanups, cleanup } = await freshDatabase();
  try {
    // 1. The app on the fresh database: building it migrates the schema.
    const config = loadConfig(benchEnv(dbUrl));
    const handle = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: POOL });
    const app = await buildApp(config, { database: handle, logger: false });
    cleanups.push(() => app.close());
    await app.ready();

    // 2. Seed.
    log(`Seeding ${SIZES.needs} needs, ${SIZES.offers} offers, ${SIZES.sessions} sessions…`);
    const seeder = new pg.Client({ connectionString: dbUrl });
    seeder.on('error', () => {}); // the final drop (with force) may end it
    await seeder.connect();
    const seeded = await seed(seeder, SIZES).finally(() => seeder.end());
    for (const s of seeded.steps) log(`  ${s.step.padEnd(16)} ${String(s.rows).padStart(7)} rows  ${s.ms} ms`);
    for (const i of seeded.index) log(`  search_items ${i.kind}: ${i.rows} (expected ${i.expected})`);
    log(`Seeded in ${(seeded.totalMs / 1000).toFixed(1)} s.`);

    // The app's connection settings, so that both sides run the same plans.
    const raw = new pg.Pool({ connectionString: dbUrl, max: POOL, options: CONNECTION_OPTIONS });
    cleanups.push(() => raw.end());

    // The bulk index must be what the app itself writes: re-index samples through the app's own
    // code (offers' syncIndex; for needs, indexDocument with needs' syncIndex mapping) and compare.
    const fidelity = await checkIndexFidelity(raw, handle.db, searchService, offersService, endOfHelsinkiDay);
    log(`Index fidelity: ${fidelity.same}/${fidelity.checked} sampled rows identical after re-indexing by the app.`);
    if (fidelity.differences.length) {
      const columns = [...new Set(fidelity.differences.flatMap((d) => d.columns))].join(', ');
      log(`  WARNING: the bulk fill differs from the app's indexDocument in: ${columns}.`);
      log('  Update INDEX_SQL in bench/src/seed.ts to the app (or rebuild server/dist if it is stale).');
    }

    // 3. The SQL of the app's code path, captured from drizzle per request variant.
    const captured = await captureSql(dbUrl, searchService);

    // 4. The two servers, on loopback.
    await app.listen({ host: '127.0.0.1', port: 0 });
    const gqlUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const baseline = Fastify({ logger: false });
    cleanups.push(() => baseline.close());
    baseline.get<{ Querystring: { v: string } }>('/search', async (request, reply) => {
      const c = captured[Number(request.query.v)];
      if (!c) return reply.code(400).send({ error: 'no such variant' });
      // The same statement the service runs: the page, which carries the total in each row.
      const page = await raw.query(c.page.text, c.page.params);
      return { rows: page.rows, totalCount: page.rows[0]?.total_count ?? 0 };
    });
    const rawUrl = await baseline.listen({ host: '127.0.0.1', port: 0 });

    // Both sides answer the same for every variant.
    log('\nRequest mix (kinds INTERNSHIP+SUMMER_JOB, sort NEAREST, first 20):');
    for (const [i, v] of VARIANTS.entries()) {
      const g = (await (
        await fetch(`${gqlUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: gqlBody(v),
        })
      ).json()) as {
        data?: { search: { totalCount: number; nodes: { id: string; title: string; distanceKm: number }[] } };
        errors?: unknown;
      };
      if (!g.data || g.errors) throw new Error(`GraphQL failed for ${v.text}: ${JSON.stringify(g.errors)}`);
      const r = (await (await fetch(`${rawUrl}/search?v=${i}`)).json()) as {
        rows: { id: string }[];
        totalCount: number;
      };
      const gIds = g.data.search.nodes.map((n) => n.id).join();
      const rIds = r.rows
        .slice(0, FIRST)
        .map((n) => n.id)
        .join();
      if (gIds !== rIds || g.data.search.totalCount !== r.totalCount) {
        throw new Error(`GraphQL and the raw route disagree for "${v.text}"`);
      }
      const first = g.data.search.nodes[0];
      log(
        `  ${JSON.stringify(v.text).padEnd(20)} topics ${v.topics.join().padEnd(18)} near ${v.near}: ${String(r.totalCount).padStart(5)} matches` +
          (first ? `; first: "${first.title}" (${first.distanceKm} km)` : ''),
      );
    }

    // 5. EXPLAIN the search statement for the first variant (caches warm from the checks above).
    const explain = async (q: Captured) => {
      const plan = (await raw.query(`explain (analyze, buffers) ${q.text}`, q.params)).rows.map(
        (row) => row['QUERY PLAN'] as string,
      );
      const time = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? Number.NaN);
      return { plan, executionMs: time };
    };
    const explained = { page: await explain(captured[0]!.page) };

    // 6. Load. Both targets get the same request mix, pool size and connections. The machine may
    // be shared, so the measured time is split into rounds that alternate the targets (raw first
    // in one round, GraphQL first in the next): a change in background load hits both alike.
    const targets = {
      raw: {
        url: rawUrl,
        requests: VARIANTS.map((_, i) => ({ method: 'GET', path: `/search?v=${i}` })),
        expect: { contains: '"rows":', notContains: '"error"' },
      },
      graphql: {
        url: gqlUrl,
        requests: VARIANTS.map((v) => ({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: gqlBody(v),
        })),
        expect: { contains: '"totalCount":', notContains: '"errors"' },
      },
    };
    type Target = keyof typeof targets;
    const loadBefore = loadavg()[0]!;
    log(`
Warm-up: ${WARMUP} s per target with ${CONNECTIONS} connections…`);
    for (const name of ['raw', 'graphql'] as const) {
      await runLoad({ ...targets[name], connections: CONNECTIONS, duration: WARMUP });
    }
    const phases = [
      // The figures the targets are judged on.
      { name: 'load', connections: CONNECTIONS, seconds: DURATION, rounds: ROUNDS },
      // One request at a time: the service time without queueing, for the diagnosis.
      { name: 'single', connections: 1, seconds: SINGLE_DURATION, rounds: 2 },
    ];
    const measured: Record<string, Record<Target, ReturnType<typeof summarise>>> = {};
    for (const phase of phases) {
      const runs: Record<Target, LoadRun[]> = { raw: [], graphql: [] };
      const slice = phase.seconds / phase.rounds;
      log(`Measuring ${phase.seconds} s per target with ${phase.connections} connection(s), ${phase.rounds} round(s)…`);
      for (let round = 0; round < phase.rounds; round++) {
        const order: Target[] = round % 2 === 0 ? ['raw', 'graphql'] : ['graphql', 'raw'];
        for (const name of order) {
          const run = await runLoad({ ...targets[name], connections: phase.connections, duration: slice });
          if (run.errors || run.timeouts || run.non2xx || run.mismatches) {
            throw new Error(
              `${name}: ${run.errors} errors, ${run.timeouts} timeouts, ${run.non2xx} non-2xx, ${run.mismatches} bad bodies`,
            );
          }
          runs[name].push(run);
        }
      }
      const perRound = (name: Target) => runs[name].map((r) => (r.samples.length / r.seconds).toFixed(0)).join(' ');
      log(`  req/s per round: raw ${perRound('raw')}; graphql ${perRound('graphql')}`);
      measured[phase.name] = { raw: summarise(runs.raw), graphql: summarise(runs.graphql) };
    }
    const loadAfter = loadavg()[0]!;

    // 7. Report.
    const g = measured.load!.graphql;
    const r = measured.load!.raw;
    const ratio = g.rps / r.rps;
    const single = measured.single!;
    // Latency is judged one request at a time (what one person waits); at 10 connections the two
    // cores, shared by PostgreSQL, Node and the load generator, are saturated and requests queue.
    const pass = { p95: single.graphql.p95 <= TARGET.p95Ms, ratio: ratio >= TARGET.ratio };
    log('\nEXPLAIN (ANALYZE, BUFFERS), page query, first variant:');
    const short = (line: string) => (line.length > 160 ? `${line.slice(0, 157)}…` : line);
    for (const line of explained.page.plan.slice(0, 18)) log(`  ${short(line)}`);
    log(`  … execution ${ms(explained.page.executionMs)}`);

    log('\nSearch benchmark — text + kinds + topics, NEAREST, first 20; latency per HTTP request in ms');
    const header = ['target', 'conns', 'p50', 'p95', 'p99', 'max', 'req/s', 'requests'];
    const widths = [16, 6, 9, 9, 9, 9, 9, 10];
    const row = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('');
    log(`  ${row(header)}`);
    for (const phase of phases) {
      for (const [label, m] of [
        ['graphql (app)', measured[phase.name]!.graphql],
        ['raw pg route', measured[phase.name]!.raw],
      ] as const) {
        log(
          `  ${row([label, String(phase.connections), m.p50.toFixed(2), m.p95.toFixed(2), m.p99.toFixed(2), m.max.toFixed(2), m.rps.toFixed(0), String(m.requests)])}`,
        );
      }
    }
    log(
      `  throughput ratio graphql/raw: ${ratio.toFixed(3)} at ${CONNECTIONS} connections, ${(single.graphql.rps / single.raw.rps).toFixed(3)} at 1`,
    );
    log(
      `  load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after the load on ${cpus().length} cores`,
    );
    if (loadBefore > 1)
      log('  note: the machine was busy before the load started; absolute figures include that noise');
    log(
      `  ${pass.p95 ? 'PASS' : 'FAIL'}  GraphQL p95 ${ms(single.graphql.p95)} one request at a time (target ≤ ${TARGET.p95Ms} ms)`,
    );
    log(
      `  ${pass.ratio ? 'PASS' : 'FAIL'}  throughput ratio ${ratio.toFixed(3)} at ${CONNECTIONS} connections (target ≥ ${TARGET.ratio})`,
    );
    log(`  info  GraphQL p95 ${ms(g.p95)} at ${CONNECTIONS} connections, saturated at ${g.rps.toFixed(0)} req/s`);

    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          node: process.version,
          postgres: (await raw.query('show server_version')).rows[0]?.server_version,
          settings: {
            durationS: DURATION,
            warmupS: WARMUP,
            rounds: ROUNDS,
            singleDurationS: SINGLE_DURATION,
            connections: CONNECTIONS,
            pool: POOL,
            sizes: SIZES,
          },
          seeding: seeded,
          fidelity: { checked: fidelity.checked, same: fidelity.same },
          variants: VARIANTS,
          loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length },
          measured,
          ratio,
          target: TARGET,
          pass,
          explain: explained,
        },
        null,
        2,
      )}\n`,
    );
    log(`\nFigures written to ${RESULTS.slice(ROOT.length + 1)}`);
  } finally {
    await cleanup();
  }
}

function summarise(runs: LoadRun[]) {
  const sorted = new Float64Array(runs.reduce((n, r) => n + r.samples.length, 0));
  let offset = 0;
  for (const r of runs) {
    sorted.set(r.samples, offset);
    offset += r.samples.length;
  }
  sorted.sort();
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    seconds,
    rps: sorted.length / seconds,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    /** autocannon's own (whole-millisecond histogram) figures per run, for comparison. */
    autocannon: runs.map((r) => r.autocannon),
  };
}

/**
 * Runs the app's search for each variant on a drizzle instance (over its own pool) whose logger
 * records every statement: that is exactly the text and parameters the app sends, with nothing
 * retyped. The service runs one statement for a page: the rows, each carrying the total count.
 */
async function captureSql(dbUrl: string, searchService: { search: (...args: never[]) => Promise<unknown> }) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  let log: Captured[] = [];
  const db = drizzle({ client: pool, logger: { logQuery: (text, params) => log.push({ text, params }) } });
  const out: { page: Captured }[] = [];
  try {
    for (const v of VARIANTS) {
      log = [];
      const search = searchService.search as (deps: unknown, args: unknown) => Promise<unknown>;
      await search({ db }, { filter: v, sort: 'NEAREST', first: FIRST });
      const [page] = log;
      if (!page || log.length !== 1) throw new Error(`Expected one search statement, captured ${log.length}`);
      out.push({ page });
    }
  } finally {
    await pool.end();
  }
  return out;
}

/** Re-indexes a sample through the app's code and compares the rows with what the bulk fill wrote. */
async function checkIndexFidelity(
  raw: pg.Pool,
  db: unknown,
  searchService: { indexDocument: (...args: never[]) => Promise<void> },
  offersService: { syncIndex: (...args: never[]) => Promise<void> },
  endOfHelsinkiDay: (date: string) => Date,
) {
  const ids = (
    await raw.query<{ id: string; kind: string }>(
      `(select id, kind::text from search_items where kind in ('INTERNSHIP', 'SUMMER_JOB', 'THESIS') order by id limit 20)
       union all (select id, kind::text from search_items where kind = 'COURSE' order by id limit 20)
       union all (select id, kind::text from search_items where kind = 'STUDENT_POOL' order by id limit 10)`,
    )
  ).rows;
  const snapshot = async () =>
    new Map(
      (
        await raw.query<{ id: string; row: Record<string, unknown> }>(
          `select id, to_jsonb(s) as row from search_items s where id = any($1::uuid[])`,
          [ids.map((i) => i.id)],
        )
      ).rows.map((r) => [r.id, r.row]),
    );
  const before = await snapshot();
  const indexDocument = searchService.indexDocument as (db: unknown, doc: unknown) => Promise<void>;
  const syncIndex = offersService.syncIndex as (db: unknown, id: string) => Promise<void>;
  for (const { id, kind } of ids) {
    if (kind === 'COURSE' || kind === 'STUDENT_POOL') {
      await syncIndex(db, id);
      continue;
    }
    // needs/commands.ts syncIndex is not exported: the same mapping, through the app's indexDocument.
    const n = (
      await raw.query(
        `select n.*, n.period_start::text as ps, n.period_end::text as pe, n.application_deadline::text as ad, o.name as org
         from needs n left join organisations o on o.id = n.organisation_id where n.id = $1`,
        [id],
      )
    ).rows[0];
    await indexDocument(db, {
      id: n.id,
      kind: n.kind,
      title: n.title,
      description: n.description,
      language: n.language,
      organisationId: n.organisation_id ?? null,
      organisationName: n.org ?? null,
      topics: n.topics,
      municipalityCode: n.municipality_code,
      remote: n.remote,
      periodStart: n.ps,
      periodEnd: n.pe,
      languages: n.languages,
      priceCents: null,
      seatsFree: null,
      nextStartsAt: null,
      applicationDeadline: n.ad,
      startsOn: new Date(`${n.ps}T00:00:00Z`),
      visibleUntil: n.ad ? endOfHelsinkiDay(n.ad) : null,
      publishedAt: n.published_at ?? new Date(),
      refreshAt: null,
    });
  }
  const after = await snapshot();
  const differences: { id: string; kind: string; columns: string[] }[] = [];
  for (const { id, kind } of ids) {
    const a = before.get(id) ?? {};
    const b = after.get(id) ?? {};
    const columns = Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    if (columns.length) differences.push({ id, kind, columns });
  }
  return { checked: ids.length, same: ids.length - differences.length, differences };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
