/**
 * The only place that reads `process.env`. Every variable is documented in `.env.example`.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
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
  TRUST_PROXY: z.string().trim().default('false'),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  SIGN_IN_FIRST_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(1),
  SIGN_IN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  SIGN_UP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  MAIL_LIMIT_PER_RECIPIENT: z.coerce.number().int().min(1).default(5),
  MAIL_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
  MAIL_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
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
  GRAPHQL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  // Retention (privacy notice and README say the same): each period in months, or days where said.
  APPLICATION_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  PARTICIPANT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  INACTIVE_ACCOUNT_MONTHS: z.coerce.number().int().min(1).max(240).default(36),
  INACTIVE_ACCOUNT_NOTICE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DATA_ACCESS_LOG_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  AUDIT_LOG_RETENTION_MONTHS: z.coerce.number().int().min(1).max(240).default(60),
  SENT_MAIL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_JOBS: bool.default(true),
  // The operator, as the privacy notice, the accessibility statement and the contact page name it.
  OPERATOR_NAME: z.string().trim().min(1).max(200).default('Lapin maaseudun energiaklusteri (demo)'),
  OPERATOR_BUSINESS_ID: z.string().trim().max(20).default(''),
  OPERATOR_ADDRESS: z.string().trim().max(300).default('Rovaniemi, Finland'),
  OPERATOR_EMAIL: z.email().default('tietosuoja@keskusvaraamo.fi'),
  OPERATOR_PHONE: z.string().trim().max(40).default(''),
  /** The data protection officer or privacy contact; defaults to OPERATOR_EMAIL. */
  PRIVACY_CONTACT_EMAIL: z.email().optional(),
  /** Where accessibility feedback goes; defaults to OPERATOR_EMAIL. */
  ACCESSIBILITY_FEEDBACK_EMAIL: z.email().optional(),
  /** The date of the last accessibility evaluation (YYYY-MM-DD), shown in the statement. */
  ACCESSIBILITY_EVALUATED_ON: z.iso.date().default('2026-12-04'),
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    signInLimits: {
      perAccount: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
      perAddress: env.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: env.SIGN_IN_WINDOW_MINUTES,
      firstDelaySeconds: env.SIGN_IN_FIRST_DELAY_SECONDS,
      maxDelaySeconds: env.SIGN_IN_MAX_DELAY_SECONDS,
    },
    /** Per hour: sign-ups from one client address, and e-mails that people can make the service send. */
    emailLimits: {
      signUpsPerAddress: env.SIGN_UP_LIMIT_PER_ADDRESS,
      perRecipient: env.MAIL_LIMIT_PER_RECIPIENT,
      perAccount: env.MAIL_LIMIT_PER_ACCOUNT,
      perAddress: env.MAIL_LIMIT_PER_ADDRESS,
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
    /** GraphQL requests per minute per client (user id when signed in, else address); 0 turns the limit off. */
    graphqlRateLimitPerMinute: env.GRAPHQL_RATE_LIMIT_PER_MINUTE,
    /** How long personal data is kept (privacy/retention.ts runs the jobs; the privacy notice shows these). */
    retention: {
      applicationMonths: env.APPLICATION_RETENTION_MONTHS,
      participantMonths: env.PARTICIPANT_RETENTION_MONTHS,
      inactiveAccountMonths: env.INACTIVE_ACCOUNT_MONTHS,
      inactiveAccountNoticeDays: env.INACTIVE_ACCOUNT_NOTICE_DAYS,
      dataAccessLogMonths: env.DATA_ACCESS_LOG_RETENTION_MONTHS,
      auditLogMonths: env.AUDIT_LOG_RETENTION_MONTHS,
      sentMailDays: env.SENT_MAIL_RETENTION_DAYS,
      /** Run the retention jobs in this instance (every instance may: each job runs once across them). */
      jobs: env.RETENTION_JOBS,
    },
    /** Who runs the service: the legal pages and the contact page show it. */
    operator: {
      name: env.OPERATOR_NAME,
      businessId: env.OPERATOR_BUSINESS_ID || null,
      address: env.OPERATOR_ADDRESS,
      email: env.OPERATOR_EMAIL,
      phone: env.OPERATOR_PHONE || null,
      privacyEmail: env.PRIVACY_CONTACT_EMAIL ?? env.OPERATOR_EMAIL,
      accessibilityEmail: env.ACCESSIBILITY_FEEDBACK_EMAIL ?? env.OPERATOR_EMAIL,
      accessibilityEvaluatedOn: env.ACCESSIBILITY_EVALUATED_ON,
    },
  };
}

/**
 * TRUST_PROXY for Fastify's `trustProxy`: `false`, a hop count (the number of proxies in front of
 * the server), or trusted proxy addresses and CIDR ranges (the safer choice: only those peers are
 * believed). `true` would take the leftmost
 * X-Forwarded-For entry, which the client writes itself, as the client's address: every per-address
 * limit could then be dodged by sending a new one each time.
 */
function parseTrustProxy(value: string): false | string[] | ((address: string, hop: number) => boolean) {
  const v = value.toLowerCase();
  if (v === '' || v === 'false' || v === 'no' || v === '0') return false;
  if (v === 'true' || v === 'yes') {
    throw new ConfigError(
      'Invalid configuration: TRUST_PROXY=true trusts the leftmost X-Forwarded-For address, which any client can set, ' +
        'so per-address limits could be bypassed. Set the number of proxies in front of the server (TRUST_PROXY=1 ' +
        'behind one load balancer) or their addresses (TRUST_PROXY=10.0.0.0/8,192.168.1.5)',
    );
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 10) throw new ConfigError('Invalid configuration: TRUST_PROXY: at most 10 proxies');
    if (hops === 0) return false;
    // Fastify 5 takes a bare number to mean "trust nothing" (it cannot check the peer); as a function
    // it trusts the socket's peer and the next hops - 1 entries from the right of X-Forwarded-For,
    // and the client is the entry after them. The server must then be reachable only through them.
    return (_address: string, hop: number) => hop < hops;
  }
  const ranges = v.split(',').map((part) => part.trim());
  for (const range of ranges) {
    const [address, bits, ...rest] = range.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || rest.length) {
      throw new ConfigError(
        `Invalid configuration: TRUST_PROXY: "${range}" is not an IP address or CIDR range (use false, a hop count, or addresses separated by commas)`,
      );
    }
  }
  return ranges;
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

/**
 * Runs `load` (an import) with NODE_ENV=production, then puts NODE_ENV back. React chooses its
 * build by NODE_ENV when it is first loaded: the server renderer (plugins/web.ts) always gets the
 * production build, as the browser's bundle has (the development build rendered the search page
 * about ten times slower). Used at start-up only, when nothing else reads NODE_ENV.
 */
export async function importAsProduction<T>(load: () => Promise<T>): Promise<T> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await load();
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
