import { describe, expect, it } from 'vitest';
import { headHtml, headTags, resolveMeta, summarise } from './PageMeta';

const context = {
  locale: 'sv' as const,
  siteName: 'Osaamisen keskusvaraamo',
  publicUrl: 'https://kv.example',
  pathname: '/search',
  search: '?kind=COURSE',
};

describe('PageMeta', () => {
  it('cuts a description at a word, near 155 characters, on one line', () => {
    const text = `Kurssi\n\naurinkosähköstä ${'maatiloille ja '.repeat(20)}loppu`;
    const cut = summarise(text);
    expect(cut.length).toBeLessThanOrEqual(155);
    expect(cut).toMatch(/^Kurssi aurinkosähköstä maatiloille/);
    expect(cut).toMatch(/\S…$/);
    expect(summarise('Lyhyt kuvaus.')).toBe('Lyhyt kuvaus.');
  });

  it('gives absolute canonical and alternates in each language, the query only when it is the page’s', () => {
    const meta = resolveMeta({ title: 'Sök', keepQuery: true, noindex: true }, context);
    expect(meta.title).toBe('Sök – Osaamisen keskusvaraamo');
    expect(meta.canonical).toBe('https://kv.example/sv/search?kind=COURSE');
    expect(meta.alternates).toEqual([
      { hreflang: 'fi', href: 'https://kv.example/search?kind=COURSE' },
      { hreflang: 'sv', href: 'https://kv.example/sv/search?kind=COURSE' },
      { hreflang: 'en', href: 'https://kv.example/en/search?kind=COURSE' },
      { hreflang: 'x-default', href: 'https://kv.example/search?kind=COURSE' },
    ]);
    expect(resolveMeta({ title: 'Sök' }, context).canonical).toBe('https://kv.example/sv/search');
  });

  it('a page for nothing: noindex, no canonical, alternates or structured data', () => {
    const meta = resolveMeta({ title: 'Hittades inte', notFound: true, structuredData: () => ({ a: 1 }) }, context);
    expect(meta).toMatchObject({ canonical: null, alternates: [], jsonLd: null, noindex: true });
  });

  it('renders the head escaped, with JSON-LD that no text can end early', () => {
    const meta = resolveMeta(
      {
        title: 'A "quoted" <b>title</b> & more',
        description: 'Kuvaus "lainaus" <script>',
        type: 'article',
        structuredData: ({ locale, publicUrl }) => ({ name: '</script><script>alert(1)</script>', locale, publicUrl }),
      },
      context,
    );
    const html = headHtml(headTags(meta));
    expect(html).toContain(
      '<title data-page-meta>A "quoted" &lt;b&gt;title&lt;/b&gt; &amp; more – Osaamisen keskusvaraamo</title>',
    );
    expect(html).toContain(
      '<meta data-page-meta name="description" content="Kuvaus &quot;lainaus&quot; &lt;script&gt;">',
    );
    expect(html).toContain('<meta data-page-meta property="og:locale" content="sv_FI">');
    expect(html).toContain('<meta data-page-meta property="og:locale:alternate" content="fi_FI">');
    expect(html).toContain('<meta data-page-meta property="og:type" content="article">');
    expect(html).toContain('<meta data-page-meta name="twitter:card" content="summary">');
    const script = html.match(/<script data-page-meta type="application\/ld\+json">(.*?)<\/script>/s)![1]!;
    expect(script).not.toContain('<');
    expect(JSON.parse(script)).toEqual({
      name: '</script><script>alert(1)</script>',
      locale: 'sv',
      publicUrl: 'https://kv.example',
    });
  });
});
