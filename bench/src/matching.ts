/**
 * Matching benchmark (a measurement, not a test): `need.matches(first: 20)` and
 * `offer.leads(first: 20)` through the app's GraphQL endpoint as a coordinator, one request at a
 * time over HTTP on loopback, at three sizes of marketplace, each seeded in a fresh PostgreSQL
 * database: 10k needs / 2k offers / 5k students / 5k sessions, 30k / 6k / 15k / 15k and
 * 100k / 20k / 50k / 50k. For each: latency percentiles, how many answers had matches, and the
 * plans of the ranking statements the app sends (captured from drizzle's logger), to show that
 * candidates come through the GIN indexes on topics and grow with the matching rows, not the table.
 *
 *   npm run bench -- matching           (from the repository root)
 *   BENCH_DATABASE_URL=postgres://…      server to use (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_MATCHING_DURATION=5 BENCH_MATCHING_ROUNDS=2 BENCH_MATCHING_WARMUP=2 BENCH_MATCHING_SAMPLE=200
 *   BENCH_MATCHING_EXPLAIN=20 BENCH_MATCHING_SCALES=10k,30k,100k BENCH_POOL=10 BENCH_KEEP=1   — see bench/README.md
 *
 * Exits 0 whether the targets are met or not; non-zero only when something broke (an error in an
 * answer, more than 20 matches, a seed that does not add up).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { benchEnv, ensureServerBuilt, freshDatabase, log, percentile, ROOT } from './common.js';
import { seed, type SeedReport, type SeedSizes } from './seed.js';

const RESULTS = join(ROOT, 'bench', 'results', 'matching.json');

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Measured seconds per target per scale, split into ROUNDS rounds that alternate the targets. */
const DURATION = env('BENCH_MATCHING_DURATION', 5);
const ROUNDS = env('BENCH_MATCHING_ROUNDS', 2);
/** Seconds per target before measuring (caches, JIT, plans). */
const WARMUP = env('BENCH_MATCHING_WARMUP', 2);
/** Random open needs and random published offers asked about per scale. */
const SAMPLE = env('BENCH_MATCHING_SAMPLE', 200);
/** How many of those get their ranking statements EXPLAINed, for the mean candidates and plan time. */
const EXPLAIN_SAMPLE = env('BENCH_MATCHING_EXPLAIN', 20);
const POOL = env('BENCH_POOL', 10);
/**
 * Server settings for the app's connections and the EXPLAINs, as libpq `options` (e.g.
 * `-c random_page_cost=1.1`); empty: the server's own. Printed in the report when set.
 */
const PG_OPTIONS = process.env.BENCH_MATCHING_PG_OPTIONS ?? '';
const FIRST = 20;
const MAX_REQUESTS = 100_000;
const TARGET = { p95Ms: 20 };

interface Scale extends SeedSizes {
  label: string;
  students: number;
}
/** The three sizes; users, companies and educational organisations grow with them. */
const ALL_SCALES: Scale[] = [
  {
    label: '10k',
    needs: 10_000,
    offers: 2_000,
    students: 5_000,
    sessions: 5_000,
    users: 500,
    companies: 300,
    educational: 12,
  },
  {
    label: '30k',
    needs: 30_000,
    offers: 6_000,
    students: 15_000,
    sessions: 15_000,
    users: 1_500,
    companies: 900,
    educational: 36,
  },
  {
    label: '100k',
    needs: 100_000,
    offers: 20_000,
    students: 50_000,
    sessions: 50_000,
    users: 5_000,
    companies: 3_000,
    educational: 120,
  },
];
const wanted = (process.env.BENCH_MATCHING_SCALES ?? '').split(',').filter(Boolean);
const SCALES = wanted.length ? ALL_SCALES.filter((s) => wanted.includes(s.label)) : ALL_SCALES;

/** The partial GIN indexes candidates must come through, and the tables that must never be scanned whole. */
const TOPIC_INDEXES = [
  'needs_open_course_topics_idx',
  'student_profiles_topics_idx',
  'search_items_topics_idx',
  ...['course', 'internship', 'summer_job', 'thesis', 'student_pool'].map((k) => `search_items_${k}_topics_idx`),
];
const GUARDED_TABLES = ['needs', 'student_profiles', 'search_items'];

const MATCH_FIELDS = `id kind itemKind title subtitle offerId startsAt municipalityCode remote periodStart periodEnd score
  breakdown { sharedTopics relatedTopics distanceKm overlapDays sharedLanguages points { topics period distance language text } }
  explanation`;
const NEED_QUERY = `query BenchNeedMatches($id: ID!) { need(id: $id) { matches(first: ${FIRST}) { ${MATCH_FIELDS} } } }`;
const OFFER_QUERY = `query BenchOfferLeads($id: ID!) { offer(id: $id) { leads(first: ${FIRST}) { ${MATCH_FIELDS} } } }`;

