import { defineConfig } from 'vitest/config';
import { localeTextParts } from './localeTextParts.ts';

export default defineConfig({
  // The parts of each language's texts the browser loads (src/shared/i18n/textParts.ts).
  plugins: [localeTextParts()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/shared/testing/setup.ts'],
    // Component tests type and click through whole forms; on a busy two-core CI machine one such test
    // has taken over the default 5 s. A hang still fails, after 30 s.
    testTimeout: 30_000,
  },
});
