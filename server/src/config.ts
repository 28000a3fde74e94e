/**
 * The only place that reads `process.env`. Every variable is documented in `.env.example`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root, the same from `src/` and from `dist/`. */
export const REPO_ROOT = resolve(here, '..', '..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Loopback unless told otherwise: the Docker image sets HOST=0.0.0.0 itself.
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  JWT_SECRET: z.string().min(32).optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // Defaults to true outside production and false in production (buildConfig).
  SEED_DEMO_DATA: bool.optional(),
  WEB_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  MAIL_FROM: z.string().default('Osaamisen keskusvaraamo <no-reply@keskusvaraamo.fi>'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_DELIVERY: bool.default(true),
  DEV_MAILBOX: bool.default(false),
  MAIL_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
});

export type Config = ReturnType<typeof buildConfig>;

/** Thrown when the environment is wrong; the message names each bad variable. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return buildConfig(parsed.data);
}

function buildConfig(env: z.infer<typeof envSchema>) {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(REPO_ROOT, env.DATA_DIR);
  if (production && !env.JWT_SECRET)
    throw new ConfigError('Invalid configuration: JWT_SECRET is required in production');
  if (production && !env.DATABASE_URL) {
    // The embedded database suits one process; production runs several instances on PostgreSQL.
    throw new ConfigError('Invalid configuration: DATABASE_URL is required in production');
  }
  if (production && env.SEED_DEMO_DATA) {
    // The demo accounts share a password printed in the README.
    throw new ConfigError(
      'Invalid configuration: SEED_DEMO_DATA=true is not allowed in production (the demo accounts have a published password)',
    );
  }
  if (production && env.DEV_MAILBOX) {
    // The mailbox shows every e-mail's links (password resets included).
    throw new ConfigError(
      'Invalid configuration: DEV_MAILBOX=true is not allowed in production (the mailbox shows password reset links); set SMTP_URL',
    );
  }
  return {
    env: env.NODE_ENV,
    production,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
    database: env.DATABASE_URL
      ? ({ kind: 'postgres', url: env.DATABASE_URL } as const)
      : ({ kind: 'pglite', dataDir: join(dataDir, 'pglite') } as const),
    jwtSecret: env.JWT_SECRET ?? developmentSecret(dataDir),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    cookieSecure: env.COOKIE_SECURE ?? production,
    trustProxy: env.TRUST_PROXY,
    signInLimits: {
      perAccount: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: env.SIGN_IN_WINDOW_MINUTES,
    },
    seedDemoData: env.SEED_DEMO_DATA ?? !production,
    webDist: resolve(REPO_ROOT, env.WEB_DIST ?? 'web/dist'),
    logLevel: env.LOG_LEVEL,
    logPretty: env.LOG_PRETTY,
    mail: {
      from: env.MAIL_FROM,
      smtpUrl: env.SMTP_URL,
      delivery: env.MAIL_DELIVERY,
      pollSeconds: env.MAIL_POLL_SECONDS,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      /**
       * The development mailbox (DEV_MAILBOX=true, never in production) exists only without an SMTP
       * server: the worker then delivers to it, and `mailboxPolicy` says who may read it.
       */
      mailbox: env.DEV_MAILBOX && !env.SMTP_URL,
    },
    /** The hour (Europe/Helsinki) when daily digests go out. */
    digestHour: env.DIGEST_HOUR,
    graphiql: env.NODE_ENV === 'development',
  };
}

/**
 * Outside production a secret is made once and kept in the data folder, so that sessions
 * survive a restart without any set-up.
 */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
