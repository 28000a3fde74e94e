import { describe, expect, it } from 'vitest';
import config from '../../vite.config';

describe('the production build', () => {
  it('emits no source maps (they would be served with the app)', () => {
    expect(config.build?.sourcemap).toBe(false);
  });
});
