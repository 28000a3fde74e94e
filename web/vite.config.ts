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
        // React and the router change less often than the app: their chunk stays cached across
        // releases. Every other library goes with the routes that use it (routes.tsx loads each page
        // lazily), so the report's charts and map (Recharts, d3) are in its chunks only and the
        // public pages don't load the forms' libraries. (A catch-all vendor group would put every
        // library in the first load again.)
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
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
