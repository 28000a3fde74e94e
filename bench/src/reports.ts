/**
 * Reports benchmark (a measurement, not a test): the coordinator's report of a year through the
 * app's GraphQL endpoint against the very same SQL statements (`reportStatements`) on a plain
 * Fastify route over raw `pg`, both over HTTP on loopback, one request at a time, on a fresh
 * PostgreSQL database with the search benchmark's marketplace (100k needs, 20k offers, 50k
 * sessions) spread over three years, plus 200k bookings and 100k applications; the report's facts
 * recorded by the app's triggers as the rows are inserted.
 *
 *   npm run bench -- reports           (from the repository root)
 *   BENCH_DATABASE_URL=postgres://…     server to use (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_REPORTS_REQUESTS=100 BENCH_REPORTS_WARMUP=10 BENCH_REPORTS_HISTORY_DAYS=1095
 *   BENCH_POOL=10 BENCH_KEEP=1 (keep the database)   — see bench/README.md
 *
 * Exits 0 whether the target is met or not; non-zero only when something failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { presetPeriod, type ReportPeriod } from '@keskusvaraamo/shared';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import Fastify from 'fastify';
import pg from 'pg';
import { benchEnv, ensureServerBuilt, freshDatabase, log, percentile, ROOT } from './common.js';
import { factCounts, seedHistory } from './reports-seed.js';
import { seed } from './seed.js';

const RESULTS = join(ROOT, 'bench', 'results', 'reports.json');

/** Measured requests per target (one at a time), after the warm-up. */
const REQUESTS = Number(process.env.BENCH_REPORTS_REQUESTS ?? 100);
const WARMUP = Number(process.env.BENCH_REPORTS_WARMUP ?? 10);
const HISTORY_DAYS = Number(process.env.BENCH_REPORTS_HISTORY_DAYS ?? 1095);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const SIZES = {
  needs: 100_000,
  offers: 20_000,
  sessions: 50_000,
  users: 5_000,
  companies: 3_000,
  educational: 120,
  historyDays: HISTORY_DAYS,
};
const HISTORY = { historyDays: HISTORY_DAYS, bookings: 200_000, applications: 100_000, proposals: 10_000 };
const TARGET = { p95Ms: 100 };

/** Every field of the report, as the report page asks for it. */
const QUERY = `query BenchReport($from: String!, $to: String!) {
  clusterReport(from: $from, to: $to) {
    period { from to }
    previousPeriod { from to }
    needs {
      posted { current previous }
      byKindAndState { kind state current previous }
      perMonth { month kind count }
    }
    matches {
      made { current previous }
      byHow { how current previous }
      medianDaysToFirstMatch { current previous }
      medianDaysToFilled { current previous }
    }
    courses {
      coursesHeld { current previous }
      sessionsHeld { current previous }
      seatsBooked { current previous }
      participantsAttended { current previous }
      attendanceRate { current previous }
      sessionsCancelledTooFew { current previous }
      sessionsPerMonth { month sessions participantsAttended }
    }
    placements { filled { current previous } byKind { kind current previous } }
    reach {
      companiesServed { current previous }
      peopleServed { current previous }
      byMunicipality { municipalityCode companies people previousCompanies previousPeople }
      shareOutsideRovaniemi { current previous }
    }
    organisations {
      activeCompanies { current previous }
      activeEducational { current previous }
      verifiedMembers { current previous }
      newMembers { current previous }
    }
    indicators { code current previous }
  }
}`;

type Pair = { current: number | null; previous: number | null };
/** The few figures printed as a sanity check of the seeded history. */
interface ReportHeadlines {
  needs: { posted: Pair };
  matches: { made: Pair; medianDaysToFirstMatch: Pair };
  courses: { sessionsHeld: Pair; seatsBooked: Pair; participantsAttended: Pair };
  placements: { filled: Pair };
  reach: { companiesServed: Pair };
  indicators: Pair[];
}

interface Statement {
  name: string;
  text: string;
  params: unknown[];
}

