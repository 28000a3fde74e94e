/**
 * One autocannon run of booking requests in a worker thread (its own event loop, apart from the
 * servers it measures on the main thread).
 *
 * Why autocannon with `setupRequest` and not a hand-written undici loop: autocannon already keeps
 * N keep-alive connections each with one request in flight (a closed loop, like 100 people
 * clicking "Book" again as soon as they see the answer), times every response and bounds the run
 * in time and count; `setupRequest` builds each request anew, so every one carries its own user
 * token, idempotency key and session, and `onResponse` sees every body. The search benchmark
 * measures with the same tool, so the figures compare.
 *
 * Requests are numbered across runs (`startAt`): request i is made by user i mod U, with key
 * `<tag>-i`, on a session drawn at random from a window of `hot` consecutive sessions that slides
 * one session every `step` requests. So at any moment the 100 connections book on ~`hot` courses
 * at once (several people on the same session, waiting for each other's row lock), and over the
 * whole run the bookings spread evenly over all sessions (about `step` per session per pass).
 *
 * Paced runs (`rate`) are open-loop instead: a request is due every 1/rate s whether or not the
 * earlier ones were answered, sent over at most `connections` keep-alive sockets (node:http), and
 * its latency counts from when it was due, so a late generator or a queue for a socket shows in it.
 * (autocannon's own rate limit sends each connection's quota in a burst at the start of every
 * second, which measures the burst, and gives connections beyond the rate no limit at all.)
 *
 * Outcomes are tallied from every body: the booking's state, or the error code (a GraphQL error
 * arrives with status 200). Latencies as in load-worker.mjs: every response time, fractional ms.
 * The worker also reports its own thread's CPU time (/proc/thread-self/stat), so the main thread
 * can tell the load generator's share from the servers'.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const {
  url,
  target,
  connections,
  duration,
  maxRequests,
  users,
  sessions,
  startAt,
  hot,
  step,
  pairEvery,
  joinWaitlistEvery,
  tag,
  rate,
} = workerData;

const MUTATION = 'mutation Book($input: BookSeatsInput!) { bookSeats(input: $input) { id state seats } }';
const PATHS = { graphql: '/graphql', raw: '/book', replay: '/book-replay', floor: '/book-floor' };
if (!PATHS[target]) throw new Error(`Unknown target ${target}`);

/** CPU seconds of this thread so far (utime + stime, in clock ticks of 10 ms), or null off Linux. */
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

let next = startAt;
function booking() {
  const i = next++;
  const user = users[i % users.length];
  const window = Math.floor(i / step);
  const session = sessions[(window + Math.floor(Math.random() * hot)) % sessions.length];
  const participants =
    pairEvery > 0 && i % pairEvery === 0
      ? [
          { name: `Osallistuja ${i} A`, email: `osallistuja${i}a@example.fi` },
          { name: `Osallistuja ${i} B`, email: `osallistuja${i}b@example.fi` },
        ]
      : null;
  const whenShort = joinWaitlistEvery > 0 && i % joinWaitlistEvery === 0 ? 'JOIN_WAITLIST' : null;
  return { i, user, session, participants, whenShort, key: `${tag}-${i}` };
}

/** The billing details a booking of more than one seat on a paid session needs (shared's billingRequired). */
const BILLING = {
  organisationName: 'Penkkiyhtiö Oy',
  businessId: '1572860-0',
  invoiceMethod: 'EMAIL',
  invoiceEmail: 'laskut@example.fi',
};

