/**
 * Starts the built server (API + built web app, same origin) on a free port with a fresh embedded
 * database seeded with the demo accounts, and hands its address to the tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const REPO_ROOT = resolve(import.meta.dirname, '..');
const SERVER_ENTRY = join(REPO_ROOT, 'server/dist/server.js');
const WEB_INDEX = join(REPO_ROOT, 'web/dist/index.html');
// The first start seeds the demo marketplace: tens of seconds on two busy cores.
const READY_TIMEOUT_MS = 90_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

async function waitForReady(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`The server did not become ready in ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject) {
  for (const [file, hint] of [
    [SERVER_ENTRY, 'npm run build -w server'],
    [WEB_INDEX, 'npm run build -w web'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`${hint}\` (or \`npm run build\`) first`);
  }

  const dataDir = await mkdtemp(join(tmpdir(), 'keskusvaraamo-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The embedded database in the fresh directory, and the development mailbox (no SMTP server),
  // whatever the developer's shell points at. The mailbox is on (DEV_MAILBOX) and the browser reads it
  // from loopback without signing in, which needs the server to trust no proxy.
  const { DATABASE_URL: _database, SMTP_URL: _smtp, ...inherited } = process.env;
  const server = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      COOKIE_SECURE: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'true',
      // The mail worker delivers to the development mailbox every second, so tests can read the mail.
      DEV_MAILBOX: 'true',
      TRUST_PROXY: 'false',
      MAIL_DELIVERY: 'true',
      MAIL_POLL_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);

  try {
    await waitForReady(baseUrl, server, () => log);
  } catch (error) {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  project.provide('baseUrl', baseUrl);

  return async () => {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  };
}
