import { defineConfig } from 'vitest/config';
import { localeTextParts } from './localeTextParts.ts';

export default defineConfig({
  // The parts of each language's texts the browser loads (src/shared/i18n/textParts.ts).
  plugins: [localeTextParts()],
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/shared/testing/setup.ts'],
  },
});