const TARGETS = {
  need: { label: 'need.matches', query: NEED_QUERY, root: 'need', field: 'matches' },
  offer: { label: 'offer.leads', query: OFFER_QUERY, root: 'offer', field: 'leads' },
} as const;
type Target = keyof typeof TARGETS;

interface Statement {
  text: string;
  params: unknown[];
}

interface Subject {
  id: string;
  kind: string;
}

interface WorkerRun {
  samples: Float64Array;
  counts: Int32Array;
  which: Int32Array;
  seconds: number;
  errors: number;
  tooMany: number;
  example: string | null;
  next: number;
}

interface PlanNode {
  'Node Type': string;
  'Parent Relationship'?: string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Actual Total Time': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface PlanFigures {
  source: string;
  planningMs: number;
  executionMs: number;
  /** TIDs the GIN index returned, per index. */
  gin: { index: string; tids: number }[];
  /** Rows of the guarded tables read by bitmap heap scans (or seq scans), kept + filtered out, per table. */
  heap: { table: string; read: number; kept: number }[];
  /** Rows entering the first-stage sort (the candidates scored on everything but text). */
  candidates: number | null;
  /** Time to the end of the first stage (scan, joins, base score, top-100 sort), ms. */
  stageMs: number | null;
  seqScans: string[];
  usesGin: boolean;
  badSeqScans: string[];
  sharedBlocks: number;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const round2 = (n: number) => Math.round(n * 100) / 100;

function runWorker(data: {
  url: string;
  token: string;
  bodies: string[];
  duration: number;
  root: string;
  field: string;
  offset: number;
}): Promise<WorkerRun> {
  return new Promise((resolveRun, reject) => {
    const worker = new Worker(new URL('./matching-load-worker.mjs', import.meta.url), {
      workerData: { ...data, maxRequests: MAX_REQUESTS, maxItems: FIRST },
    });
    worker.once('message', (message: WorkerRun & { error?: string }) => {
      void worker.terminate();
      if (message.error) reject(new Error(message.error));
      else resolveRun(message);
    });
    worker.once('error', reject);
  });
}

/** Which source a captured ranking statement reads (the service's SOURCES). */
function sourceOf(quoted: string): string {
  // The app interpolates its tables, so identifiers arrive quoted ("si"."kind"): compare without quotes.
  const text = quoted.replaceAll('"', '');
  if (text.includes('from student_profiles sp')) return 'students';
  if (text.includes("si.kind = 'STUDENT_POOL'")) return 'pools';
  if (text.includes("'SESSION' as item_kind")) return 'sessions';
  if (text.includes("si.kind = 'COURSE'")) return 'courses';
  if (/si\.kind = '(INTERNSHIP|SUMMER_JOB|THESIS)'/.test(text)) return 'placements';
  if (text.includes("n.kind = 'COURSE'")) return 'course needs';
  return 'other';
}
const isRanking = (text: string) => text.includes('stage as (');

/** One line per statement: a ranking and its source, or the verb and tables. */
function describeStatement(text: string): string {
  if (isRanking(text)) return `ranking: ${sourceOf(text)}`;
  const flat = text.replace(/\s+/g, ' ');
  const verb = /^(select|insert into|update|delete from)/i.exec(flat)?.[1]?.toUpperCase() ?? flat.slice(0, 20);
  const tables = [...flat.matchAll(/(?:from|into|update|join) "?(\w+)"?/gi)].map((x) => x[1]);
  return `${verb} ${[...new Set(tables)].join(', ')}`;
}

function analysePlan(source: string, explained: { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }) {
  const out: PlanFigures = {
    source,
    planningMs: explained['Planning Time'],
    executionMs: explained['Execution Time'],
    gin: [],
    heap: [],
    candidates: null,
    stageMs: null,
    seqScans: [],
    usesGin: false,
    badSeqScans: [],
    sharedBlocks: (explained.Plan['Shared Hit Blocks'] ?? 0) + (explained.Plan['Shared Read Blocks'] ?? 0),
  };
  // The first stage is the innermost Sort (the outer one orders the best 100 by score; the
  // SubPlans have none): its input is the candidates. It may run in parallel workers (a Sort under
  // a Gather Merge), hence rows × loops. Its time is that of the Limit above it.
  let deepestSort = -1;
  let deepestLimit = -1;
  const walk = (node: PlanNode, depth: number, inSubPlan = false) => {
    const loops = node['Actual Loops'] || 0;
    const type = node['Node Type'];
    const relation = node['Relation Name'];
    if (type === 'Bitmap Index Scan' && node['Index Name'] && TOPIC_INDEXES.includes(node['Index Name'])) {
      out.gin.push({ index: node['Index Name'], tids: node['Actual Rows'] * loops });
    }
    if ((type === 'Bitmap Heap Scan' || type === 'Seq Scan') && relation && GUARDED_TABLES.includes(relation)) {
      const kept = node['Actual Rows'];
      const removed = (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
      out.heap.push({ table: relation, read: Math.round((kept + removed) * loops), kept: kept * loops });
    }
    if (type === 'Seq Scan' && relation) out.seqScans.push(relation);
    const input = node.Plans?.[0];
    // A SubPlan's own Limit or Sort (a course's free-seat probe) is not a stage of the ranking.
    inSubPlan ||= node['Parent Relationship'] === 'SubPlan' || node['Parent Relationship'] === 'InitPlan';
    if (inSubPlan) {
      for (const p of node.Plans ?? []) walk(p, depth + 1, true);
      return;
    }
    if (type === 'Sort' && input && depth > deepestSort) {
      deepestSort = depth;
      out.candidates = input['Actual Rows'] * (input['Actual Loops'] || 0);
    }
    if (type === 'Limit' && depth > deepestLimit) {
      deepestLimit = depth;
      out.stageMs = node['Actual Total Time'];
    }
    for (const p of node.Plans ?? []) walk(p, depth + 1);
  };
  walk(explained.Plan, 0);
  out.usesGin = out.gin.length > 0;
  out.badSeqScans = out.seqScans.filter((t) => GUARDED_TABLES.includes(t));
  return out;
}

function summarise(runs: WorkerRun[], subjects: Subject[]) {
  const all: number[] = [];
  const counts: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const run of runs) {
    for (let i = 0; i < run.samples.length; i++) {
      all.push(run.samples[i]!);
      counts.push(run.counts[i]!);
      const kind = subjects[run.which[i]!]!.kind;
      if (!byKind.has(kind)) byKind.set(kind, []);
      byKind.get(kind)!.push(run.samples[i]!);
    }
  }
  const figures = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    return {
      requests: sorted.length,
      p50: round2(percentile(sorted, 0.5)),
      p95: round2(percentile(sorted, 0.95)),
      p99: round2(percentile(sorted, 0.99)),
      max: round2(sorted[sorted.length - 1] ?? Number.NaN),
    };
  };
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const withMatches = counts.filter((c) => c >= 1).length;
  return {
    ...figures(all),
    seconds: round2(seconds),
    rps: round2(all.length / seconds),
    shareWithMatches: round2(withMatches / counts.length),
    meanMatches: round2(counts.reduce((n, c) => n + c, 0) / counts.length),
    byKind: Object.fromEntries([...byKind].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, figures(v)])),
  };
}
type Latency = ReturnType<typeof summarise>;

