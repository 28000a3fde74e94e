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
