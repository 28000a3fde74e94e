/**
 * Compression and caching: the built assets are sent from their pre-compressed copies (brotli, else
 * gzip, else as they are) with `Vary: Accept-Encoding` and a year's immutable caching; dynamic
 * responses (GraphQL, the app's HTML) are compressed on the fly above 1 KB, keeping the security
 * headers; source maps stay unserved in production, compressed or not.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { openTestDatabase, testConfig } from '../test/helper.js';

const webDist = mkdtempSync(join(tmpdir(), 'kv-web-'));
const padding = Array.from({ length: 200 }, (_, i) => `<p>Kappale ${i}</p>`).join('');
writeFileSync(
  join(webDist, 'index.html'),
  `<!doctype html><html><head><title>Osaamisen keskusvaraamo</title></head><body>${padding}</body></html>`,
);
mkdirSync(join(webDist, 'assets'));
const script = `${'export const greeting = "hei maailma";\n'.repeat(200)}//# sourceMappingURL=index-abc.js.map`;
writeFileSync(join(webDist, 'assets', 'index-abc.js'), script);
// What the build writes beside it (web/vite.config.ts, precompress).
writeFileSync(join(webDist, 'assets', 'index-abc.js.br'), brotliCompressSync(script));
writeFileSync(join(webDist, 'assets', 'index-abc.js.gz'), gzipSync(script));
const map = '{"version":3,"sources":["src/main.tsx"]}';
writeFileSync(join(webDist, 'assets', 'index-abc.js.map'), map);
writeFileSync(join(webDist, 'assets', 'index-abc.js.map.br'), brotliCompressSync(map));
writeFileSync(join(webDist, 'assets', 'index-abc.js.map.gz'), gzipSync(map));
// A small file the build leaves uncompressed.
writeFileSync(join(webDist, 'assets', 'tiny-abc.css'), 'body{margin:0}');
// A worker's script, which runs under the policy it is sent with.
writeFileSync(join(webDist, 'assets', 'warmUp.worker-abc.js'), 'self.onmessage = () => self.close();');
// An image that a browser would open as a document of its own.
writeFileSync(join(webDist, 'assets', 'logo-abc.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

type App = Awaited<ReturnType<typeof buildApp>>;

async function appWith(env: Record<string, string> = {}) {
  const { handle, drop } = await openTestDatabase();
  const app = await buildApp(testConfig({ WEB_DIST: webDist, GRAPHQL_RATE_LIMIT_PER_MINUTE: '0', ...env }), {
    database: handle,
  });
  await app.ready();
  return { app, close: () => app.close().then(drop) };
}

let app: App;
let close: () => Promise<unknown>;
beforeAll(async () => {
  ({ app, close } = await appWith());
});
afterAll(() => close());

const varies = (header: unknown) =>
  String(header ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe('built assets', () => {
  it('are sent from the brotli copy to a browser that takes brotli', async () => {
    const response = await app.inject({
      url: '/assets/index-abc.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(varies(response.headers.vary)).toBe(true);
    expect(response.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(script);
  });

  it('are sent from the gzip copy where brotli is not taken, and as they are where nothing is', async () => {
    const gzipped = await app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(varies(gzipped.headers.vary)).toBe(true);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(varies(plain.headers.vary)).toBe(true);
    expect(plain.payload).toBe(script);
  });

  it('are cached for a year as immutable, with the security headers that act on a script or stylesheet', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': encoding } });
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
      // What acts only on a document is left off: some 600 bytes on each of a page's scripts. So are
      // the validators: an immutable file is never asked about again.
      for (const header of [
        'content-security-policy',
        'x-frame-options',
        'referrer-policy',
        'x-request-id',
        'etag',
        'last-modified',
      ]) {
        expect(response.headers[header]).toBeUndefined();
      }
    }
    // A worker's script keeps the policy, which is the worker's own.
    const worker = await app.inject({ url: '/assets/warmUp.worker-abc.js' });
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect(String(worker.headers['content-security-policy'])).toContain("default-src 'self'");
    const small = await app.inject({ url: '/assets/tiny-abc.css', headers: { 'accept-encoding': 'br' } });
    expect(small.statusCode).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(small.headers['content-security-policy']).toBeUndefined();
    // An SVG opened by itself is a document, and runs its scripts: it keeps the policy and the rest.
    const image = await app.inject({ url: '/assets/logo-abc.svg' });
    expect(image.statusCode).toBe(200);
    expect(String(image.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(image.headers['x-frame-options']).toBe('DENY');
    // A missing asset's answer, even to a browser asking for a page, keeps the policy.
    const missing = await app.inject({ url: '/assets/missing-abc.js', headers: { accept: 'text/html' } });
    expect(missing.statusCode).toBeGreaterThanOrEqual(400);
    expect(String(missing.headers['content-security-policy'])).toContain("default-src 'self'");
    // A path that only looks like an asset's gets the headers of every other response.
    const lookalike = await app.inject({ url: '/assets/../index.html?x=.js', headers: { accept: 'text/html' } });
    expect(String(lookalike.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});

describe('dynamic responses', () => {
  const introspection = JSON.stringify({ query: '{ __schema { types { name kind } } }' });

  it('GraphQL JSON over 1 KB is compressed with brotli, else gzip, and keeps the security headers', async () => {
    const br = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      payload: introspection,
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(varies(br.headers.vary)).toBe(true);
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['x-request-id']).toBeTruthy();
    const body = brotliDecompressSync(br.rawPayload).toString();
    expect(body.length).toBeGreaterThan(1024);
    expect(br.rawPayload.length).toBeLessThan(body.length / 3);
    expect(JSON.parse(body).data.__schema.types.length).toBeGreaterThan(10);

    const gzip = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      payload: introspection,
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString())).toEqual(JSON.parse(body));
  });

  it('leaves small responses and clients that take no encoding alone', async () => {
    const small = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br' },
      payload: '{"query":"{ __typename }"}',
    });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ data: { __typename: 'Query' } });

    const identity = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: introspection,
    });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json().data.__schema.types.length).toBeGreaterThan(10);
  });

  it("the app's HTML is compressed, stays uncached and keeps its CSP nonce", async () => {
    const response = await app.inject({
      url: '/search',
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    const html = brotliDecompressSync(response.rawPayload).toString();
    expect(html).toContain('Kappale 199');
    const nonce = /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(String(response.headers['content-security-policy'])).toContain(`'nonce-${nonce}'`);
  });
});

describe('in production', () => {
  let production: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    production = await appWith({ NODE_ENV: 'production', DATABASE_URL: 'postgres://not-used/x' });
  });
  afterAll(() => production.close());

  it('serves no source map, nor a compressed copy of one', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const response = await production.app.inject({
        url: '/assets/index-abc.js.map',
        headers: { 'accept-encoding': encoding },
      });
      expect(response.statusCode).toBe(404);
      expect(response.rawPayload.toString()).not.toContain('src/main.tsx');
    }
    for (const copy of ['/assets/index-abc.js.map.br', '/assets/index-abc.js.map.gz']) {
      expect((await production.app.inject(copy)).statusCode).toBe(404);
    }
    const script = await production.app.inject({ url: '/assets/index-abc.js', headers: { 'accept-encoding': 'br' } });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('br');
  });
});

describe('compressed request bodies', () => {
  const post = (payload: Buffer | string, encoding: string) =>
    app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding },
      payload,
    });

  it('are read when gzip, and refused with a 4xx when too large unpacked, broken or of an unknown encoding', async () => {
    expect((await post(gzipSync('{"query":"{ __typename }"}'), 'gzip')).json()).toEqual({
      data: { __typename: 'Query' },
    });
    // 200 MB of spaces in 200 KB: the body limit counts what it unpacks to.
    const bomb = await post(gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)), 'gzip');
    expect(bomb.statusCode).toBe(413);
    const broken = await post(Buffer.from('not gzip at all'), 'gzip');
    expect(broken.statusCode).toBe(400);
    const unknown = await post('{"query":"{ __typename }"}', 'zstd');
    expect(unknown.statusCode).toBe(415);
    for (const refused of [bomb, broken, unknown]) expect(refused.body).not.toContain('INTERNAL');
  });
});
