import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API runs on the Fastify server; in development Vite forwards to it so that the app and
// the API share one origin, as in production (the refresh cookie is SameSite=Strict).
const api = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in the build: the server would hand the original source to anyone (it also
    // refuses *.map in production). Debug with `npm run dev`, which serves them from memory.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            {
              name: 'react-aria',
              test: /node_modules[\\/](react-aria-components|react-aria|react-stately|@react-aria|@react-stately|@react-types|@internationalized)[\\/]/,
            },
            // The report's charts and map (Recharts, d3): only the report page, loaded on demand, needs them.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z]+|internmap|@reduxjs|react-redux|redux|redux-thunk|immer|reselect|es-toolkit|eventemitter3|decimal\.js-light|tiny-invariant)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
      // Calendar files, the participant CSV and the personal calendar feed.
      '/api': api,
      '/calendar': api,
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: false },
      '/healthz': api,
      '/readyz': api,
      // Calendar files, the participant CSV and the personal calendar feed.
      '/api': api,
      '/calendar': api,
    },
  },
});
