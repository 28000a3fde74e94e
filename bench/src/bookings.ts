/**
 * Booking benchmark (a measurement, not a test): the `bookSeats` mutation through the app's
 * GraphQL endpoint, with 100 concurrent clients, each request by a different signed-in user with
 * a fresh idempotency key, against two plain Fastify routes over raw `pg` on the same database:
 *
 *   raw      the minimal booking transaction (BEGIN; SELECT … FOR UPDATE; INSERT booking;
 *            INSERT participants; UPDATE seats_taken; COMMIT), as a plain server would write it;
 *   floor    the least a booking can be: one prepared statement taking the seats, inserting the
 *            booking and its participants (no notification, e-mail or search mark) — what this
 *            machine can do at best;
 *   replay   exactly the statements the app sends for a booking (captured from drizzle's logger on
 *            a real booking, with this request's ids put in) — the same database work without
 *            Fastify/Mercurius/GraphQL/JWT/zod/drizzle, so app ÷ replay is the framework's cost and
 *            replay ÷ raw the cost of the extra statements.
 *
 *   npm run bench -- bookings          (from the repository root; `npm run bench` runs search, then this)
 *   BENCH_DATABASE_URL=postgres://…     server to use (default postgres://postgres@127.0.0.1:5432/test)
 *   BENCH_BOOKINGS_DURATION=8 BENCH_BOOKINGS_ROUNDS=4 BENCH_BOOKINGS_WARMUP=2 BENCH_BOOKINGS_CONNECTIONS=100
 *   BENCH_BOOKINGS_LOW_CONNECTIONS=10 BENCH_BOOKINGS_LOW_DURATION=3 BENCH_BOOKINGS_PROFILE=3
 *   BENCH_BOOKINGS_EXHAUST=2 BENCH_POOL=10 BENCH_KEEP=1 (keep the database)   — see bench/README.md
 *
 * Exits 0 whether the targets are met or not; non-zero when something broke, or when the seats in
 * the database do not add up after the run (that would be a bug in the server, not a figure).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/node-postgres';
import Fastify from 'fastify';
import pg from 'pg';
import { ADMIN_URL, benchEnv, ensureServerBuilt, freshDatabase, log, percentile, ROOT } from './common.js';
import { vocabulary } from './vocabulary.js';

const RESULTS = join(ROOT, 'bench', 'results', 'bookings.json');

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Measured seconds per target at CONNECTIONS, split into ROUNDS alternating rounds. */
const DURATION = env('BENCH_BOOKINGS_DURATION', 8);
const ROUNDS = env('BENCH_BOOKINGS_ROUNDS', 4);
const WARMUP = env('BENCH_BOOKINGS_WARMUP', 2);
const CONNECTIONS = env('BENCH_BOOKINGS_CONNECTIONS', 100);
/** The contrast: fewer clients than pooled connections, so nothing queues for the pool. */
const LOW_CONNECTIONS = env('BENCH_BOOKINGS_LOW_CONNECTIONS', 10);
const LOW_DURATION = env('BENCH_BOOKINGS_LOW_DURATION', 3);
/** Seconds of the app under load with the CPU profiler on (not counted); 0 skips it. */
const PROFILE_SECONDS = env('BENCH_BOOKINGS_PROFILE', 3);
/** Seconds of the app at a paced rate (half what it managed at CONNECTIONS), for latency below saturation; 0 skips it. */
const PACED_SECONDS = env('BENCH_BOOKINGS_PACED', 3);
/** Where to write the profile as a .cpuprofile file, if anywhere. */
const PROFILE_OUT = process.env.BENCH_BOOKINGS_PROFILE_OUT;
/** Seconds of booking on a few small sessions until their seats run out; 0 skips it. */
const EXHAUST_SECONDS = env('BENCH_BOOKINGS_EXHAUST', 2);
/** Both the app and the raw routes get a pool of this size (the app's default for PostgreSQL is 10). */
const POOL = env('BENCH_POOL', 10);

const COURSES = env('BENCH_BOOKINGS_COURSES', 2000);
const USERS = env('BENCH_BOOKINGS_USERS', 2000);
/** Sessions being booked on at any moment (the 100 clients share them: ~4 people per session). */
const HOT = env('BENCH_BOOKINGS_HOT', 25);
/** The hot window moves on one session every STEP requests (~STEP bookings per session per pass). */
const STEP = 4;
/** The billing details a booking of more than one seat on a paid session needs (shared's billingRequired). */
const BILLING = {
  organisationName: 'Penkkiyhtiö Oy',
  businessId: '1572860-0',
  invoiceMethod: 'EMAIL',
  invoiceEmail: 'laskut@example.fi',
} as const;

/** Every PAIR_EVERY-th request books two named participants; the others book one seat for the booker. */
const PAIR_EVERY = 5;
const SEATS_PER_REQUEST = 1 + 1 / PAIR_EVERY;
/**
 * No run may send more than this many requests per second of its duration (a bound on the count
 * as well as the time), so the seats below cannot run out whatever the machine does.
 */
const RATE_CEILING = 3000;
/** The seats-run-out phase: a few small sessions, half of the requests asking to join the waitlist. */
const TINY = { sessions: 10, seats: 8 };

const TARGET = { bookingsPerSecond: 1000, p95Ms: 50 };
const TARGETS = ['graphql', 'replay', 'raw', 'floor'] as const;
type Target = (typeof TARGETS)[number];
const LABELS: Record<Target, string> = {
  graphql: 'graphql (app)',
  replay: 'replay, app SQL',
  raw: 'raw minimal SQL',
  floor: 'floor, 1 statement',
};

const ms = (n: number) => `${n.toFixed(2)} ms`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

interface Statement {
  text: string;
  params: unknown[];
}

interface BenchUser {
  id: string;
  token: string;
  name: string;
  email: string;
}

interface WorkerResult {
  samples: Float64Array;
  seconds: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  outcomes: Record<string, number>;
  latencyByOutcome: Record<string, number[]>;
  examples: Record<string, string>;
  seatsConfirmed: number;
  next: number;
  workerCpuMs: number | null;
}

interface LoadRun extends WorkerResult {
  target: Target;
  connections: number;
  /** CPU of this process minus the load generator's thread: the servers (app or raw routes). */
  serverCpuMs: number;
  /** CPU of the PostgreSQL processes working for this database (null when it is elsewhere). */
  pgCpuMs: number | null;
  /** Busy CPU of the whole machine, everything included (other work on a shared machine too). */
  machineBusyMs: number | null;
  wal: WalStats | null;
}

interface WalStats {
  records: number;
  bytes: number;
  writes: number;
  syncs: number;
}

/** utime + stime of a process or thread from its /proc stat line, in ms (clock ticks of 10 ms: USER_HZ 100). */
function statCpuMs(path: string): number | null {
  try {
    const stat = readFileSync(path, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null; // exited meanwhile, or no /proc
  }
}

/**
 * The PostgreSQL processes that work for this benchmark: the backends connected to its database
 * (the app's and the raw pool's, autovacuum on its tables) and the shared WAL writer, checkpointer
 * and background writer. Other databases on the same server (tests running meanwhile) are left
 * out. Empty when PostgreSQL is not on this machine (no figures then).
 */
async function benchBackends(pool: pg.Pool, dbName: string): Promise<number[]> {
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(new URL(ADMIN_URL).hostname)) return [];
  const rows = (
    await pool.query<{ pid: number }>(
      `select pid from pg_stat_activity
       where datname = $1 or backend_type in ('walwriter', 'checkpointer', 'background writer')`,
      [dbName],
    )
  ).rows;
  return rows.map((r) => r.pid).filter((pid) => existsSync(`/proc/${pid}/stat`));
}

/** CPU of these processes so far, by pid. */
function cpuByPid(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const cpu = statCpuMs(`/proc/${pid}/stat`);
    if (cpu !== null) out.set(pid, cpu);
  }
  return out;
}

/** Busy CPU time of the whole machine so far (every core; /proc/stat without idle and iowait), in ms. */
function machineBusyMs(): number | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) * 10;
  } catch {
    return null;
  }
}

