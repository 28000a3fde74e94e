import { describe, expect, it } from 'vitest';
import config from '../../vite.config';

const production = config({ mode: 'production', command: 'build' });

describe('the production build', () => {
  it('emits no source maps (they would be served with the app)', () => {
    expect(production.build?.sourcemap).toBe(false);
  });

  it('takes React Router’s production build, for the app and react-router/dom alike', () => {
    const aliases = production.resolve?.alias as { find: RegExp; replacement: string }[];
    expect(aliases.map((alias) => alias.replacement)).toEqual([
      expect.stringMatching(/react-router[\\/]dist[\\/]production[\\/]index\.mjs$/),
      expect.stringMatching(/react-router[\\/]dist[\\/]production[\\/]dom-export\.mjs$/),
    ]);
  });
});

describe('the page shell', () => {
  it('asks for the stylesheet, which blocks the first paint, before the scripts, which do not', () => {
    const plugin = production.plugins
      ?.flat()
      .find(
        (candidate) =>
          candidate &&
          typeof candidate === 'object' &&
          'name' in candidate &&
          candidate.name === 'keskusvaraamo:styles-first',
      ) as unknown as { transformIndexHtml: { handler: (html: string) => string } };
    const built = [
      '<head>',
      '    <script type="module" crossorigin src="/assets/index.js"></script>',
      '    <link rel="modulepreload" crossorigin href="/assets/react.js">',
      '    <link rel="stylesheet" crossorigin href="/assets/index.css">',
      '  </head>',
    ].join('\n');
    const html = plugin.transformIndexHtml.handler(built);
    expect(html.indexOf('index.css')).toBeLessThan(html.indexOf('index.js'));
    expect(html.match(/rel="stylesheet"/g)).toHaveLength(1);
    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/react.js">');
  });
});
