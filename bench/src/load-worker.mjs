/**
 * One autocannon run in a worker thread, so that the load generator has its own event loop and
 * does not share one with the servers it measures (they run on the main thread).
 *
 * Latency: autocannon's own histogram records whole milliseconds and reports p50/p97.5/p99 but
 * no p95, so every response time (autocannon's 'response' event, measured from the request being
 * written to the response being parsed, in fractional ms) is kept and the percentiles are
 * computed exactly from all samples by the caller.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const { url, requests, connections, duration, maxRequests, expect } = workerData;
const latencies = [];

const options = {
  url,
  connections,
  duration,
  // A bound on the count as well as the time.
  maxOverallRequests: maxRequests,
  requests,
  // Every body is checked: a GraphQL error arrives with status 200.
  verifyBody: (body) => body.includes(expect.contains) && !body.includes(expect.notContains),
};

const instance = autocannon(options, (error, raw) => {
  if (error) {
    parentPort.postMessage({ error: String(error) });
    return;
  }
  // Outside the main thread autocannon leaves its histograms encoded: aggregate them here.
  const result = raw.latency ? raw : autocannon.aggregateResult([raw], options);
  const samples = Float64Array.from(latencies);
  parentPort.postMessage(
    {
      samples,
      seconds: (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000,
      total: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
      autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
    },
    [samples.buffer],
  );
});
instance.on('response', (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
