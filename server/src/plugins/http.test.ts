/**
 * HTTP hygiene: security headers, 4xx for malformed requests (GraphQL over HTTP, checked with
 * graphql-http's audit), one error shape for REST routes, 503 when the database is away, request
 * ids, and no source maps in production.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { auditServer } from 'graphql-http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openDatabase } from '../db/client.js';
import { isDatabaseUnavailable } from '../lib/databaseErrors.js';
import { openTestDatabase, onRealPostgres, testConfig } from '../test/helper.js';

type App = Awaited<ReturnType<typeof buildApp>>;

const webDist = mkdtempSync(join(tmpdir(), 'kv-web-'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><html><head><title>Osaamisen keskusvaraamo</title></head><body></body></html>',
);
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
writeFileSync(join(webDist, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["src/main.tsx"]}');

/** An app on its own test database whose log lines the test can read. */
async function appWithLog(env: Record<string, string> = {}) {
  const { handle, drop } = await openTestDatabase();
  const lines: { level: number; msg?: string }[] = [];
  const app = await buildApp(testConfig({ WEB_DIST: webDist, GRAPHQL_RATE_LIMIT_PER_MINUTE: '0', ...env }), {
    database: handle,
    logger: { level: 'info', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
  });
  await app.ready();
  return {
    app,
    errorLines: () => lines.filter((l) => l.level >= 50),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

let app: App;
let errorLines: () => unknown[];
let closeApp: () => Promise<void>;
beforeAll(async () => {
  ({ app, errorLines, close: closeApp } = await appWithLog());
});
afterAll(() => closeApp());

const post = (payload: string, contentType = 'application/json') =>
  app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': contentType }, payload });

describe('security headers', () => {
  it('are on every response: the app, the API and a 404', async () => {
    for (const response of [
      await app.inject({ url: '/', headers: { accept: 'text/html' } }),
      await post('{"query":"{ __typename }"}'),
      await app.inject({ url: '/api/nothing-here' }),
    ]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/script-src 'self'( 'nonce-[0-9a-f]+')?;/);
      expect(csp).toMatch(/style-src 'self'( 'nonce-[0-9a-f]+')?;/);
      expect(csp).toContain("connect-src 'self' ws://localhost:3000");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      // Outside production the app is served over plain http.
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it("give the page a fresh nonce for the <style> elements react-aria adds, and it is the page's only inline style", async () => {
    const nonceOf = async () => {
      const page = await app.inject({ url: '/search', headers: { accept: 'text/html' } });
      const nonce = /style-src 'self' 'nonce-([0-9a-f]+)'/.exec(String(page.headers['content-security-policy']))?.[1];
      expect(page.body).toContain(`<meta property="csp-nonce" nonce="${nonce}" />`);
      return nonce;
    };
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
  });
});

describe('malformed GraphQL requests', () => {
  it('get a 4xx BAD_REQUEST that says what was wrong, and no error in the log', async () => {
    const cases: [string, () => ReturnType<typeof post>, number, RegExp][] = [
      ['invalid JSON', () => post('{"query": '), 400, /not valid JSON/],
      ['an empty body', () => post(''), 400, /cannot be empty/],
      ['no query', () => post('{}'), 400, /no query/],
      ['a query that is not a string', () => post('{"query": 1}'), 400, /GraphQL text/],
      [
        'a syntax tree in JSON',
        () => post(JSON.stringify({ query: '{"kind":"Document","definitions":[]}' })),
        400,
        /GraphQL text/,
      ],
      [
        'a body over 1 MiB',
        () => post(JSON.stringify({ query: '{ __typename }', x: 'x'.repeat(1_100_000) })),
        413,
        /too large/,
      ],
      ['text/plain', () => post('{"query":"{ __typename }"}', 'text/plain'), 415, /Unsupported Media Type/],
      ['XML', () => post('<query/>', 'application/xml'), 415, /Unsupported Media Type/],
    ];
    for (const [what, send, status, message] of cases) {
      const response = await send();
      expect({ what, status: response.statusCode }).toEqual({ what, status });
      const body = response.json();
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(body.errors[0].message).toMatch(message);
    }
    const get = await app.inject({ url: '/graphql', headers: { accept: 'application/json' } });
    expect(get.statusCode).toBe(400);
    const mutationOverGet = await app.inject({ url: `/graphql?query=${encodeURIComponent('mutation { signOut }')}` });
    expect(mutationOverGet.statusCode).toBe(405);
    expect(errorLines()).toEqual([]);
  });

  it('accepts "extensions": null and "variables": null', async () => {
    const response = await post('{"query":"{ __typename }","variables":null,"extensions":null,"operationName":null}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it("pass every MUST of graphql-http's GraphQL over HTTP audit", async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const results = await auditServer({ url: `${address}/graphql` });
    const failed = results.filter((r) => r.id && r.name.startsWith('MUST') && r.status !== 'ok');
    expect(failed.map((r) => `${r.name}: ${r.status === 'ok' ? '' : r.reason}`)).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
  });
});

describe('REST routes', () => {
  it('answer every error in one shape: { error: { code, message } }', async () => {
    const cases: [InjectOptions, number, string][] = [
      [{ url: '/api/nothing-here' }, 404, 'NOT_FOUND'],
      [{ method: 'POST', url: '/nothing-here' }, 404, 'NOT_FOUND'],
      [{ url: `/api/sessions/${randomUUID()}.ics` }, 404, 'NOT_FOUND'],
      [{ url: `/calendar/${'x'.repeat(30)}.ics` }, 404, 'NOT_FOUND'],
      [{ method: 'POST', url: '/api/unsubscribe?token=forged' }, 400, 'TOKEN_INVALID'],
      [
        { method: 'POST', url: '/api/unsubscribe', headers: { 'content-type': 'application/json' }, payload: '{' },
        400,
        'BAD_REQUEST',
      ],
      [
        { url: `/api/bookings/${randomUUID()}.ics`, headers: { authorization: 'Bearer forged' } },
        401,
        'UNAUTHENTICATED',
      ],
    ];
    for (const [request, status, code] of cases) {
      const response = await app.inject(request);
      expect({ request, status: response.statusCode }).toEqual({ request, status });
      expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
    }
  });

  it('say which scheme would work on 401 (WWW-Authenticate: Bearer)', async () => {
    const response = await app.inject({
      url: `/api/bookings/${randomUUID()}.ics`,
      headers: { authorization: 'Bearer x' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('request ids', () => {
  it("are our own: a client's X-Request-Id is not taken", async () => {
    for (const sent of ['abc-123', randomUUID(), 'x\r\nforged log line']) {
      const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': sent } });
      expect(response.headers['x-request-id']).not.toBe(sent);
      expect(response.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    }
  });
});

describe('in production', () => {
  let production: Awaited<ReturnType<typeof appWithLog>>;
  beforeAll(async () => {
    production = await appWithLog({ NODE_ENV: 'production', DATABASE_URL: 'postgres://not-used/x', TRUST_PROXY: '1' });
  });
  afterAll(() => production.close());

  it('pins HTTPS (HSTS) and upgrades insecure requests', async () => {
    const response = await production.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('serves no source maps (development does)', async () => {
    expect((await production.app.inject('/assets/index-abc.js')).statusCode).toBe(200);
    const map = await production.app.inject('/assets/index-abc.js.map');
    expect(map.statusCode).toBe(404);
    expect(map.body).not.toContain('sources');
    expect((await app.inject('/assets/index-abc.js.map')).statusCode).toBe(200);
  });

  it("keeps a trusted proxy's request id when it is a UUID, and no other", async () => {
    const proxied = randomUUID();
    const kept = await production.app.inject({ url: '/healthz', headers: { 'x-request-id': proxied } });
    expect(kept.headers['x-request-id']).toBe(proxied);
    const replaced = await production.app.inject({ url: '/healthz', headers: { 'x-request-id': 'x\r\nforged' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphiQL in development', () => {
  it('gets the looser policy it needs on its own pages only', async () => {
    const development = await appWithLog({ NODE_ENV: 'development' });
    try {
      const graphiql = await development.app.inject('/graphiql');
      expect(graphiql.statusCode).toBe(200);
      expect(graphiql.headers['content-security-policy']).toContain('https://unpkg.com');
      const page = await development.app.inject({ url: '/', headers: { accept: 'text/html' } });
      expect(page.headers['content-security-policy']).not.toContain('unpkg');
    } finally {
      await development.close();
    }
  });
});

describe('a database outage', () => {
  it('recognises connection errors from pg and PGlite, and only those', async () => {
    const client = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:1/none' });
    const refused = await client.connect().catch((error: unknown) => error);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(
      isDatabaseUnavailable({ code: '57P01', message: 'terminating connection due to administrator command' }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: { code: '53300' } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('PGlite is closed'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: { code: '42P01' } }))).toBe(false);
    expect(isDatabaseUnavailable({ code: '23505' })).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });

  /** The answers of an app whose database has just gone away. */
  async function expectUnavailable(target: App) {
    const graphql = await target.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ search(first: 1) { totalCount } }' }),
    });
    expect(graphql.statusCode).toBe(503);
    expect(graphql.headers['retry-after']).toBe('5');
    expect(graphql.json().errors[0].extensions).toEqual({ code: 'UNAVAILABLE', retryAfterSeconds: 5 });
    const rest = await target.inject({ url: `/api/sessions/${randomUUID()}.ics` });
    expect(rest.statusCode).toBe(503);
    expect(rest.headers['retry-after']).toBe('5');
    expect(rest.json()).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String), retryAfterSeconds: 5 } });
  }

  it('is answered 503 UNAVAILABLE with Retry-After, over GraphQL and REST alike (its database closed)', async () => {
    const { handle, drop } = await openTestDatabase();
    let closed = false;
    const closeOnce = async () => {
      if (!closed) await handle.close();
      closed = true;
    };
    const lines: { level: number }[] = [];
    const target = await buildApp(testConfig({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '100' }), {
      database: { ...handle, close: closeOnce },
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(JSON.parse(line)) } },
    });
    try {
      await target.ready();
      await closeOnce();
      await expectUnavailable(target);
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    } finally {
      // Its LISTEN cannot be ended on a closed database.
      await target.close().catch(() => {});
      await drop();
    }
  });

  it.runIf(onRealPostgres)('is answered 503 when PostgreSQL goes away under a running server', async () => {
    const { url, drop } = await openTestDatabase();
    const upstream = new URL(url!);
    const sockets = new Set<Socket>();
    // A TCP proxy between the app and PostgreSQL: closing it is the outage.
    const proxy = createServer((client) => {
      const server = new Socket();
      server.connect(Number(upstream.port || 5432), upstream.hostname);
      client.pipe(server).pipe(client);
      for (const s of [client, server]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const through = new URL(url!);
    through.host = `127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const target = await buildApp(testConfig({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '100' }), {
      database: await openDatabase({ kind: 'postgres', url: through.toString() }),
      logger: false,
    });
    try {
      await target.ready();
      const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await expectUnavailable(target);
    } finally {
      await target.close().catch(() => {});
      await drop();
    }
  });
});
