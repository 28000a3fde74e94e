/**
 * Delivery on the built app, over real HTTP without a browser: the landing page and every script
 * and style it loads come compressed (the assets from the build's brotli copies) with the right
 * caching, and robots.txt and the sitemap list the demo marketplace in three languages.
 */
import { request } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as sent (still encoded). */
  body: Buffer;
}

/** A GET whose body is not decoded, so that the bytes on the wire can be counted. */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${inject('baseUrl')}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (response: Raw) =>
  response.headers['content-encoding'] === 'br' ? brotliDecompressSync(response.body) : response.body;

const BROWSER = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br' };

describe('the landing page', () => {
  it('comes compressed, and so does every script and style it loads, cached for a year', async () => {
    const page = await get('/', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = decoded(page).toString();
    const linked = [...new Set([...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
    const entry = linked.find((a) => a.endsWith('.js'));
    expect(entry).toBeDefined();
    // The entry asks for the app after the first paint: the app's chunks are named in it.
    const entryText = decoded(await get(entry!, { 'accept-encoding': 'br' })).toString();
    const app = [...entryText.matchAll(/"(assets\/[\w.-]+\.js)"/g)].map((m) => `/${m[1]!}`);
    expect(app.some((a) => /\/start-[\w-]+\.js$/.test(a))).toBe(true);
    const assets = [...new Set([...linked, ...app])];

    let sent = 0;
    let built = 0;
    for (const asset of assets) {
      const compressed = await get(asset, { 'accept-encoding': 'gzip, deflate, br' });
      const plain = await get(asset, { 'accept-encoding': 'identity' });
      expect(compressed.status).toBe(200);
      expect(compressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(compressed.headers.vary).toLowerCase()).toContain('accept-encoding');
      // Files over 1 KB have a brotli copy from the build; smaller ones go as they are.
      if (plain.body.length > 1024) expect(compressed.headers['content-encoding'], asset).toBe('br');
      else expect(compressed.headers['content-encoding'], asset).toBeUndefined();
      expect(decoded(compressed).equals(plain.body)).toBe(true);
      if (asset.endsWith('.js')) {
        sent += compressed.body.length;
        built += plain.body.length;
      }
    }
    console.log(`landing page: ${assets.length} scripts and styles; JavaScript ${built} B as built, ${sent} B sent`);
    expect(sent).toBeLessThan(built / 2.5);
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt names the sitemap and closes the private pages', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const text = response.body.toString();
    expect(text).toContain(`Sitemap: ${inject('baseUrl')}/sitemap.xml`);
    expect(text).toContain('Disallow: /account');
    expect(text).toContain('Disallow: /sv/my/');
  });

  it('the sitemap lists the demo courses, needs and organisations, each in Finnish, Swedish and English', async () => {
    const response = await get('/sitemap.xml', { 'accept-encoding': 'br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(response.headers['content-encoding']).toBe('br');
    const xml = decoded(response).toString();
    const base = inject('baseUrl');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const kind of ['offers', 'needs', 'organisations']) {
      const finnish = locs.filter((l) => l.startsWith(`${base}/${kind}/`));
      expect(finnish.length, kind).toBeGreaterThan(0);
      for (const loc of finnish) {
        const path = loc.slice(base.length);
        expect(locs).toContain(`${base}/sv${path}`);
        expect(locs).toContain(`${base}/en${path}`);
      }
    }
  });
});