interface ScaleResult {
  scale: Scale;
  seeding: SeedReport;
  rows: Record<string, number>;
  sample: { needs: Record<string, number>; offers: Record<string, number> };
  /** The statements one request sends, per kind of subject. */
  statementsPerRequest: { need: Record<string, string[]>; offer: Record<string, string[]> };
  latency: Record<Target, Latency>;
  /** The fixed subjects (tagged solar-pv only): one statement per source. */
  plans: {
    subject: string;
    kind: string;
    id: string;
    figures: PlanFigures[];
    /** The statements as sent (to EXPLAIN by hand with BENCH_KEEP=1) and their plans as text. */
    statements: (Statement & { plan: string[] })[];
  }[];
  /** Means over EXPLAIN_SAMPLE sampled needs and offers, per source. */
  sampled: Record<
    Target,
    {
      subjects: number;
      statements: number;
      meanCandidates: number;
      meanHeapRead: number;
      meanPlanningMs: number;
      meanExecutionMs: number;
      p95ExecutionMs: number;
      bySource: Record<string, { statements: number; meanCandidates: number; meanExecutionMs: number }>;
      withoutGin: number;
      badSeqScans: string[];
    }
  >;
  loadAverage: { before: number; after: number };
}

async function main() {
  ensureServerBuilt();
  // The compiled server as it runs in production (graphql-js reads NODE_ENV when it is loaded).
  process.env.NODE_ENV = 'production';
  const server = {
    buildApp: (await import('../../server/dist/app.js')).buildApp,
    loadConfig: (await import('../../server/dist/config.js')).loadConfig,
    openDatabase: (await import('../../server/dist/db/client.js')).openDatabase,
    connectionOptions: (await import('../../server/dist/db/client.js')).CONNECTION_OPTIONS,
    schema: await import('../../server/dist/db/schema.js'),
  };
  const loadBefore = loadavg()[0]!;
  const results: ScaleResult[] = [];
  for (const scale of SCALES) {
    log(
      `\n--- ${scale.label}: ${int(scale.needs)} needs, ${int(scale.offers)} offers, ${int(scale.students)} students, ${int(scale.sessions)} sessions ---`,
    );
    results.push(await runScale(scale, server));
  }
  const loadAfter = loadavg()[0]!;
  report(results, { before: loadBefore, after: loadAfter });
}