const cpuMsOfThisProcess = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  ensureServerBuilt();
  // As in search.ts: the compiled server as it runs in production (graphql-js reads NODE_ENV on load).
  process.env.NODE_ENV = 'production';
  const { buildApp } = await import('../../server/dist/app.js');
  const { loadConfig } = await import('../../server/dist/config.js');
  const { openDatabase, CONNECTION_OPTIONS } = await import('../../server/dist/db/client.js');
  const schema = await import('../../server/dist/db/schema.js');

  const { dbName, dbUrl, cleanups, cleanup } = await freshDatabase();
  try {
    // 1. The app on the fresh database (building it migrates the schema). Its drizzle instance is
    // the one openDatabase makes (same pool size, same schema), plus a logger that records every
    // statement with its parameters while `capture` is set: that is how the app's SQL for one
    // booking is counted and replayed. Outside the capture the logger costs one branch.
    const config = loadConfig(benchEnv(dbUrl));
    let capture: Statement[] | null = null;
    const appPool = new pg.Pool({ connectionString: dbUrl, max: POOL, options: CONNECTION_OPTIONS });
    appPool.on('error', () => {});
    const appDb = drizzle({
      client: appPool,
      schema,
      logger: { logQuery: (text, params) => capture?.push({ text, params }) },
    });
    // The migration lock and close() come from openDatabase (over one connection of its own).
    const base = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 1 });
    const handle = {
      ...base,
      db: appDb as unknown as typeof base.db,
      close: async () => {
        await appPool.end();
        await base.close();
      },
    };
    const app = await buildApp(config, { database: handle, logger: false });
    cleanups.push(() => app.close());
    await app.ready();

    // 2. Seed.
    log(`Seeding ${COURSES} courses with one session each, ${TINY.sessions} small sessions, ${USERS} users…`);
    const totalSeconds = TARGETS.length * (WARMUP + DURATION + LOW_DURATION) + PACED_SECONDS + PROFILE_SECONDS;
    const maxRequests = RATE_CEILING * totalSeconds;
    // Enough seats for every request that may be sent (RATE_CEILING bounds each run), with room
    // for the randomness of the hot window (per session a sum of Poisson draws, mean `mean`).
    const mean = (maxRequests * SEATS_PER_REQUEST) / COURSES;
    const seats = Math.max(20, Math.ceil(mean + 5 * Math.sqrt(mean) + 4));
    const seeder = new pg.Client({ connectionString: dbUrl });
    seeder.on('error', () => {});
    await seeder.connect();
    const seeded = await seedBookings(seeder, { courses: COURSES, users: USERS, seats, tiny: TINY }).finally(() =>
      seeder.end(),
    );
    log(
      `  ${seeded.sessions.length} sessions of ${seats} seats (for at most ${int(maxRequests)} requests at ≤ ${RATE_CEILING}/s × ${totalSeconds} s, ${SEATS_PER_REQUEST} seats each), ` +
        `${seeded.tiny.length} of ${TINY.seats}; ${seeded.users.length} users; in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    const signer = app as unknown as { signAccessToken(user: { id: string; tokenVersion: number }): string };
    const users: BenchUser[] = seeded.users.map((u) => ({
      ...u,
      token: signer.signAccessToken({ id: u.id, tokenVersion: 0 }),
    }));
    const offerOf = new Map([...seeded.sessions, ...seeded.tiny].map((s) => [s.id, s.offerId]));
    const sessionIds = seeded.sessions.map((s) => s.id);

    const raw = new pg.Pool({ connectionString: dbUrl, max: POOL });
    raw.on('error', () => {}); // an idle client whose backend goes away must not crash the run
    cleanups.push(() => raw.end());

    await app.listen({ host: '127.0.0.1', port: 0 });
    const gqlUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const book = async (user: BenchUser, input: Record<string, unknown>) => {
      const response = await fetch(`${gqlUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.token}` },
        body: JSON.stringify({
          query: 'mutation Book($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats } }',
          variables: { input },
        }),
      });
      const body = (await response.json()) as {
        data?: { bookSeats: { id: string; state: string; seats: number } };
        errors?: unknown;
      };
      if (!body.data || body.errors || body.data.bookSeats.state !== 'CONFIRMED') {
        throw new Error(`A booking through GraphQL failed: ${JSON.stringify(body)}`);
      }
      return body.data.bookSeats;
    };

    // 3. The app's statements for one booking, counted and kept as templates for the replay route:
    // one booking of the booker's own seat, one of two named participants.
    const captureBooking = async (
      user: BenchUser,
      sessionId: string,
      participants: RawBody['participants'],
      billing: typeof BILLING | null = participants ? BILLING : null,
    ) => {
      const key = `capture-${randomBytes(6).toString('hex')}`;
      capture = [];
      const booking = await book(user, {
        sessionId,
        idempotencyKey: key,
        ...(participants ? { participants } : {}),
        ...(billing ? { billing } : {}),
      });
      const statements = capture as Statement[];
      capture = null;
      const values: Record<string, string> = {
        userId: user.id,
        sessionId,
        offerId: offerOf.get(sessionId)!,
        key,
        bookingId: booking.id,
        name: user.name,
        email: user.email,
      };
      (participants ?? []).forEach((p, i) => {
        values[`p${i}name`] = p.name;
        values[`p${i}email`] = p.email;
      });
      return { statements, template: toTemplate(statements, values) };
    };
    const self = await captureBooking(users[0]!, sessionIds[0]!, null);
    // When the one statement finds the session's row changed under it (or the seats gone), the app
    // books the same seat under the session's lock. Billing details on a free session send a
    // one-seat booking that way and are not kept, so this is that path's statements.
    const freeSession = (
      await raw.query<{ id: string }>(
        'select id from course_sessions where price_cents = 0 and id = any($1::uuid[]) order by id limit 1',
        [sessionIds.slice(2, 40)],
      )
    ).rows[0]!.id;
    const selfLocked = await captureBooking(users[2]!, freeSession, null, BILLING);
    if (selfLocked.statements.length <= self.statements.length) {
      throw new Error('The one-seat booking with billing details did not take the locked path');
    }
    const pair = await captureBooking(users[1]!, sessionIds[1]!, [
      { name: 'Capture A', email: 'capture.a@example.fi' },
      { name: 'Capture B', email: 'capture.b@example.fi' },
    ]);
    log(`\nStatements the app sends for one booking of the booker's own seat (${self.statements.length} round trips):`);
    self.statements.forEach((s, i) => log(`  ${String(i + 1).padStart(2)}. ${describeStatement(s.text)}`));
    log(`Statements for one booking of two named participants (${pair.statements.length} round trips):`);
    pair.statements.forEach((s, i) => log(`  ${String(i + 1).padStart(2)}. ${describeStatement(s.text)}`));
    log(
      '(the raw minimal route: 6 round trips — begin, lock, insert booking, insert participants, update seats, commit)',
    );

    // 4. The baseline routes, in a plain Fastify on the same process, over a raw pool of the same size.
    const baseline = Fastify({ logger: false });
    cleanups.push(() => baseline.close());
    baseline.post<{ Body: RawBody }>('/book', async (request, reply) => {
      const b = request.body;
      const people = b.participants ?? [{ name: b.name, email: b.email }];
      const client = await raw.connect();
      try {
        await client.query('begin');
        const session = (
          await client.query<{
            seats: number;
            seats_taken: number;
            registration_deadline: Date;
            cancelled_at: Date | null;
            offer_state: string;
          }>(
            `select s.seats, s.seats_taken, s.registration_deadline, s.cancelled_at, o.state as offer_state
             from course_sessions s join offers o on o.id = s.offer_id where s.id = $1 for update of s`,
            [b.sessionId],
          )
        ).rows[0];
        if (
          !session ||
          session.offer_state !== 'PUBLISHED' ||
          session.cancelled_at ||
          session.registration_deadline <= new Date() ||
          session.seats - session.seats_taken < people.length
        ) {
          await client.query('rollback');
          return reply.code(409).send({ code: session ? 'SEATS_EXHAUSTED' : 'NOT_FOUND' });
        }
        const booking = (
          await client.query<{ id: string; state: string; seats: number }>(
            `insert into bookings (session_id, booked_by, state, seats, idempotency_key, confirmed_at)
             values ($1, $2, 'CONFIRMED', $3, $4, now()) returning id, state, seats`,
            [b.sessionId, b.userId, people.length, b.key],
          )
        ).rows[0]!;
        await client.query(
          `insert into booking_participants (booking_id, position, name, email)
           select $1, p.ord - 1, p.name, p.email from unnest($2::text[], $3::text[]) with ordinality as p(name, email, ord)`,
          [booking.id, people.map((p) => p.name), people.map((p) => p.email)],
        );
        await client.query('update course_sessions set seats_taken = seats_taken + $2 where id = $1', [
          b.sessionId,
          people.length,
        ]);
        await client.query('commit');
        return booking;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
    // The least a booking can be: one prepared statement that takes the seats if free, inserts the
    // booking and its participants (no notification, no e-mail, no search mark), in its own
    // transaction. What this machine can do at best, whatever the server.
    baseline.post<{ Body: RawBody }>('/book-floor', async (request, reply) => {
      const b = request.body;
      const people = b.participants ?? [{ name: b.name, email: b.email }];
      const result = await raw.query<{ id: string; state: string; seats: number }>({
        name: 'book-floor',
        text: `with taken as (
                 update course_sessions cs set seats_taken = cs.seats_taken + $3
                 from offers o
                 where cs.id = $1 and o.id = cs.offer_id and o.state = 'PUBLISHED' and cs.cancelled_at is null
                   and cs.registration_deadline > now() and cs.seats - cs.seats_taken >= $3
                 returning cs.id),
               booked as (
                 insert into bookings (session_id, booked_by, state, seats, idempotency_key, confirmed_at)
                 select id, $2, 'CONFIRMED', $3, $4, now() from taken returning id, state, seats),
               named as (
                 insert into booking_participants (booking_id, position, name, email)
                 select booked.id, p.ord - 1, p.name, p.email
                 from booked, unnest($5::text[], $6::text[]) with ordinality as p(name, email, ord))
               select * from booked`,
        values: [b.sessionId, b.userId, people.length, b.key, people.map((p) => p.name), people.map((p) => p.email)],
      });
      return result.rows[0] ?? reply.code(409).send({ code: 'SEATS_EXHAUSTED' });
    });
    baseline.post<{ Body: RawBody }>('/book-replay', async (request) => {
      const b = request.body;
      const [template, fallback] = b.participants ? [pair.template, null] : [self.template, selfLocked.template];
      const values: Record<string, string> = {
        userId: b.userId,
        sessionId: b.sessionId,
        offerId: offerOf.get(b.sessionId)!,
        key: b.key,
        name: b.name,
        email: b.email,
        bookingId: '',
      };
      (b.participants ?? []).forEach((p, i) => {
        values[`p${i}name`] = p.name;
        values[`p${i}email`] = p.email;
      });
      return replay(raw, template, values, fallback);
    });
    const rawUrl = await baseline.listen({ host: '127.0.0.1', port: 0 });

    // Each route books once and answers like the app before any load.
    for (const [path, participants] of [
      ['/book', null],
      [
        '/book',
        [
          { name: 'Check A', email: 'check.a@example.fi' },
          { name: 'Check B', email: 'check.b@example.fi' },
        ],
      ],
      ['/book-floor', null],
      [
        '/book-floor',
        [
          { name: 'Check E', email: 'check.e@example.fi' },
          { name: 'Check F', email: 'check.f@example.fi' },
        ],
      ],
      ['/book-replay', null],
      [
        '/book-replay',
        [
          { name: 'Check C', email: 'check.c@example.fi' },
          { name: 'Check D', email: 'check.d@example.fi' },
        ],
      ],
    ] as const) {
      const u = users[2]!;
      const body: RawBody = {
        userId: u.id,
        name: u.name,
        email: u.email,
        sessionId: sessionIds[2]!,
        key: `check-${randomBytes(6).toString('hex')}`,
        participants: participants ? [...participants] : null,
      };
      const response = await fetch(`${rawUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { state?: string; seats?: number };
      if (answer.state !== 'CONFIRMED' || answer.seats !== (participants?.length ?? 1)) {
        throw new Error(`${path} did not book: ${JSON.stringify(answer)}`);
      }
    }

    // 5. Load.
    let cursor = 0; // request number across runs: the hot window keeps sliding over the sessions
    const tag = randomBytes(4).toString('hex');
    const urls: Record<Target, string> = { graphql: gqlUrl, replay: rawUrl, raw: rawUrl, floor: rawUrl };
    const walStats = async (): Promise<WalStats | null> => {
      try {
        const row = (
          await raw.query<{ records: string; bytes: string; writes: string; syncs: string }>(
            'select wal_records as records, wal_bytes as bytes, wal_write as writes, wal_sync as syncs from pg_stat_wal',
          )
        ).rows[0]!;
        return {
          records: Number(row.records),
          bytes: Number(row.bytes),
          writes: Number(row.writes),
          syncs: Number(row.syncs),
        };
      } catch {
        return null;
      }
    };
    const runLoad = async (
      target: Target,
      connections: number,
      duration: number,
      extra: { sessions?: string[]; hot?: number; step?: number; joinWaitlistEvery?: number; rate?: number } = {},
    ): Promise<LoadRun> => {
      const walBefore = await walStats();
      const pids = await benchBackends(raw, dbName);
      let node0 = 0;
      let pg0 = new Map<number, number>();
      let machine0: number | null = null;
      const result = await new Promise<WorkerResult>((resolveRun, reject) => {
        const worker = new Worker(new URL('./bookings-load-worker.mjs', import.meta.url), {
          workerData: {
            url: urls[target],
            target,
            connections,
            duration,
            maxRequests: Math.ceil(RATE_CEILING * duration),
            users,
            sessions: extra.sessions ?? sessionIds,
            startAt: cursor,
            hot: extra.hot ?? HOT,
            step: extra.step ?? STEP,
            pairEvery: PAIR_EVERY,
            joinWaitlistEvery: extra.joinWaitlistEvery ?? 0,
            tag,
            rate: extra.rate ?? 0,
          },
        });
        worker.on('message', (message: (WorkerResult & { error?: string; started?: boolean }) | undefined) => {
          if (message?.started) {
            node0 = cpuMsOfThisProcess();
            pg0 = cpuByPid(pids);
            machine0 = machineBusyMs();
            return;
          }
          void worker.terminate();
          if (!message || message.error) reject(new Error(message?.error ?? 'the load worker sent nothing'));
          else resolveRun(message);
        });
        worker.once('error', reject);
      });
      const node1 = cpuMsOfThisProcess();
      const machine1 = machineBusyMs();
      // Backends that connected during the run count from zero.
      const pg1 = cpuByPid([...new Set([...pids, ...(await benchBackends(raw, dbName))])]);
      const walAfter = await walStats();
      cursor = result.next;
      return {
        ...result,
        target,
        connections,
        serverCpuMs: node1 - node0 - (result.workerCpuMs ?? 0),
        pgCpuMs: pg1.size ? [...pg1].reduce((n, [pid, cpu]) => n + cpu - (pg0.get(pid) ?? 0), 0) : null,
        machineBusyMs: machine0 !== null && machine1 !== null ? machine1 - machine0 : null,
        wal:
          walBefore && walAfter
            ? {
                records: walAfter.records - walBefore.records,
                bytes: walAfter.bytes - walBefore.bytes,
                writes: walAfter.writes - walBefore.writes,
                syncs: walAfter.syncs - walBefore.syncs,
              }
            : null,
      };
    };

    const loadBefore = loadavg()[0]!;
    log(`\nWarm-up: ${WARMUP} s per target with ${CONNECTIONS} connections…`);
    const warmups: LoadRun[] = [];
    for (const target of TARGETS) warmups.push(await runLoad(target, CONNECTIONS, WARMUP));
    const phases = [
      { name: 'load', connections: CONNECTIONS, seconds: DURATION, rounds: ROUNDS },
      { name: 'low', connections: LOW_CONNECTIONS, seconds: LOW_DURATION, rounds: 2 },
    ];
    const allRuns: LoadRun[] = [...warmups];
    const measured: Record<string, Record<Target, ReturnType<typeof summarise>>> = {};
    for (const phase of phases) {
      const runs: Record<Target, LoadRun[]> = { graphql: [], replay: [], raw: [], floor: [] };
      const slice = phase.seconds / phase.rounds;
      log(`Measuring ${phase.seconds} s per target with ${phase.connections} connections, ${phase.rounds} rounds…`);
      for (let round = 0; round < phase.rounds; round++) {
        // Each round starts with another target, so that background load hits all alike.
        const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]!);
        for (const target of order) {
          const run = await runLoad(target, phase.connections, slice);
          if (run.total > 0 && run.errors > run.total / 2) {
            throw new Error(`${target}: ${run.errors} socket errors in ${run.total} requests`);
          }
          runs[target].push(run);
          allRuns.push(run);
        }
      }
      const perRound = (t: Target) =>
        runs[t].map((r) => ((r.outcomes.CONFIRMED ?? 0) / r.seconds).toFixed(0)).join(' ');
      log(`  bookings/s per round: ${TARGETS.map((t) => `${t} ${perRound(t)}`).join('; ')}`);
      measured[phase.name] = {
        graphql: summarise(runs.graphql),
        replay: summarise(runs.replay),
        raw: summarise(runs.raw),
        floor: summarise(runs.floor),
      };
    }

    // Below saturation: requests due at a steady rate, half the throughput the app managed, over
    // up to 100 connections (open loop, see the worker), so the latency is the service time plus
    // little queueing.
    let paced: { rate: number; stats: ReturnType<typeof summarise> } | null = null;
    if (PACED_SECONDS > 0) {
      const rate = Math.max(10, Math.floor(measured.load!.graphql.bookingsPerSecond / 20) * 10);
      log(`Pacing the app at ${rate} bookings/s for ${PACED_SECONDS} s over up to ${CONNECTIONS} connections…`);
      const run = await runLoad('graphql', CONNECTIONS, PACED_SECONDS, { rate });
      allRuns.push(run);
      paced = { rate, stats: summarise([run]) };
    }

    // 6. A CPU profile of the app's thread under the same load (not counted in the figures).
    let profile: ReturnType<typeof summariseProfile> | null = null;
    if (PROFILE_SECONDS > 0) {
      log(`Profiling the app's thread for ${PROFILE_SECONDS} s with ${CONNECTIONS} connections…`);
      const inspector = new Session();
      inspector.connect();
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 500 });
      await inspector.post('Profiler.start');
      const run = await runLoad('graphql', CONNECTIONS, PROFILE_SECONDS);
      const { profile: cpuProfile } = await inspector.post('Profiler.stop');
      inspector.disconnect();
      if (PROFILE_OUT) {
        writeFileSync(PROFILE_OUT, JSON.stringify(cpuProfile));
        log(`  profile written to ${PROFILE_OUT} (open it in Chrome DevTools → Performance)`);
      }
      allRuns.push(run);
      profile = summariseProfile(cpuProfile as CpuProfile);
    }

    // 7. Seats running out: 100 clients on a few small sessions, half of them asking to join the
    // waitlist when short (WAITLISTED), the others not (SEATS_EXHAUSTED, a GraphQL error).
    let exhaust: { run: LoadRun; byOutcome: Record<string, ReturnType<typeof latencyStats>> } | null = null;
    if (EXHAUST_SECONDS > 0) {
      log(
        `Booking ${TINY.sessions} sessions of ${TINY.seats} seats full for ${EXHAUST_SECONDS} s with ${CONNECTIONS} connections…`,
      );
      const run = await runLoad('graphql', CONNECTIONS, EXHAUST_SECONDS, {
        sessions: seeded.tiny.map((s) => s.id),
        hot: seeded.tiny.length,
        step: Number.MAX_SAFE_INTEGER,
        joinWaitlistEvery: 2,
      });
      allRuns.push(run);
      exhaust = {
        run,
        byOutcome: Object.fromEntries(
          Object.entries(run.latencyByOutcome).map(([k, v]) => [k, latencyStats(Float64Array.from(v).sort())]),
        ),
      };
    }
    const loadAfter = loadavg()[0]!;

    // 8. The seats add up: in every session, seats_taken is the sum of its confirmed bookings'
    // seats and within capacity; every booking has as many participants as seats.
    const check = (
      await raw.query<{
        sessions: number;
        seats_taken: number;
        confirmed_seats: number;
        mismatched: number;
        overbooked: number;
        full: number;
        confirmed: number;
        waitlisted: number;
        participants: number;
        booked_seats: number;
        notifications: number;
        tiny_taken: number;
        tiny_confirmed_seats: number;
        tiny_waitlisted: number;
      }>(
        `with b as (
           select session_id, sum(seats) filter (where state = 'CONFIRMED')::int as confirmed_seats
           from bookings group by session_id),
         s as (select s.*, coalesce(b.confirmed_seats, 0) as confirmed_seats from course_sessions s left join b on b.session_id = s.id)
         select count(*)::int as sessions, sum(seats_taken)::int as seats_taken, sum(confirmed_seats)::int as confirmed_seats,
           count(*) filter (where seats_taken <> confirmed_seats)::int as mismatched,
           count(*) filter (where seats_taken > seats)::int as overbooked,
           count(*) filter (where seats_taken = seats)::int as full,
           (select count(*) from bookings where state = 'CONFIRMED')::int as confirmed,
           (select count(*) from bookings where state = 'WAITLISTED')::int as waitlisted,
           (select count(*) from booking_participants)::int as participants,
           (select sum(seats) from bookings)::int as booked_seats,
           (select count(*) from notifications)::int as notifications,
           sum(seats_taken) filter (where id = any($1::uuid[]))::int as tiny_taken,
           sum(confirmed_seats) filter (where id = any($1::uuid[]))::int as tiny_confirmed_seats,
           (select count(*) from bookings where state = 'WAITLISTED' and session_id = any($1::uuid[]))::int as tiny_waitlisted
         from s`,
        [seeded.tiny.map((t) => t.id)],
      )
    ).rows[0]!;
    const confirmedResponses = allRuns.reduce((n, r) => n + (r.outcomes.CONFIRMED ?? 0), 0);
    // A run stops with up to `connections` requests in flight: they may commit without an answer.
    const inFlightBound = allRuns.reduce((n, r) => n + r.connections, 0);
    const before = 2 + 4; // the two captured bookings and the four checks of the raw routes
    const unanswered = check.confirmed - before - confirmedResponses;
    const consistent =
      check.mismatched === 0 &&
      check.overbooked === 0 &&
      check.seats_taken === check.confirmed_seats &&
      check.participants === check.booked_seats &&
      unanswered >= 0 &&
      unanswered <= inFlightBound;

    // Where PostgreSQL's time goes within a booking, statement by statement (after the load:
    // warm caches, tables as the load left them).
    const costs = await statementCosts(
      raw,
      self.template,
      Array.from({ length: 20 }, (_, i) => {
        const u = users[(100 + i * 37) % users.length]!;
        const sessionId = sessionIds[(i * 97) % sessionIds.length]!;
        return { userId: u.id, name: u.name, email: u.email, sessionId, offerId: offerOf.get(sessionId)! };
      }),
    );

    // 9. Report.
    const m = measured.load!;
    const low = measured.low!;
    const g = m.graphql;
    const errors = sumOutcomes(allRuns.filter((r) => r !== exhaust?.run));
    const nonConfirmed = Object.entries(errors)
      .filter(([k]) => k !== 'CONFIRMED')
      .reduce((n, [, v]) => n + v, 0);
    const pass = {
      throughput: g.bookingsPerSecond >= TARGET.bookingsPerSecond,
      p95: g.p95 <= TARGET.p95Ms,
      errors: nonConfirmed === 0,
      consistent,
    };

    log(
      '\nBooking benchmark — bookSeats, one request per booking, each by another user; latency per HTTP request in ms',
    );
    const header = [
      'target',
      'conns',
      'p50',
      'p95',
      'p99',
      'max',
      'bookings/s',
      'errors',
      'node ms/b',
      'pg ms/b',
      'gen ms/b',
    ];
    const widths = [18, 6, 9, 9, 9, 9, 11, 8, 10, 9, 9];
    const row = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('');
    log(`  ${row(header)}`);
    const fmt = (n: number | null) => (n === null ? 'n/a' : n.toFixed(2));
    for (const phase of phases) {
      for (const t of TARGETS) {
        const s = measured[phase.name]![t];
        log(
          `  ${row([LABELS[t], String(phase.connections), s.p50.toFixed(2), s.p95.toFixed(2), s.p99.toFixed(2), s.max.toFixed(2), s.bookingsPerSecond.toFixed(0), String(s.errors), fmt(s.cpu.serverMsPerBooking), fmt(s.cpu.pgMsPerBooking), fmt(s.cpu.generatorMsPerBooking)])}`,
        );
      }
    }
    log(
      `  throughput ratio at ${CONNECTIONS} connections: graphql/floor ${(g.bookingsPerSecond / m.floor.bookingsPerSecond).toFixed(3)}, graphql/raw ${(g.bookingsPerSecond / m.raw.bookingsPerSecond).toFixed(3)}, ` +
        `graphql/replay ${(g.bookingsPerSecond / m.replay.bookingsPerSecond).toFixed(3)}, replay/raw ${(m.replay.bookingsPerSecond / m.raw.bookingsPerSecond).toFixed(3)}; ` +
        `at ${LOW_CONNECTIONS}: graphql/raw ${(low.graphql.bookingsPerSecond / low.raw.bookingsPerSecond).toFixed(3)}`,
    );
    log('  (ms/b: CPU milliseconds per booking — node: this process without the load generator; pg: the PostgreSQL');
    log(
      `   processes of this database and the WAL writer; gen: the autocannon thread. ${cpus().length} cores give ${int(cpus().length * 1000)} CPU ms per second.)`,
    );
    for (const t of TARGETS) {
      const c = m[t].cpu;
      if (c.totalMsPerBooking === null) continue;
      const others = c.machineBusy !== null && c.utilisation !== null ? c.machineBusy - c.utilisation : null;
      log(
        `  ${LABELS[t].padEnd(18)} ${c.totalMsPerBooking.toFixed(2)} CPU ms per booking in all → ceiling ≈ ${int((cpus().length * 1000) / c.totalMsPerBooking)} bookings/s on ${cpus().length} idle cores; ` +
          `used ${(c.utilisation! * 100).toFixed(0)} % of the cores` +
          (others !== null ? `, other processes ${(Math.max(0, others) * 100).toFixed(0)} %` : '') +
          (c.walSyncsPerBooking !== null
            ? `; ${c.walSyncsPerBooking.toFixed(2)} WAL flushes per booking (server-wide)`
            : ''),
      );
    }
    log(
      `  Little's law: ${CONNECTIONS} clients each waiting for their answer → mean latency = ${CONNECTIONS} / throughput; ` +
        `p95 ≤ ${TARGET.p95Ms} ms at ${CONNECTIONS} connections needs ≥ ${int((CONNECTIONS * 1000) / TARGET.p95Ms)} bookings/s (here ${int((CONNECTIONS * 1000) / g.bookingsPerSecond)} ms mean is queueing at that rate)`,
    );
    if (paced) {
      const p = paced.stats;
      log(
        `  paced at ${paced.rate} bookings/s (half the above; open loop, up to ${CONNECTIONS} connections): p50 ${ms(p.p50)}, p95 ${ms(p.p95)}, p99 ${ms(p.p99)}; ${p.bookingsPerSecond.toFixed(0)} bookings/s done`,
      );
    }
    log(`  errors: ${Object.keys(errors).length ? JSON.stringify(errors) : 'none'}`);
    for (const [code, body] of Object.entries(sumExamples(allRuns.filter((r) => r !== exhaust?.run)))) {
      log(`    ${code}: ${body}`);
    }

    // The session's row is locked by the statement that takes seats (FOR UPDATE, or the UPDATE of
    // course_sessions), and held to COMMIT, or to the end of that statement when it runs alone.
    const lockAt = self.template.findIndex((t) => /for update|update "?course_sessions"?/i.test(t.text));
    const commitAt = self.template.findIndex((t) => t.text === 'commit');
    const heldFor = commitAt < 0 ? 1 : commitAt - lockAt;
    log(
      `\nPostgreSQL's time per statement of a booking (EXPLAIN (ANALYZE, WAL) of the app's statements, mean of 20 bookings, rolled back);` +
        ` the session lock is held for ${heldFor} round trip${heldFor === 1 ? '' : 's'} (the raw route: 4):`,
    );
    log(
      `  ${'statement'.padEnd(58)}${'plan ms'.padStart(9)}${'exec ms'.padStart(9)}${'WAL rec'.padStart(9)}${'WAL B'.padStart(8)}`,
    );
    for (const c of costs) {
      log(
        `  ${c.statement.slice(0, 57).padEnd(58)}${c.planMs.toFixed(3).padStart(9)}${c.execMs.toFixed(3).padStart(9)}${c.walRecords.toFixed(1).padStart(9)}${c.walBytes.toFixed(0).padStart(8)}`,
      );
    }
    const costSum = costs.reduce(
      (a, c) => ({ plan: a.plan + c.planMs, exec: a.exec + c.execMs, wal: a.wal + c.walBytes }),
      { plan: 0, exec: 0, wal: 0 },
    );
    log(
      `  ${'in all'.padEnd(58)}${costSum.plan.toFixed(3).padStart(9)}${costSum.exec.toFixed(3).padStart(9)}${''.padStart(9)}${costSum.wal.toFixed(0).padStart(8)}` +
        `  (PostgreSQL CPU per booking under load: ${fmt(g.cpu.pgMsPerBooking)} ms)`,
    );

    if (profile) {
      log(
        `\nCPU profile of the app's thread (${PROFILE_SECONDS} s at ${CONNECTIONS} connections): its own work ${(profile.workShare * 100).toFixed(0)} % of the time, ` +
          `socket writes ${(profile.writevShare * 100).toFixed(0)} % (mostly waiting for a core: the kernel runs the woken PostgreSQL backend there), idle the rest.`,
      );
      log('  Share of its own work by package (native code counted for the package that called it):');
      for (const c of profile.categories.slice(0, 14)) log(`  ${c.share.toFixed(1).padStart(5)} %  ${c.name}`);
      log('  Top functions (self time):');
      for (const f of profile.functions.slice(0, 12)) log(`  ${f.share.toFixed(1).padStart(5)} %  ${f.name}`);
    }

    if (exhaust) {
      const r = exhaust.run;
      log(
        `\nSeats running out: ${TINY.sessions} sessions × ${TINY.seats} seats, ${CONNECTIONS} connections, ${r.seconds.toFixed(1)} s, ${int(r.samples.length / r.seconds)} answers/s:`,
      );
      for (const [outcome, n] of Object.entries(r.outcomes).sort((a, b) => b[1] - a[1])) {
        const s = exhaust.byOutcome[outcome];
        log(
          `  ${outcome.padEnd(16)} ${String(n).padStart(6)}   p50 ${s ? ms(s.p50) : '-'}   p95 ${s ? ms(s.p95) : '-'}`,
        );
      }
      log(
        `  seats taken ${check.tiny_taken} of ${TINY.sessions * TINY.seats} (confirmed bookings' seats ${check.tiny_confirmed_seats}), ${check.tiny_waitlisted} bookings waitlisted`,
      );
    }

    log(`\nChecked in SQL after the run (${check.sessions} sessions):`);
    log(
      `  seats_taken total ${int(check.seats_taken)} = confirmed bookings' seats ${int(check.confirmed_seats)}; sessions where they differ: ${check.mismatched}; over capacity: ${check.overbooked}; full: ${check.full}`,
    );
    log(
      `  confirmed bookings ${int(check.confirmed)} = ${int(confirmedResponses)} CONFIRMED answers + ${before} before the load + ${unanswered} committed as a run stopped (≤ ${inFlightBound} in flight); participants ${int(check.participants)} = seats booked ${int(check.booked_seats)}; notifications ${int(check.notifications)}`,
    );
    log(
      `  load average (1 min) ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after the load on ${cpus().length} cores`,
    );
    log(
      `  ${pass.throughput ? 'PASS' : 'FAIL'}  ${g.bookingsPerSecond.toFixed(0)} bookings/s through GraphQL at ${CONNECTIONS} connections (target ≥ ${int(TARGET.bookingsPerSecond)})`,
    );
    log(
      `  ${pass.p95 ? 'PASS' : 'FAIL'}  p95 ${ms(g.p95)} at ${CONNECTIONS} connections (target ≤ ${TARGET.p95Ms} ms)`,
    );
    log(`  ${pass.errors ? 'PASS' : 'FAIL'}  every answer CONFIRMED (${nonConfirmed} were not)`);
    log(`  ${pass.consistent ? 'PASS' : 'FAIL'}  seats add up in the database`);
    if (!pass.throughput) {
      log(
        `  info  ${(TARGET.bookingsPerSecond / g.bookingsPerSecond).toFixed(2)}× short of the throughput target; the raw minimal route does ${m.raw.bookingsPerSecond.toFixed(0)}/s, the replay of the app's SQL ${m.replay.bookingsPerSecond.toFixed(0)}/s`,
      );
    }
    const floor = m.floor;
    log(
      `  info  the floor — one prepared statement, no notification — does ${floor.bookingsPerSecond.toFixed(0)}/s with p95 ${ms(floor.p95)} here` +
        (floor.cpu.totalMsPerBooking !== null
          ? `, ${floor.cpu.totalMsPerBooking.toFixed(2)} CPU ms per booking in all (ceiling ≈ ${int((cpus().length * 1000) / floor.cpu.totalMsPerBooking)}/s on ${cpus().length} idle cores)`
          : '') +
        `; p95 ≤ ${TARGET.p95Ms} ms for ${CONNECTIONS} waiting clients needs ≥ ${int((CONNECTIONS * 1000) / TARGET.p95Ms)}/s`,
    );

    mkdirSync(dirname(RESULTS), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          node: process.version,
          postgres: (await raw.query('show server_version')).rows[0]?.server_version,
          postgresSettings: Object.fromEntries(
            (
              await raw.query<{ name: string; setting: string }>(
                `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections', 'commit_delay', 'wal_sync_method')`,
              )
            ).rows.map((r) => [r.name, r.setting]),
          ),
          settings: {
            durationS: DURATION,
            rounds: ROUNDS,
            warmupS: WARMUP,
            connections: CONNECTIONS,
            lowConnections: LOW_CONNECTIONS,
            lowDurationS: LOW_DURATION,
            pool: POOL,
            courses: COURSES,
            users: USERS,
            seatsPerSession: seats,
            hotSessions: HOT,
            step: STEP,
            pairEvery: PAIR_EVERY,
            rateCeiling: RATE_CEILING,
          },
          statements: {
            self: self.statements.map((s) => s.text),
            pair: pair.statements.map((s) => s.text),
            rawMinimal: 6,
          },
          loadAverage: { before: loadBefore, after: loadAfter, cores: cpus().length },
          measured,
          ratio: {
            graphqlToFloor: g.bookingsPerSecond / m.floor.bookingsPerSecond,
            graphqlToRaw: g.bookingsPerSecond / m.raw.bookingsPerSecond,
            graphqlToReplay: g.bookingsPerSecond / m.replay.bookingsPerSecond,
            replayToRaw: m.replay.bookingsPerSecond / m.raw.bookingsPerSecond,
          },
          errors,
          paced,
          statementCosts: costs,
          profile,
          exhaust: exhaust && {
            seconds: exhaust.run.seconds,
            outcomes: exhaust.run.outcomes,
            latency: exhaust.byOutcome,
            seatsTaken: check.tiny_taken,
            waitlisted: check.tiny_waitlisted,
          },
          check: { ...check, confirmedResponses, unanswered, inFlightBound },
          target: TARGET,
          pass,
        },
        null,
        2,
      )}\n`,
    );
    log(`\nFigures written to ${RESULTS.slice(ROOT.length + 1)}`);
    if (!consistent) {
      console.error('The seats do not add up in the database: that is a bug in booking, not a measurement.');
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

interface RawBody {
  userId: string;
  name: string;
  email: string;
  sessionId: string;
  key: string;
  participants: { name: string; email: string }[] | null;
}

/** A parameter of a captured statement: as captured, one of the request's values, or a string with them inside (JSON). */
type ParamPlan = { literal: unknown } | { value: string } | { parts: (string | { value: string })[] };
interface TemplateStatement {
  text: string;
  plan: ParamPlan[];
  /** Its RETURNING gives the new booking's id, which later statements use. */
  returnsBooking: boolean;
}

/**
 * Turns the statements captured for one booking into a template: every parameter equal to (or,
 * in a JSON string, containing) one of the booking's values — user, session, offer, key, booking
 * id, names, e-mails — is replaced by a slot for that value.
 */
function toTemplate(statements: Statement[], values: Record<string, string>): TemplateStatement[] {
  const known = Object.entries(values).filter(([, v]) => v.length >= 6);
  const planOf = (param: unknown): ParamPlan => {
    if (typeof param !== 'string') return { literal: param };
    const exact = known.find(([, v]) => v === param);
    if (exact) return { value: exact[0] };
    const inside = known.filter(([, v]) => param.includes(v));
    if (inside.length === 0) return { literal: param };
    const pattern = new RegExp(inside.map(([, v]) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    const parts: (string | { value: string })[] = [];
    let last = 0;
    for (const match of param.matchAll(pattern)) {
      parts.push(param.slice(last, match.index));
      parts.push({ value: inside.find(([, v]) => v === match[0])![0] });
      last = match.index + match[0].length;
    }
    parts.push(param.slice(last));
    return { parts };
  };
  const template = statements.map((s) => ({
    text: s.text,
    plan: s.params.map(planOf),
    returnsBooking: /insert into "?bookings"?[\s(]/i.test(s.text),
  }));
  if (!template.some((t) => t.returnsBooking)) {
    throw new Error(`Unexpected statements captured for a booking:\n${template.map((t) => t.text).join('\n')}`);
  }
  return template;
}

function resolveParams(plan: ParamPlan[], values: Record<string, string>): unknown[] {
  return plan.map((p) =>
    'literal' in p
      ? p.literal
      : 'value' in p
        ? values[p.value]
        : p.parts.map((x) => (typeof x === 'string' ? x : values[x.value])).join(''),
  );
}

/**
 * PostgreSQL's own time and WAL for each statement of a booking: the captured statements run as
 * EXPLAIN (ANALYZE, WAL) — which executes them — for `samples` bookings on different sessions, each
 * in a transaction that is rolled back. Parse, protocol, COMMIT and its WAL flush are not in it.
 */
async function statementCosts(
  pool: pg.Pool,
  template: TemplateStatement[],
  bookings: { userId: string; name: string; email: string; sessionId: string; offerId: string }[],
) {
  const measured = template.filter((t) => t.text !== 'begin' && t.text !== 'commit');
  const sums = measured.map(() => ({ planMs: 0, execMs: 0, walRecords: 0, walBytes: 0, walFpi: 0 }));
  for (const [i, b] of bookings.entries()) {
    const values: Record<string, string> = {
      ...b,
      key: `explain-${i}-${randomBytes(4).toString('hex')}`,
      bookingId: '',
    };
    const client = await pool.connect();
    try {
      await client.query('begin');
      for (const [j, statement] of measured.entries()) {
        const params = resolveParams(statement.plan, values);
        const result = await client.query<{ 'QUERY PLAN': ExplainJson[] }>(
          `explain (analyze, wal, format json) ${statement.text}`,
          params,
        );
        const out = result.rows[0]!['QUERY PLAN'][0]!;
        const sum = sums[j]!;
        sum.planMs += out['Planning Time'] ?? 0;
        sum.execMs += out['Execution Time'] ?? 0;
        sum.walRecords += out.Plan['WAL Records'] ?? 0;
        sum.walBytes += out.Plan['WAL Bytes'] ?? 0;
        sum.walFpi += out.Plan['WAL FPI'] ?? 0;
        if (statement.returnsBooking) {
          values.bookingId = (
            await client.query<{ id: string }>(
              'select id from bookings where booked_by = $1 and idempotency_key = $2',
              [values.userId, values.key],
            )
          ).rows[0]!.id;
        }
      }
    } finally {
      await client.query('rollback').catch(() => {});
      client.release();
    }
  }
  const n = bookings.length;
  return measured.map((t, j) => {
    const sum = sums[j]!;
    const r = (x: number) => Math.round((x / n) * 1000) / 1000;
    return {
      statement: describeStatement(t.text),
      planMs: r(sum.planMs),
      execMs: r(sum.execMs),
      walRecords: r(sum.walRecords),
      walBytes: r(sum.walBytes),
      walFpi: r(sum.walFpi),
    };
  });
}

interface ExplainJson {
  Plan: { 'WAL Records'?: number; 'WAL Bytes'?: number; 'WAL FPI'?: number };
  'Planning Time'?: number;
  'Execution Time'?: number;
}

/**
 * Runs a booking's captured statements on a raw pool: those before BEGIN one by one, the rest on one
 * connection. When the one-statement booking inserts nothing, the app books under the session's
 * lock: so does the replay, with `fallback`'s statements from its BEGIN.
 */
async function replay(
  pool: pg.Pool,
  template: TemplateStatement[],
  values: Record<string, string>,
  fallback: TemplateStatement[] | null = null,
) {
  let client: pg.PoolClient | null = null;
  let booking: { id: string; state: string; seats: number } | undefined;
  let statements = template;
  try {
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i]!;
      if (statement.text === 'begin') client = await pool.connect();
      const params = resolveParams(statement.plan, values);
      const result = client ? await client.query(statement.text, params) : await pool.query(statement.text, params);
      if (statement.returnsBooking && result.rows[0]) {
        booking = result.rows[0] as typeof booking;
        values.bookingId = booking!.id;
      } else if (statement.returnsBooking && !client && fallback) {
        statements = fallback;
        i = fallback.findIndex((t) => t.text === 'begin') - 1;
        fallback = null;
        continue;
      }
      if (statement.text === 'commit') {
        client!.release();
        client = null;
      }
    }
  } catch (error) {
    if (client) {
      await client.query('rollback').catch(() => {});
      client.release();
    }
    throw error;
  }
  if (!booking) throw new Error('The replayed statements inserted no booking');
  return { id: booking.id, state: booking.state, seats: booking.seats };
}

/** A statement in a few words: its verb and table(s), for the report. */
function describeStatement(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  if (/^(begin|commit|rollback)$/i.test(flat)) return flat.toUpperCase();
  const verb = /^(select|insert into|update|delete from)/i.exec(flat)?.[1]?.toUpperCase() ?? flat.slice(0, 20);
  const tables = [...flat.matchAll(/(?:from|into|update|join) "(\w+)"/gi)].map((x) => x[1]);
  const lock = /for update/i.test(flat) ? ' FOR UPDATE' : '';
  const returning = /returning/i.test(flat) ? ' RETURNING' : '';
  const where = /where (.{0,60})/i.exec(flat)?.[1];
  return `${verb} ${[...new Set(tables)].join(', ')}${lock}${returning}${where ? `  — where ${where}${flat.length > 60 ? '…' : ''}` : ''}`;
}

function latencyStats(sorted: Float64Array) {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 0.5)),
    p95: round(percentile(sorted, 0.95)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
  };
}

function sumOutcomes(runs: LoadRun[]) {
  const out: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.outcomes)) out[k] = (out[k] ?? 0) + v;
  for (const r of runs) {
    if (r.errors) out.SOCKET_ERROR = (out.SOCKET_ERROR ?? 0) + r.errors;
    if (r.timeouts) out.TIMEOUT = (out.TIMEOUT ?? 0) + r.timeouts;
  }
  const { CONFIRMED: _confirmed, ...rest } = out;
  return rest;
}

function sumExamples(runs: LoadRun[]) {
  const out: Record<string, string> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.examples)) out[k] ??= v;
  return out;
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
  const confirmed = runs.reduce((n, r) => n + (r.outcomes.CONFIRMED ?? 0), 0);
  const errors = Object.values(sumOutcomes(runs)).reduce((n, v) => n + v, 0);
  const perBooking = (total: number | null) => (total === null || confirmed === 0 ? null : total / confirmed);
  const sum = (pick: (r: LoadRun) => number | null) =>
    runs.some((r) => pick(r) === null) ? null : runs.reduce((n, r) => n + pick(r)!, 0);
  const server = sum((r) => r.serverCpuMs);
  const pgCpu = sum((r) => r.pgCpuMs);
  const generator = sum((r) => r.workerCpuMs);
  const total = server !== null && pgCpu !== null && generator !== null ? server + pgCpu + generator : null;
  const syncs = sum((r) => r.wal?.syncs ?? null);
  const machine = sum((r) => r.machineBusyMs);
  const capacity = seconds * 1000 * cpus().length;
  return {
    ...latencyStats(sorted),
    requests: sorted.length,
    seconds,
    confirmed,
    bookingsPerSecond: confirmed / seconds,
    requestsPerSecond: sorted.length / seconds,
    errors,
    cpu: {
      serverMsPerBooking: perBooking(server),
      pgMsPerBooking: perBooking(pgCpu),
      generatorMsPerBooking: perBooking(generator),
      totalMsPerBooking: perBooking(total),
      /** Share of all cores' time used by this benchmark (servers, PostgreSQL, load generator). */
      utilisation: total === null ? null : total / capacity,
      /** Share of all cores' time that was busy, whatever with. */
      machineBusy: machine === null ? null : machine / capacity,
      walSyncsPerBooking: perBooking(syncs),
    },
  };
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Where the app's thread spends its time, by package. A sample in native code (a V8 builtin, Intl,
 * JSON) counts for the innermost JavaScript frame that called it: the package that asked for the
 * work. Socket writes (writev) are set apart: the samples are wall time, and on loopback the kernel
 * often runs the woken receiver (a PostgreSQL backend) right there, so writev is mostly waiting
 * for a core. Shares are of the rest, the thread's own work; GC and unattributed native time too.
 */
function summariseProfile(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Leave out the benchmark's own frames (stopping the profiler runs on this thread too).
  const excluded = new Set<number>();
  const exclude = (id: number) => {
    excluded.add(id);
    for (const child of byId.get(id)?.children ?? []) exclude(child);
  };
  for (const n of profile.nodes) if (n.callFrame.url.includes('/bench/src/') && !excluded.has(n.id)) exclude(n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const packageOf = (url: string) => {
    if (url.startsWith('node:')) return `node core (${url.replace(/^node:(internal\/)?/, '').split('/')[0]})`;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(url)?.[1];
    if (pkg) return pkg;
    if (url.includes('/server/dist/')) return 'app (server/dist)';
    if (url.includes('/shared/dist/')) return 'app (shared/dist)';
    return url;
  };
  const categoryOf = (id: number): string => {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'native, not attributed (program)';
    if (url) return packageOf(url);
    const up = parent.get(id);
    return up === undefined || byId.get(up)!.callFrame.functionName === '(root)'
      ? 'native, not attributed'
      : categoryOf(up);
  };
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let work = 0;
  let writev = 0;
  let all = 0;
  for (const [id, time] of self) {
    const node = byId.get(id);
    if (!node || excluded.has(id)) continue;
    const { url, functionName, lineNumber } = node.callFrame;
    all += time;
    if (functionName === '(idle)' || functionName === '(root)') continue;
    if (functionName === 'writev' && !url) {
      writev += time;
      continue;
    }
    work += time;
    const category = categoryOf(id);
    categories.set(category, (categories.get(category) ?? 0) + time);
    const where = url
      ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/(server|shared)\/dist\//, '$1/')}:${lineNumber + 1}`
      : category.startsWith('GC') || category.startsWith('native')
        ? ''
        : `(native, called from ${category})`;
    const name = `${functionName || '(anonymous)'} ${where}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + time);
  }
  const ranked = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([name, time]) => ({ name, share: (100 * time) / work }));
  return {
    /** Of the sampled time: the thread's own work, and writev. */
    workShare: work / all,
    writevShare: writev / all,
    categories: ranked(categories),
    functions: ranked(functions).slice(0, 30),
  };
}

/**
 * The data, set-based: an educational organisation with an organiser, `courses` published courses
 * with one session each in the coming year (registration open, `seats` seats, most of them paid),
 * `tiny.sessions` more of `tiny.seats` seats for the seats-run-out phase, `users` bookers, and a
 * search_items row per course (markStale updates it on every booking, as in production; the row is
 * a plain version of what offers' syncIndex writes: nothing here searches it). Then VACUUM ANALYZE.
 */
async function seedBookings(
  client: pg.Client,
  sizes: { courses: number; users: number; seats: number; tiny: { sessions: number; seats: number } },
) {
  const started = performance.now();
  const v = vocabulary();
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaA$bm90LWEtcmVhbC1oYXNoLWp1c3QtYmVuY2g';
  const organiser = (
    await client.query<{ id: string }>(
      `insert into users (email, email_verified_at, password_hash, display_name, roles)
       values ('bench.organiser@example.fi', now(), $1, 'Kurssi Järjestäjä', '{EDUCATOR}') returning id`,
      [hash],
    )
  ).rows[0]!.id;
  const org = (
    await client.query<{ id: string }>(
      `insert into organisations (name, kind, municipality_code, verified_at)
       values ('Lapin koulutuskeskus, kampus Rovaniemi', 'EDUCATIONAL', '698', now()) returning id`,
    )
  ).rows[0]!.id;
  await client.query(`insert into memberships (organisation_id, user_id, role) values ($1, $2, 'OWNER')`, [
    org,
    organiser,
  ]);
  const users = (
    await client.query<{ id: string; name: string; email: string }>(
      `insert into users (email, email_verified_at, password_hash, display_name, roles, locale)
       select 'bench.booker' || g || '@example.fi', now(), $2,
         ($3::text[])[1 + g % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (g / 7) % cardinality($4::text[])],
         '{ENTREPRENEUR}'::user_role[], case g % 10 when 0 then 'sv' when 1 then 'en' else 'fi' end
       from generate_series(1, $1::int) g
       returning id, display_name as name, email`,
      [sizes.users, hash, v.firstNames, v.lastNames],
    )
  ).rows;
  const total = sizes.courses + sizes.tiny.sessions;
  await client.query(
    `insert into offers (kind, state, organisation_id, created_by, title, description, language, topics,
       municipality_code, online, languages, published_at)
     with p as (
       select g, 1 + g % cardinality($4::text[]) as t, 1 + (g / 3) % cardinality($4::text[]) as t2,
         1 + (g / 5) % cardinality($6::text[]) as a, 1 + (g / 11) % cardinality($6::text[]) as a2,
         1 + (g / 2) % cardinality($7::text[]) as m
       from generate_series(1, $3::int) g)
     select 'COURSE', 'PUBLISHED', $1::uuid, $2::uuid,
       upper(left(($5::text[])[t], 1)) || substr(($5::text[])[t], 2) || ' ' || ($6::text[])[a] || ' – koulutus',
       'Koulutuksessa perehdytään aiheeseen ' || ($5::text[])[t] || ' ' || ($6::text[])[a] || ' ja harjoitellaan '
         || ($5::text[])[t2] || ' ' || ($6::text[])[a2] || ' käytännön esimerkein. Koulutus järjestetään kunnassa '
         || ($8::text[])[m] || ', ja osa tehtävistä tehdään etänä.',
       'fi', array[($4::text[])[t]], ($7::text[])[m], false, '{fi}', now() - interval '1 day'
     from p`,
    [
      org,
      organiser,
      total,
      v.topics.map((t) => t.id),
      v.topics.map((t) => t.fi[0]!),
      v.activities.map((a) => a.fi),
      v.municipalities.map((m) => m.code),
      v.municipalities.map((m) => m.name),
    ],
  );
  const sessions = (
    await client.query<{ id: string; offerId: string; tiny: boolean }>(
      // One booker may hold every seat: users come round again on the same sessions run after run,
      // and the benchmark measures booking, not the cap per booker (bookings/rules.test.ts does).
      `insert into course_sessions (offer_id, starts_at, ends_at, registration_deadline, place, municipality_code,
         seats, max_seats_per_booker, price_cents, language)
       select o.id, s.starts, s.starts + interval '7 hours', s.starts - interval '7 days',
         case when o.rn <= $2::int then 'Koulutuskeskus' else 'Koulutuskeskus, pienryhmä' end,
         o.municipality_code, case when o.rn <= $2 then $3::int else $4::int end,
         case when o.rn <= $2 then $3::int else $4::int end, case when o.rn % 4 = 0 then 0 else 19900 end, 'fi'
       from (select id, municipality_code, row_number() over (order by id) as rn from offers where organisation_id = $1) o
       cross join lateral (select date_trunc('day', now()) + (30 + o.rn % 300) * interval '1 day' + interval '8 hours' as starts) s
       returning id, offer_id as "offerId", place like '%pienryhmä' as tiny`,
      [org, sizes.courses, sizes.seats, sizes.tiny.seats],
    )
  ).rows;
  await client.query(
    `insert into search_items (id, kind, title, excerpt, language, document, topics, facet_topics, municipality_code,
       remote, period_start, period_end, languages, organisation_name, price_cents, seats_free, next_starts_at,
       starts_on, visible_until, published_at, refresh_at)
     select o.id, 'COURSE', o.title, left(o.description, 240), o.language,
       setweight(to_tsvector('finnish', o.title), 'A') || setweight(to_tsvector('finnish', o.description), 'B')
         || setweight(to_tsvector('simple', org.name), 'C'),
       o.topics, o.topics, o.municipality_code, o.online,
       (s.starts_at at time zone 'Europe/Helsinki')::date, (s.ends_at at time zone 'Europe/Helsinki')::date,
       o.languages, org.name, s.price_cents, s.seats - s.seats_taken, s.starts_at, s.starts_at,
       s.registration_deadline, o.published_at, s.registration_deadline
     from offers o join organisations org on org.id = o.organisation_id join course_sessions s on s.offer_id = o.id
     where o.organisation_id = $1`,
    [org],
  );
  await client.query('vacuum analyze');
  const big = sessions.filter((s) => !s.tiny);
  const tiny = sessions.filter((s) => s.tiny);
  if (big.length !== sizes.courses || tiny.length !== sizes.tiny.sessions) {
    throw new Error(
      `Seeded ${big.length} + ${tiny.length} sessions, expected ${sizes.courses} + ${sizes.tiny.sessions}`,
    );
  }
  // In the order of their (random) ids, so that neighbours in the hot window are not neighbours on disk.
  big.sort((a, b) => (a.id < b.id ? -1 : 1));
  const strip = (list: typeof sessions) => list.map(({ id, offerId }) => ({ id, offerId }));
  return { users, sessions: strip(big), tiny: strip(tiny), ms: Math.round(performance.now() - started) };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
