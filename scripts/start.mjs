// `npm start`: the whole product on one port. `npm install` builds it (the `prepare` script);
// this builds only when a build is missing, then runs the compiled server.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const built = [
  'shared/dist/index.js',
  'server/dist/server.js',
  'web/dist/index.html',
  // The server renderer of the public pages, built with the web app.
  'web/dist-ssr/entry-server.js',
].every((f) => existsSync(new URL(`../${f}`, import.meta.url)));
if (!built) execSync('npm run build', { stdio: 'inherit', cwd: new URL('..', import.meta.url) });

// The quick start is a demo on the user's own machine: with nothing configured it listens on
// loopback only, so the development mailbox (password reset links and all) is turned on for it.
// Whoever sets DEV_MAILBOX, HOST off loopback, SMTP_URL or production decides for themselves.
const env = process.env;
const loopbackHost = !env.HOST || env.HOST === 'localhost' || env.HOST === '::1' || /^127\./.test(env.HOST);
if (env.DEV_MAILBOX === undefined && loopbackHost && !env.SMTP_URL && env.NODE_ENV !== 'production') {
  env.DEV_MAILBOX = 'true';
}
await import('../server/dist/server.js');