type Server = {
  buildApp: (typeof import('../../server/dist/app.js'))['buildApp'];
  loadConfig: (typeof import('../../server/dist/config.js'))['loadConfig'];
  openDatabase: (typeof import('../../server/dist/db/client.js'))['openDatabase'];
  connectionOptions: string;
  schema: typeof import('../../server/dist/db/schema.js');
};

async function runScale(scale: Scale, server: Server): Promise<ScaleResult> {
  const { dbUrl, cleanups, cleanup } = await freshDatabase();
  try {
    // 1. The app on the fresh database (building it migrates the schema). Its drizzle instance is
    // the one openDatabase makes plus a logger that records statements while `capture` is set.
    const config = server.loadConfig(benchEnv(dbUrl));
    let capture: Statement[] | null = null;
    const appPool = new pg.Pool({
      connectionString: dbUrl,
      max: POOL,
      options: [server.connectionOptions, PG_OPTIONS].filter(Boolean).join(' '),
    });
    appPool.on('error', () => {});
    const appDb = drizzle({
      client: appPool,
      schema: server.schema,
      logger: { logQuery: (text, params) => capture?.push({ text, params }) },
    });
    const base = await server.openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 1 });
    const handle = {
      ...base,
      db: appDb as unknown as typeof base.db,
      close: async () => {
        await appPool.end();
        await base.close();
      },
    };
    const app = await server.buildApp(config, { database: handle, logger: false });
    cleanups.push(() => app.close());
    await app.ready();

    // 2. Seed, set-based; the seed ends with VACUUM ANALYZE.
    const seeder = new pg.Client({ connectionString: dbUrl });
    seeder.on('error', () => {});
    await seeder.connect();
    const seeded = await seed(seeder, scale).finally(() => seeder.end());
    for (const s of seeded.steps) log(`  ${s.step.padEnd(17)} ${String(s.rows).padStart(7)} rows  ${s.ms} ms`);
    log(`  seeded in ${(seeded.totalMs / 1000).toFixed(1)} s`);

    const raw = new pg.Pool({ connectionString: dbUrl, max: 2 });
    raw.on('error', () => {});
    cleanups.push(() => raw.end());
    const coordinatorId = (
      await raw.query<{ id: string }>(
        `insert into users (email, email_verified_at, password_hash, display_name, roles, locale)
         values ('bench.coordinator@example.fi', now(), 'not-a-hash', 'Bench Coordinator', '{COORDINATOR}', 'fi')
         returning id`,
      )
    ).rows[0]!.id;
    const signer = app as unknown as { signAccessToken(user: { id: string; tokenVersion: number }): string };
    const token = signer.signAccessToken({ id: coordinatorId, tokenVersion: 0 });

    const rows = (
      await raw.query<Record<string, number>>(
        `select (select count(*) from needs)::int as needs,
           (select count(*) from needs where state = 'OPEN')::int as needs_open,
           (select count(*) from offers)::int as offers,
           (select count(*) from offers where state = 'PUBLISHED')::int as offers_published,
           (select count(*) from course_sessions)::int as sessions,
           (select count(*) from student_profiles)::int as students,
           (select count(*) from student_profiles where discoverable)::int as students_discoverable,
           (select count(*) from search_items)::int as search_items,
           (select count(*) from search_items where kind = 'COURSE')::int as search_courses,
           (select count(*) from search_items where kind = 'STUDENT_POOL')::int as search_pools`,
      )
    ).rows[0]!;
    log(
      `  rows: needs ${int(rows.needs!)} (${int(rows.needs_open!)} open), offers ${int(rows.offers!)} (${int(rows.offers_published!)} published), ` +
        `students ${int(rows.students!)} (${int(rows.students_discoverable!)} discoverable), search_items ${int(rows.search_items!)} ` +
        `(${int(rows.search_courses!)} courses, ${int(rows.search_pools!)} pools)`,
    );

    // 3. The subjects: random open needs and published offers, kinds in their real proportions.
    const picker = await raw.connect();
    let needs: Subject[];
    let offers: Subject[];
    try {
      await picker.query('select setseed(0.4711)');
      needs = (
        await picker.query<Subject>(
          `select id, kind::text as kind from needs where state = 'OPEN' order by random() limit $1`,
          [SAMPLE],
        )
      ).rows;
      offers = (
        await picker.query<Subject>(
          `select id, kind::text as kind from offers where state = 'PUBLISHED' order by random() limit $1`,
          [SAMPLE],
        )
      ).rows;
    } finally {
      picker.release();
    }
    const mix = (list: Subject[]) => {
      const out: Record<string, number> = {};
      for (const s of list) out[s.kind] = (out[s.kind] ?? 0) + 1;
      return out;
    };
    const sample = { needs: mix(needs), offers: mix(offers) };
    log(`  sample: needs ${JSON.stringify(sample.needs)}, offers ${JSON.stringify(sample.offers)}`);

    await app.listen({ host: '127.0.0.1', port: 0 });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const subjects: Record<Target, Subject[]> = { need: needs, offer: offers };
    const bodies = (target: Target) =>
      subjects[target].map((s) => JSON.stringify({ query: TARGETS[target].query, variables: { id: s.id } }));
    const ask = async (target: Target, id: string) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: TARGETS[target].query, variables: { id } }),
      });
      const body = (await response.json()) as {
        data?: Record<string, Record<string, unknown[]> | null>;
        errors?: unknown;
      };
      const list = body.data?.[TARGETS[target].root]?.[TARGETS[target].field];
      if (body.errors || !Array.isArray(list))
        throw new Error(`${target} ${id}: ${JSON.stringify(body).slice(0, 800)}`);
      return list;
    };

    // 4. Statements per request, and the app's ranking SQL for EXPLAIN.
    const captureRequest = async (target: Target, id: string) => {
      capture = [];
      await ask(target, id);
      const statements: Statement[] = capture;
      capture = null;
      return statements;
    };
    const statementsPerRequest = { need: {} as Record<string, string[]>, offer: {} as Record<string, string[]> };
    for (const target of ['need', 'offer'] as const) {
      const seen = new Set<string>();
      for (const s of subjects[target]) {
        if (seen.has(s.kind)) continue;
        seen.add(s.kind);
        statementsPerRequest[target][s.kind] = (await captureRequest(target, s.id)).map((x) =>
          describeStatement(x.text),
        );
      }
    }
    for (const target of ['need', 'offer'] as const) {
      for (const [kind, list] of Object.entries(statementsPerRequest[target])) {
        log(`  ${TARGETS[target].label} of a ${kind}: ${list.length} statements: ${list.join('; ')}`);
      }
    }

    // 5. Load: one request at a time, warm-up first, then rounds that alternate the targets.
    const loadBefore = loadavg()[0]!;
    const offsets: Record<Target, number> = { need: 0, offer: 0 };
    const run = async (target: Target, seconds: number) => {
      const result = await runWorker({
        url,
        token,
        bodies: bodies(target),
        duration: seconds,
        root: TARGETS[target].root,
        field: TARGETS[target].field,
        offset: offsets[target],
      });
      offsets[target] = result.next;
      if (result.errors || result.tooMany) {
        throw new Error(
          `${TARGETS[target].label}: ${result.errors} answers with errors, ${result.tooMany} with more than ${FIRST} matches; e.g. ${result.example}`,
        );
      }
      return result;
    };
    log(`  warm-up ${WARMUP} s per target…`);
    for (const target of ['need', 'offer'] as const) await run(target, WARMUP);
    const runs: Record<Target, WorkerRun[]> = { need: [], offer: [] };
    log(`  measuring ${DURATION} s per target, one request at a time, ${ROUNDS} rounds…`);
    for (let round = 0; round < ROUNDS; round++) {
      const order: Target[] = round % 2 === 0 ? ['need', 'offer'] : ['offer', 'need'];
      for (const target of order) runs[target].push(await run(target, DURATION / ROUNDS));
    }
    const latency = { need: summarise(runs.need, needs), offer: summarise(runs.offer, offers) };
    const loadAfter = loadavg()[0]!;
    for (const target of ['need', 'offer'] as const) {
      const l = latency[target];
      log(
        `  ${TARGETS[target].label.padEnd(13)} p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}  ` +
          `${l.requests} requests (${l.rps.toFixed(0)}/s); ${(l.shareWithMatches * 100).toFixed(0)} % with ≥ 1 match, mean ${l.meanMatches.toFixed(1)}`,
      );
    }

    // 6. EXPLAIN (ANALYZE, BUFFERS) of the ranking statements the app sent (caches warm from the load).
    // On a connection of its own, like the app's (warm: its first plans pay for loading the catalog).
    // The app's connection settings, so that the plans are the app's.
    const explainer = new pg.Client({
      connectionString: dbUrl,
      options: [server.connectionOptions, PG_OPTIONS].filter(Boolean).join(' '),
    });
    explainer.on('error', () => {});
    await explainer.connect();
    cleanups.push(() => explainer.end());
    const explain = async (statement: Statement) => {
      await explainer.query(statement.text, statement.params);
      const result = await explainer.query(
        `explain (analyze, buffers, format json) ${statement.text}`,
        statement.params,
      );
      const json = result.rows[0]['QUERY PLAN'] as {
        Plan: PlanNode;
        'Planning Time': number;
        'Execution Time': number;
      }[];
      const figures = analysePlan(sourceOf(statement.text), json[0]!);
      // The app prepares its ranking statements, and after five runs PostgreSQL may use one generic
      // plan for every subject of a statement's shape: that plan must read through the index too.
      const generic = analysePlan(figures.source, await genericPlan(statement));
      figures.usesGin &&= generic.usesGin;
      figures.badSeqScans = [...new Set([...figures.badSeqScans, ...generic.badSeqScans])];
      return figures;
    };
    const literal = (v: unknown) =>
      v === null ? 'null' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    const genericPlan = async (statement: Statement) => {
      await explainer.query(`prepare ranking_check as ${statement.text}`);
      try {
        await explainer.query('set plan_cache_mode = force_generic_plan');
        const result = await explainer.query(
          `explain (format json) execute ranking_check(${statement.params.map(literal).join(', ')})`,
        );
        return (
          result.rows[0]['QUERY PLAN'] as { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number }[]
        )[0]!;
      } finally {
        await explainer.query('reset plan_cache_mode');
        await explainer.query('deallocate ranking_check');
      }
    };
    const explainRequest = async (target: Target, id: string) => {
      const statements = (await captureRequest(target, id)).filter((s) => isRanking(s.text));
      const figures: PlanFigures[] = [];
      for (const s of statements) figures.push(await explain(s));
      return figures;
    };
    // Fixed subjects, comparable from one scale to the next: tagged solar-pv only.
    const fixed = (
      await raw.query<{ subject: string; target: Target; id: string | null; kind: string }>(
        `select 'placement need' as subject, 'need' as target, 'INTERNSHIP' as kind,
           (select id from needs where state = 'OPEN' and kind = 'INTERNSHIP' and topics = '{solar-pv}' order by id limit 1) as id
         union all
         select 'COURSE need', 'need', 'COURSE',
           (select id from needs where state = 'OPEN' and kind = 'COURSE' and topics = '{solar-pv}' order by id limit 1)
         union all
         select 'course offer', 'offer', 'COURSE',
           (select id from offers o where state = 'PUBLISHED' and kind = 'COURSE' and topics = '{solar-pv}'
              and exists (select 1 from search_items si where si.id = o.id) order by id limit 1)
         union all
         select 'pool offer', 'offer', 'STUDENT_POOL',
           (select id from offers where state = 'PUBLISHED' and kind = 'STUDENT_POOL' and topics = '{solar-pv}'
              and 'INTERNSHIP' = any(placement_kinds) order by id limit 1)`,
      )
    ).rows;
    const plans: ScaleResult['plans'] = [];
    for (const f of fixed) {
      if (!f.id) {
        log(`  (no ${f.subject} tagged solar-pv only at this scale)`);
        continue;
      }
      const statements = (await captureRequest(f.target, f.id)).filter((x) => isRanking(x.text));
      const figures: PlanFigures[] = [];
      const texts: (Statement & { plan: string[] })[] = [];
      for (const statement of statements) {
        figures.push(await explain(statement));
        const plan = (await explainer.query(`explain (analyze, buffers) ${statement.text}`, statement.params)).rows.map(
          (row: Record<string, string>) => row['QUERY PLAN']!,
        );
        texts.push({ ...statement, plan });
      }
      plans.push({ subject: f.subject, kind: f.kind, id: f.id, figures, statements: texts });
    }
    const sampled = {} as ScaleResult['sampled'];
    for (const target of ['need', 'offer'] as const) {
      const list = subjects[target].slice(0, EXPLAIN_SAMPLE);
      const perSubject: PlanFigures[][] = [];
      for (const s of list) perSubject.push(await explainRequest(target, s.id));
      const figures = perSubject.flat();
      const mean = (values: number[]) => (values.length ? values.reduce((n, v) => n + v, 0) / values.length : 0);
      const bySource: Record<string, { statements: number; meanCandidates: number; meanExecutionMs: number }> = {};
      for (const source of [...new Set(figures.map((f) => f.source))].sort()) {
        const of = figures.filter((f) => f.source === source);
        bySource[source] = {
          statements: of.length,
          meanCandidates: Math.round(mean(of.map((f) => f.candidates ?? 0))),
          meanExecutionMs: round2(mean(of.map((f) => f.executionMs))),
        };
      }
      const exec = Float64Array.from(perSubject.map((fs) => fs.reduce((n, f) => n + f.executionMs, 0))).sort();
      sampled[target] = {
        subjects: list.length,
        statements: figures.length,
        // Per request: the candidates of all its statements together.
        meanCandidates: Math.round(mean(perSubject.map((fs) => fs.reduce((n, f) => n + (f.candidates ?? 0), 0)))),
        meanHeapRead: Math.round(
          mean(perSubject.map((fs) => fs.reduce((n, f) => n + f.heap.reduce((m, h) => m + h.read, 0), 0))),
        ),
        meanPlanningMs: round2(mean(perSubject.map((fs) => fs.reduce((n, f) => n + f.planningMs, 0)))),
        meanExecutionMs: round2(mean(perSubject.map((fs) => fs.reduce((n, f) => n + f.executionMs, 0)))),
        p95ExecutionMs: round2(percentile(exec, 0.95)),
        bySource,
        withoutGin: figures.filter((f) => !f.usesGin).length,
        badSeqScans: [...new Set(figures.flatMap((f) => f.badSeqScans))],
      };
    }

    return {
      scale,
      seeding: seeded,
      rows,
      sample,
      statementsPerRequest,
      latency,
      plans,
      sampled,
      loadAverage: { before: loadBefore, after: loadAfter },
    };
  } finally {
    await cleanup();
  }
}