interface WorkerResult {
  seconds: number;
  results: { name: string; samples: Float64Array; failures: number; bytes: number }[];
  example: string | null;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;

function runClient(data: unknown): Promise<WorkerResult> {
  return new Promise((resolveRun, reject) => {
    const worker = new Worker(new URL('./reports-load-worker.mjs', import.meta.url), { workerData: data });
    worker.once('message', (message: WorkerResult & { error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolveRun(message);
    });
    worker.once('error', reject);
  });
}

function summarise(samples: Float64Array) {
  const sorted = Float64Array.from(samples).sort();
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sorted.length,
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

async function main() {
  ensureServerBuilt();
  // The compiled server, as it runs in production (graphql-js reads NODE_ENV when it is loaded).
  process.env.NODE_ENV = 'production';
  const { buildApp } = await import('../../server/dist/app.js');
  const { loadConfig } = await import('../../server/dist/config.js');
  const { openDatabase, CONNECTION_OPTIONS } = await import('../../server/dist/db/client.js');
  const reports = await import('../../server/dist/modules/reports/index.js');
  const { todayInHelsinki } = await import('../../server/dist/lib/helsinki.js');

  const { dbUrl, cleanups, cleanup } = await freshDatabase();
  try {
    // 1. The app on the fresh database: building it migrates the schema (and creates the triggers).
    const config = loadConfig(benchEnv(dbUrl));
    const handle = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: POOL });
    const app = await buildApp(config, { database: handle, logger: false });
    cleanups.push(() => app.close());
    await app.ready();

    // 2. Seed: the marketplace with a past, then the history on top; the triggers record the facts.
    const seeder = new pg.Client({ connectionString: dbUrl });
    seeder.on('error', () => {}); // the final drop (with force) may end it
    await seeder.connect();
    const setupStarted = performance.now();
    log(
      `Seeding ${SIZES.needs} needs, ${SIZES.offers} offers, ${SIZES.sessions} sessions over ${HISTORY_DAYS} days, ` +
        `${HISTORY.applications} applications, ${HISTORY.bookings} bookings, ${HISTORY.proposals} accepted proposals…`,
    );
    const seeded = await seed(seeder, SIZES);
    for (const s of seeded.steps) log(`  ${s.step.padEnd(22)} ${String(s.rows).padStart(7)} rows  ${s.ms} ms`);
    const history = await seedHistory(seeder, HISTORY);
    for (const s of history) log(`  ${s.step.padEnd(22)} ${String(s.rows).padStart(7)} rows  ${s.ms} ms`);
    const setupMs = performance.now() - setupStarted;
    const facts = await factCounts(seeder);
    await seeder.end();
    log(
      `Seeded in ${seconds(setupMs)} (marketplace ${seconds(seeded.totalMs)}, history ${seconds(setupMs - seeded.totalMs)}).`,
    );
    log(
      `Facts recorded by the triggers: ${facts.report_needs} needs, ${facts.report_matches} matches, ` +
        `${facts.report_bookings} bookings (of ${facts.bookings} bookings, ${facts.booking_participants} participants, ` +
        `${facts.applications} applications).`,
    );

    // 3. The period: last calendar year (Helsinki), compared with the year before.
    const period: ReportPeriod = presetPeriod('LAST_YEAR', todayInHelsinki());
    log(`\nReport period ${period.from} – ${period.to}.`);

    // 4. The report's statements, as the use case runs them (reportStatements), to raw SQL. Checked
    // against what the app's code sends: its use case run once on a drizzle whose logger records.
    const raw = new pg.Pool({ connectionString: dbUrl, max: POOL, options: CONNECTION_OPTIONS });
    cleanups.push(() => raw.end());
    const dialect = new PgDialect();
    const statements: Statement[] = Object.entries(reports.reportStatements(period) as Record<string, SQL>).map(
      ([name, query]) => {
        const q = dialect.sqlToQuery(query);
        return { name, text: q.sql, params: q.params };
      },
    );
    const captured = await captureSql(dbUrl, reports.computeReport, period);
    const same =
      captured.length === statements.length &&
      statements.every((s) =>
        captured.some((c) => c.text === s.text && JSON.stringify(c.params) === JSON.stringify(s.params)),
      );
    if (!same)
      throw new Error(`The use case sent other statements than reportStatements (${captured.length} captured)`);
    log(`The app's use case sends the ${statements.length} statements of reportStatements, side by side on its pool.`);

    // 5. The two servers, on loopback: the app, and a plain route running the same statements the same way.
    await app.listen({ host: '127.0.0.1', port: 0 });
    const gqlUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const baseline = Fastify({ logger: false });
    cleanups.push(() => baseline.close());
    baseline.get('/report', async () => {
      const results = await Promise.all(statements.map((s) => raw.query(s.text, s.params)));
      return { statements: Object.fromEntries(statements.map((s, i) => [s.name, results[i]!.rows])) };
    });
    const rawUrl = await baseline.listen({ host: '127.0.0.1', port: 0 });

    const coordinator = (
      await raw.query<{ id: string; token_version: number }>(
        `select id, token_version from users where email = 'bench.history.coordinator@example.fi'`,
      )
    ).rows[0]!;
    const signer = app as unknown as { signAccessToken(user: { id: string; tokenVersion: number }): string };
    const token = signer.signAccessToken({ id: coordinator.id, tokenVersion: coordinator.token_version });
    const gqlBody = JSON.stringify({ query: QUERY, variables: period });

    // Both answer, and agree: needs posted in the period from GraphQL and from the raw rows.
    const g = (await (
      await fetch(`${gqlUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: gqlBody,
      })
    ).json()) as { data?: { clusterReport: ReportHeadlines }; errors?: unknown };
    if (!g.data || g.errors) throw new Error(`GraphQL failed: ${JSON.stringify(g.errors)}`);
    const r = (await (await fetch(`${rawUrl}/report`)).json()) as {
      statements: Record<string, { g: string; period: string; count: number }[]>;
    };
    // needFacts' PLACE rows are one per period: every need published in it.
    const rawPosted = r.statements
      .needFacts!.filter((x) => x.g === 'PLACE' && x.period === 'C')
      .reduce((s, x) => s + x.count, 0);
    const report = g.data.clusterReport;
    if (report.needs.posted.current !== rawPosted) {
      throw new Error(`GraphQL says ${report.needs.posted.current} needs posted, the raw rows ${rawPosted}`);
    }
    const pair = (f: Pair | undefined) => `${f?.current} (${f?.previous})`;
    log(
      `The report (previous year in brackets): needs posted ${pair(report.needs.posted)}, matches ${pair(report.matches.made)}, ` +
        `median days to first match ${pair(report.matches.medianDaysToFirstMatch)}, sessions held ${pair(report.courses.sessionsHeld)}, ` +
        `seats booked ${pair(report.courses.seatsBooked)}, attended ${pair(report.courses.participantsAttended)}, ` +
        `placements filled ${pair(report.placements.filled)}, companies served ${pair(report.reach.companiesServed)}, ` +
        `RCO01 ${pair(report.indicators[0])}.`,
    );

    // 6. Where the time goes in the database: each statement under EXPLAIN ANALYZE, warm.
    const explained: { name: string; executionMs: number; planningMs: number; plan: string[] }[] = [];
    for (const s of statements) {
      await raw.query(s.text, s.params);
      const plan = (await raw.query(`explain (analyze, buffers) ${s.text}`, s.params)).rows.map(
        (row) => row['QUERY PLAN'] as string,
      );
      const text = plan.join('\n');
      explained.push({
        name: s.name,
        executionMs: Number(/Execution Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN),
        planningMs: Number(/Planning Time: ([\d.]+)/.exec(text)?.[1] ?? Number.NaN),
        plan,
      });
    }
    log('\nEXPLAIN ANALYZE of each statement (warm, one at a time):');
    for (const e of explained) {
      const seqScans = [...new Set(e.plan.flatMap((l) => /Seq Scan on (\w+)/.exec(l)?.[1] ?? []))];
      log(
        `  ${e.name.padEnd(22)} execution ${ms(e.executionMs).padStart(9)}  planning ${ms(e.planningMs).padStart(8)}` +
          (seqScans.length ? `  seq scans: ${seqScans.join(', ')}` : ''),
      );
    }
    const sumMs = explained.reduce((s, e) => s + e.executionMs + e.planningMs, 0);
    const longest = explained.reduce((a, b) => (b.executionMs > a.executionMs ? b : a));
    log(`  in all ${ms(sumMs)} one after another; the longest, ${longest.name}, bounds the app's parallel run`);

    // 7. Load: one request at a time, the two targets alternating.
    const loadBefore = loadavg()[0]!;
    log(`\nMeasuring ${REQUESTS} requests per target one at a time (after ${WARMUP} warm-up requests each)…`);
    const run = await runClient({
      warmup: WARMUP,
      rounds: REQUESTS,
      targets: [
        {
          name: 'graphql',
          url: gqlUrl,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: gqlBody,
          contains: '"clusterReport":{',
          notContains: '"errors"',
        },
        {
          name: 'raw',
          url: rawUrl,
          path: '/report',
          method: 'GET',
          headers: {},
          contains: '"statements":',
          notContains: '"error"',
        },
      ],
    });
    const loadAfter = loadavg()[0]!;
    for (const t of run.results) {
      if (t.failures) throw new Error(`${t.name}: ${t.failures} failed answers, e.g. ${run.example}`);
    }
    const [graphql, rawRoute] = run.results.map((t) => ({ ...summarise(t.samples), bytes: t.bytes }));

    // 8. Report.
    log(
      `\nReports benchmark — the coordinator's report for ${period.from} – ${period.to}; latency per HTTP request in ms`,
    );
    const header = ['target', 'p50', 'p95', 'p99', 'max', 'mean', 'requests', 'bytes'];
    const widths = [20, 9, 9, 9, 9, 9, 10, 10];
    const row = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('');
    log(`  ${row(header)}`);
    for (const [label, m] of [
      ['graphql (app)', graphql!],
      ['raw pg route', rawRoute!],
    ] as const) {
      log(
        `  ${row([label, m.p50.toFixed(1), m.p95.toFixed(1), m.p99.toFixed(1), m.max.toFixed(1), m.mean.toFixed(1), String(m.requests), String(m.bytes)])}`,
      );
    }
    log(
      `  ratio graphql/raw: p50 ${(graphql!.p50 / rawRoute!.p50).toFixed(2)}, p95 ${(graphql!.p95 / rawRoute!.p95).toFixed(2)}`,
    );
    log(
      `  load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${cpus().length} cores`,
    );
    if (loadBefore > 1)
      log('  note: the machine was busy before the load started; absolute figures include that noise');
    log(`  setup: ${seconds(setupMs)} to seed and record the facts (see the steps above)`);
    const pass = graphql!.p95 <= TARGET.p95Ms;
    log(
      `  ${pass ? 'PASS' : 'FAIL'}  GraphQL p95 ${ms(graphql!.p95)} one request at a time (target ≤ ${TARGET.p95Ms} ms)`,
    );

    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          node: process.version,
          postgres: (await raw.query('show server_version')).rows[0]?.server_version,
          settings: { requests: REQUESTS, warmup: WARMUP, pool: POOL, sizes: SIZES, history: HISTORY },
          period,
          setupMs: Math.round(setupMs),
          seeding: { marketplace: seeded, history },
          facts,
          loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length },
          measured: { graphql, raw: rawRoute },
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

/** The statements the app's use case sends for the period, recorded by a drizzle logger. */
async function captureSql(
  dbUrl: string,
  computeReport: (deps: never, period: ReportPeriod) => Promise<unknown>,
  period: ReportPeriod,
) {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
  const captured: { text: string; params: unknown[] }[] = [];
  const db = drizzle({ client: pool, logger: { logQuery: (text, params) => captured.push({ text, params }) } });
  try {
    await (computeReport as (deps: unknown, period: ReportPeriod) => Promise<unknown>)({ db }, period);
  } finally {
    await pool.end();
  }
  return captured;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