function setupRequest(request) {
  const b = booking();
  if (target === 'graphql') {
    const input = { sessionId: b.session, idempotencyKey: b.key };
    // Two named people on a paid course: a company's booking, with the billing details it needs.
    if (b.participants) Object.assign(input, { participants: b.participants, billing: BILLING });
    if (b.whenShort) input.whenShort = b.whenShort;
    return {
      ...request,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${b.user.token}` },
      body: JSON.stringify({ query: MUTATION, variables: { input } }),
    };
  }
  // The raw routes do not authenticate: the user comes in the body (see bookings.ts).
  return {
    ...request,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      userId: b.user.id,
      name: b.user.name,
      email: b.user.email,
      sessionId: b.session,
      key: b.key,
      participants: b.participants,
    }),
  };
}

const outcomes = {};
/** One body per outcome other than CONFIRMED, to show what went wrong. */
const examples = {};
let seatsConfirmed = 0;
/** autocannon calls onResponse and then, synchronously, emits 'response' with the time. */
let lastOutcome = 'UNKNOWN';
const latencyByOutcome = {};
const STATE = /"state":"([A-Z]+)"/;
const SEATS = /"seats":(\d+)/;
const CODE = /"code":"([A-Z_]+)"/;
function onResponse(status, body) {
  const state = status === 200 && !body.includes('"errors"') ? STATE.exec(body)?.[1] : undefined;
  const outcome = state ?? CODE.exec(body)?.[1] ?? `HTTP_${status}`;
  outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  lastOutcome = outcome;
  if (state === 'CONFIRMED') seatsConfirmed += Number(SEATS.exec(body)?.[1] ?? 0);
  else examples[outcome] ??= body.slice(0, 300);
}

const latencies = [];
const record = (responseTime) => {
  latencies.push(responseTime);
  (latencyByOutcome[lastOutcome] ??= []).push(responseTime);
};

function report(fields) {
  const samples = Float64Array.from(latencies);
  parentPort.postMessage(
    { samples, outcomes, latencyByOutcome, examples, seatsConfirmed, next, timeouts: 0, ...fields },
    [samples.buffer],
  );
}

// The main thread takes its own CPU readings when this arrives, after the worker has loaded.
parentPort.postMessage({ started: true });
const cpuBefore = threadCpuMs();
const cpuUsed = () => {
  const cpuAfter = threadCpuMs();
  return cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
};

if (rate) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const interval = 1000 / rate;
  const start = performance.now();
  const end = start + duration * 1000;
  let sent = 0;
  let pending = 0;
  let errors = 0;
  let non2xx = 0;
  let finished = false;
  const finish = () => {
    agent.destroy();
    report({
      seconds: (performance.now() - start) / 1000,
      total: sent,
      non2xx,
      errors,
      workerCpuMs: cpuUsed(),
    });
  };
  const settle = () => {
    pending--;
    if (finished && pending === 0) finish();
  };
  const send = (due) => {
    const { path, headers, body } = setupRequest({ path: PATHS[target] });
    pending++;
    const request = http.request(
      {
        agent,
        hostname,
        port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => {
          if (response.statusCode < 200 || response.statusCode > 299) non2xx++;
          onResponse(response.statusCode, text);
          record(performance.now() - due);
          settle();
        });
      },
    );
    request.on('error', () => {
      errors++;
      settle();
    });
    request.end(body);
  };
  const tick = () => {
    const now = performance.now();
    while (start + sent * interval <= now && start + sent * interval < end && sent < maxRequests) {
      send(start + sent * interval);
      sent++;
    }
    if (start + sent * interval >= end || sent >= maxRequests) {
      finished = true;
      if (pending === 0) finish();
      return;
    }
    setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
  };
  tick();
} else {
  const options = {
    url,
    connections,
    duration,
    maxOverallRequests: maxRequests,
    requests: [{ method: 'POST', path: PATHS[target], setupRequest, onResponse }],
  };
  const instance = autocannon(options, (error, raw) => {
    if (error) {
      parentPort.postMessage({ error: String(error) });
      return;
    }
    const result = raw.latency ? raw : autocannon.aggregateResult([raw], options);
    report({
      seconds: (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      workerCpuMs: cpuUsed(),
    });
  });
  instance.on('response', (_client, _statusCode, _bytes, responseTime) => record(responseTime));
}