function report(results: ScaleResult[], load: { before: number; after: number }) {
  const pad = (cells: string[], widths: number[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('');

  log('\nIndex use: the ranking statements of fixed subjects tagged solar-pv only, EXPLAIN (ANALYZE, BUFFERS)');
  log(
    '  (stage: to the best 100 by topics, period, distance and language — scan, joins, score, sort; text: the rest,' +
      ' ranking those 100 on text; rows read: of the matched table, by the bitmap heap scan or a seq scan)',
  );
  const pw = [7, 16, 11, 9, 9, 10, 9, 10, 11, 10, 8, 0];
  log(
    `  ${pad(['scale', 'subject', 'source', 'plan ms', 'exec ms', 'stage ms', 'text ms', 'GIN TIDs', 'rows read', 'candid.', 'blocks', ''], pw)}  index / seq scans`,
  );
  let indexProblems = 0;
  for (const r of results) {
    for (const p of r.plans) {
      for (const f of p.figures) {
        const gin = f.gin.map((g) => g.index).join('+') || 'NO GIN INDEX';
        const seq = f.seqScans.length ? `; seq scan on ${f.seqScans.join(', ')}` : '';
        if (!f.usesGin || f.badSeqScans.length) indexProblems++;
        log(
          `  ${pad(
            [
              r.scale.label,
              p.subject,
              f.source,
              f.planningMs.toFixed(2),
              f.executionMs.toFixed(2),
              f.stageMs?.toFixed(2) ?? '–',
              f.stageMs === null ? '–' : (f.executionMs - f.stageMs).toFixed(2),
              int(f.gin.reduce((n, g) => n + g.tids, 0)),
              int(f.heap.reduce((n, h) => n + h.read, 0)),
              f.candidates === null ? '–' : int(f.candidates),
              int(f.sharedBlocks),
              '',
            ],
            pw,
          )}  ${gin}${seq}${f.badSeqScans.length ? '  <-- SEQ SCAN ON A MATCHED TABLE' : ''}`,
        );
      }
    }
  }

  log(
    `\nSampled subjects (${EXPLAIN_SAMPLE} needs, ${EXPLAIN_SAMPLE} offers per scale): per request, all its ranking statements`,
  );
  const sw = [7, 13, 10, 12, 12, 11, 11, 12, 0];
  log(
    `  ${pad(['scale', 'target', 'table', 'candidates', 'rows read', 'plan ms', 'exec ms', 'exec p95', ''], sw)}  per source: mean candidates / exec ms`,
  );
  for (const r of results) {
    for (const target of ['need', 'offer'] as const) {
      const s = r.sampled[target];
      const table = target === 'need' ? r.rows.search_items! + r.rows.students_discoverable! : r.rows.needs_open!;
      const sources = Object.entries(s.bySource)
        .map(([k, v]) => `${k} ${int(v.meanCandidates)} / ${v.meanExecutionMs.toFixed(2)}`)
        .join(', ');
      if (s.withoutGin || s.badSeqScans.length) indexProblems++;
      log(
        `  ${pad(
          [
            r.scale.label,
            TARGETS[target].label,
            int(table),
            int(s.meanCandidates),
            int(s.meanHeapRead),
            s.meanPlanningMs.toFixed(2),
            s.meanExecutionMs.toFixed(2),
            s.p95ExecutionMs.toFixed(2),
            '',
          ],
          sw,
        )}  ${sources}${s.withoutGin ? `; ${s.withoutGin} statements WITHOUT the GIN index` : ''}${s.badSeqScans.length ? `; SEQ SCAN on ${s.badSeqScans.join(', ')}` : ''}`,
      );
    }
  }
  log(
    '  (table: rows candidates could come from — open needs for leads; search_items + discoverable students for matches)',
  );

  log(`\nMatching benchmark — first ${FIRST}, as a coordinator, one request at a time over HTTP; latency in ms`);
  const lw = [7, 14, 9, 9, 9, 9, 7, 9, 8, 0];
  log(
    `  ${pad(['scale', 'target', 'p50', 'p95', 'p99', 'max', 'req/s', 'requests', '≥1 match', ''], lw)}  mean matches; p95 by kind`,
  );
  for (const r of results) {
    for (const target of ['need', 'offer'] as const) {
      const l = r.latency[target];
      const kinds = Object.entries(l.byKind)
        .map(([k, v]) => `${k} ${v.p95.toFixed(1)}`)
        .join(', ');
      log(
        `  ${pad(
          [
            r.scale.label,
            TARGETS[target].label,
            l.p50.toFixed(2),
            l.p95.toFixed(2),
            l.p99.toFixed(2),
            l.max.toFixed(2),
            l.rps.toFixed(0),
            String(l.requests),
            `${(l.shareWithMatches * 100).toFixed(0)} %`,
            '',
          ],
          lw,
        )}  ${l.meanMatches.toFixed(1)}; ${kinds}`,
      );
    }
  }

  // Growth from the smallest scale: latency and candidates against the rows.
  const first = results[0];
  if (first && results.length > 1) {
    log(
      `\nGrowth from ${first.scale.label} (rows ×, p95 ×, candidates ×; candidates are the sampled means per request)`,
    );
    for (const r of results.slice(1)) {
      const rowsX = r.scale.needs / first.scale.needs;
      for (const target of ['need', 'offer'] as const) {
        const p95X = r.latency[target].p95 / first.latency[target].p95;
        const candX = r.sampled[target].meanCandidates / Math.max(1, first.sampled[target].meanCandidates);
        const execX = r.sampled[target].meanExecutionMs / Math.max(0.001, first.sampled[target].meanExecutionMs);
        log(
          `  ${first.scale.label} → ${r.scale.label}  ${TARGETS[target].label.padEnd(13)} rows ×${rowsX.toFixed(1)}  ` +
            `p95 ${first.latency[target].p95.toFixed(2)} → ${r.latency[target].p95.toFixed(2)} ms (×${p95X.toFixed(2)})  ` +
            `candidates ${int(first.sampled[target].meanCandidates)} → ${int(r.sampled[target].meanCandidates)} (×${candX.toFixed(2)})  ` +
            `SQL exec ${first.sampled[target].meanExecutionMs.toFixed(2)} → ${r.sampled[target].meanExecutionMs.toFixed(2)} ms (×${execX.toFixed(2)})`,
        );
      }
    }
  }

  const largest = results.find((r) => r.scale.label === '100k') ?? results[results.length - 1]!;
  const pass = {
    need: largest.latency.need.p95 <= TARGET.p95Ms,
    offer: largest.latency.offer.p95 <= TARGET.p95Ms,
    indexes: indexProblems === 0,
  };
  if (PG_OPTIONS) log(`\n  PostgreSQL settings for the app's connections and the EXPLAINs: ${PG_OPTIONS}`);
  log(
    `\n  load average (1 min) ${load.before.toFixed(2)} before, ${load.after.toFixed(2)} after, on ${cpus().length} cores` +
      `; per scale: ${results.map((r) => `${r.scale.label} ${r.loadAverage.before.toFixed(2)} → ${r.loadAverage.after.toFixed(2)}`).join(', ')}`,
  );
  if (load.before > 1 || results.some((r) => r.loadAverage.before > 1)) {
    log('  note: the machine was busy (other work on the shared cores); the latencies include that noise');
  }
  log(
    `  ${pass.need ? 'PASS' : 'FAIL'}  need.matches p95 ${ms(largest.latency.need.p95)} at ${largest.scale.label} (target ≤ ${TARGET.p95Ms} ms)`,
  );
  log(
    `  ${pass.offer ? 'PASS' : 'FAIL'}  offer.leads p95 ${ms(largest.latency.offer.p95)} at ${largest.scale.label} (target ≤ ${TARGET.p95Ms} ms)`,
  );
  log(
    `  ${pass.indexes ? 'PASS' : 'FAIL'}  every ranking statement reads its candidates through a GIN index on topics, no seq scan on ${GUARDED_TABLES.join('/')}` +
      (pass.indexes ? '' : ` — ${indexProblems} problem(s) above`),
  );

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(
    RESULTS,
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        node: process.version,
        settings: {
          durationS: DURATION,
          rounds: ROUNDS,
          warmupS: WARMUP,
          sample: SAMPLE,
          explainSample: EXPLAIN_SAMPLE,
          pool: POOL,
          first: FIRST,
          pgOptions: PG_OPTIONS || null,
        },
        loadAverage: { ...load, cores: cpus().length },
        target: TARGET,
        pass,
        scales: results,
      },
      null,
      2,
    )}\n`,
  );
  log(`\nFigures written to ${RESULTS.slice(ROOT.length + 1)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
