// `npm start`: the whole product on one port. `npm install` builds it (the `prepare` script);
// this builds only when a build is missing, then runs the compiled server.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const built = ['shared/dist/index.js', 'server/dist/server.js', 'web/dist/index.html'].every((f) =>
  existsSync(new URL(`../${f}`, import.meta.url)),
);
if (!built) execSync('npm run build', { stdio: 'inherit', cwd: new URL('..', import.meta.url) });
await import('../server/dist/server.js');
