/**
 * One request at a time, in a worker thread (its own event loop, apart from the app it measures):
 * POSTs GraphQL bodies in turn over one keep-alive connection until `duration` seconds have
 * passed (or `maxRequests`), and times each from writing the request to having the whole answer.
 * Every answer is checked after its time is taken: no GraphQL errors, a list at
 * data.<root>.<field> with at most `maxItems` entries. Returns every time, the length of every
 * list and which body each request was, so the caller can split the figures by subject.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, token, bodies, duration, maxRequests, root, field, maxItems, offset } = workerData;
const target = new URL('/graphql', url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const samples = [];
const counts = [];
const which = [];
let errors = 0;
let tooMany = 0;
let example = null;
let i = offset;
const started = performance.now();
const until = started + duration * 1000;
try {
  while (performance.now() < until && samples.length < maxRequests) {
    const index = i % bodies.length;
    i++;
    const t0 = performance.now();
    const { status, text } = await post(bodies[index]);
    samples.push(performance.now() - t0);
    which.push(index);
    let list = null;
    let body = null;
    try {
      body = JSON.parse(text);
      list = body?.data?.[root]?.[field];
    } catch {
      // not JSON: counted below
    }
    if (status !== 200 || !body || body.errors || !Array.isArray(list)) {
      errors++;
      example ??= `${status}: ${text.slice(0, 500)}`;
      counts.push(-1);
      continue;
    }
    if (list.length > maxItems) tooMany++;
    counts.push(list.length);
  }
  const seconds = (performance.now() - started) / 1000;
  const out = {
    samples: Float64Array.from(samples),
    counts: Int32Array.from(counts),
    which: Int32Array.from(which),
    seconds,
    errors,
    tooMany,
    example,
    next: i,
  };
  parentPort.postMessage(out, [out.samples.buffer, out.counts.buffer, out.which.buffer]);
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
} finally {
  agent.destroy();
}
