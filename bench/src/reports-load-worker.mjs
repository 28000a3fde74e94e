/**
 * The reports benchmark's client, in a worker thread (its own event loop, apart from the servers
 * it measures): one request at a time over one keep-alive connection per target, `warmup`
 * requests per target first, then `rounds` rounds that each send one request to every target,
 * in an order that alternates round by round, so that a change in the machine's load hits every
 * target alike. Each request is timed from writing it to having the whole answer; every answer is
 * checked after its time is taken (status 200, `contains` present, `notContains` absent).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { targets, warmup, rounds } = workerData;

const clients = targets.map((t) => ({ ...t, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) }));

function send(target) {
  const url = new URL(target.path, target.url);
  const body = target.body ?? null;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: target.method,
        agent: target.agent,
        headers: { ...target.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
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
    request.end(body ?? undefined);
  });
}

async function timed(target) {
  const t0 = performance.now();
  const { status, text } = await send(target);
  const ms = performance.now() - t0;
  const ok = status === 200 && text.includes(target.contains) && !text.includes(target.notContains);
  return { ms, ok, example: ok ? null : `${status}: ${text.slice(0, 500)}`, bytes: Buffer.byteLength(text) };
}

try {
  for (const target of clients) {
    for (let i = 0; i < warmup; i++) {
      const r = await timed(target);
      if (!r.ok) throw new Error(`${target.name} failed in the warm-up: ${r.example}`);
    }
  }
  const samples = clients.map(() => []);
  const failures = clients.map(() => 0);
  const bytes = clients.map(() => 0);
  let example = null;
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    const order = clients.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const r = await timed(clients[i]);
      samples[i].push(r.ms);
      bytes[i] = r.bytes;
      if (!r.ok) {
        failures[i]++;
        example ??= `${clients[i].name} ${r.example}`;
      }
    }
  }
  const out = {
    seconds: (performance.now() - started) / 1000,
    results: clients.map((c, i) => ({
      name: c.name,
      samples: Float64Array.from(samples[i]),
      failures: failures[i],
      bytes: bytes[i],
    })),
    example,
  };
  parentPort.postMessage(
    out,
    out.results.map((r) => r.samples.buffer),
  );
} catch (error) {
  parentPort.postMessage({ error: String(error?.stack ?? error) });
} finally {
  for (const c of clients) c.agent.destroy();
}
