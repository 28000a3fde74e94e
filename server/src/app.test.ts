import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, codeOf, gql, type TestApp } from './test/helper.js';

let app: TestApp;
const webDist = mkdtempSync(join(tmpdir(), 'kv-web-'));
beforeAll(async () => {
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Osaamisen keskusvaraamo</title>');
  app = await buildTestApp({ WEB_DIST: webDist });
});
afterAll(() => app.closeAndDrop());

describe('health', () => {
  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('answers with its own request id, not one the client sent (plugins/http.test.ts)', async () => {
    const response = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('web app', () => {
  it('serves index.html for client routes, but not for API paths or missing files', async () => {
    const deep = await app.inject({ url: '/organisations/123', headers: { accept: 'text/html' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Osaamisen keskusvaraamo');
    expect((await app.inject({ url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(200);
    expect((await app.inject({ url: '/assets/missing.js', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/graphql/x', headers: { accept: 'text/html' } })).statusCode).toBe(404);
  });
});

describe('errors', () => {
  it('answers a malformed query with BAD_REQUEST and status 400', async () => {
    const r = await gql(app, `{ me { nonsense } }`);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('BAD_REQUEST');
  });

  it('hides internal failures: no SQL, no stack', async () => {
    // Break the database under the app: every query now fails inside a resolver.
    await app.db.execute(sql`alter table organisations rename to organisations_away`);
    try {
      const r = await gql(app, `{ organisations { totalCount } }`);
      expect(codeOf(r)).toBe('INTERNAL');
      expect(r.body).not.toMatch(/select|organisations_away|relation|at .*\.js/i);
    } finally {
      await app.db.execute(sql`alter table organisations_away rename to organisations`);
    }
  });
});
