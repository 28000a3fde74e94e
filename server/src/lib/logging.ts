/**
 * What the server log may hold. Logs are read by more people, and kept longer, than the data they
 * describe, so a log line names what happened and where, never a secret or a person's text:
 * - requests are logged by path and method; query strings (reset, verification, cancel and
 *   unsubscribe tokens, GraphQL GET variables) and the calendar feed's secret are left out;
 * - errors keep their type, code, constraint and stack, but not SQL parameters, the failing row
 *   (`detail`), the statement, or values quoted in a database message; e-mail addresses in an SMTP
 *   error are hidden (a refusal names its recipient);
 * - any message text passes the same URL and token scrubbing, for lines written by libraries.
 */
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

/** Fastify's logger options, which are pino's. */
type LoggerConfig = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

const REDACTED = '[redacted]';

/** Paths whose secret is a path segment: the personal calendar feed. */
const SECRET_SEGMENT = /(\/calendar\/)[^/?#\s"'<>]+/g;
/** A query string after a path, up to the end of the URL. */
const QUERY_STRING = /(\/[^\s?#"'<>]*)\?[^\s#"'<>]*/g;
/** A secret passed as a parameter outside a recognisable URL ("token=…"). */
const SECRET_PARAMETER = /\b(token|secret|password|code|signature|key)=[^&\s"'<>]+/gi;
const EMAIL_ADDRESS = /[^\s<>()"',;:@]+@[^\s<>()"',;:@]+\.[a-z]{2,}/gi;

/** Removes query strings, the feed secret and secret parameters from text that may contain URLs. */
export function scrubText(text: string): string {
  return text
    .replace(SECRET_SEGMENT, `$1${REDACTED}`)
    .replace(QUERY_STRING, `$1?${REDACTED}`)
    .replace(SECRET_PARAMETER, `$1=${REDACTED}`);
}

/** A request's URL for the log: its path (feed secret removed), and a mark where a query string was. */
export function safeUrl(url: string): string {
  const question = url.indexOf('?');
  const path = (question === -1 ? url : url.slice(0, question)).replace(SECRET_SEGMENT, `$1${REDACTED}`);
  return question === -1 ? path : `${path}?${REDACTED}`;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
}

/** The request as Fastify logs it ("incoming request"): no query string, no headers. */
export function serializeRequest(request: LoggedRequest) {
  return {
    method: request.method,
    url: typeof request.url === 'string' ? safeUrl(request.url) : undefined,
    host: request.host,
    remoteAddress: request.ip,
  };
}

/**
 * Error fields that describe what failed without carrying data: Node's system errors, HTTP
 * statuses, PostgreSQL's SQLSTATE and the names of the constraint, table and column, SMTP's reply
 * code and command. Everything else an error carries is left out (drizzle's `query` and `params`,
 * PostgreSQL's `detail`, `where` and `internalQuery`, nodemailer's `response`, `rejected` and
 * `envelope`, GraphQL variables…).
 */
const KEPT_FIELDS = [
  'code',
  'errno',
  'syscall',
  'address',
  'port',
  'statusCode',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'responseCode',
  'command',
] as const;

/** Words after which PostgreSQL quotes a name (kept), not a value (hidden). */
const NAMED_BY = new Set([
  'constraint',
  'relation',
  'column',
  'table',
  'type',
  'index',
  'function',
  'operator',
  'schema',
  'database',
  'role',
  'sequence',
  'view',
  'trigger',
  'encoding',
  'extension',
  'domain',
  'parameter',
  'statement',
  'portal',
  'savepoint',
  'cursor',
  'channel',
]);

/** Quoted values of a database message hidden, quoted names kept: `value "…" is out of range` but `constraint "users_email_key"`. */
function withoutQuotedValues(message: string): string {
  return message.replace(/(\b[\w/]+\s)?"((?:[^"]|"")*)"/g, (whole, before: string | undefined) =>
    before && NAMED_BY.has(before.trim().toLowerCase()) ? whole : `${before ?? ''}"${REDACTED}"`,
  );
}

export interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [field: string]: unknown;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  cause?: unknown;
  errors?: unknown;
  query?: unknown;
  params?: unknown;
  severity?: unknown;
  [key: string]: unknown;
}

const isDatabaseError = (e: ErrorLike) =>
  typeof e.severity === 'string' && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code);
// drizzle's DrizzleQueryError: "Failed query: <statement>\nparams: <every parameter>".
const isFailedQuery = (e: ErrorLike) => typeof e.message === 'string' && e.message.startsWith('Failed query:');

// nodemailer's errors carry the server's reply, the SMTP command, or the refused recipients.
const isMailError = (e: ErrorLike) => 'responseCode' in e || 'response' in e || 'command' in e || 'rejected' in e;

function safeMessage(e: ErrorLike): string {
  const message = typeof e.message === 'string' ? e.message : String(e.message ?? '');
  if (isFailedQuery(e)) return 'Failed query (statement and parameters not logged)';
  let safe = message;
  if (isDatabaseError(e)) safe = withoutQuotedValues(safe);
  // JSON.parse quotes the start of what it could not parse: a request body.
  if (e.name === 'SyntaxError') safe = safe.replace(/"(?:[^"\\]|\\.)*"?/g, `"${REDACTED}"`);
  // An SMTP server's reply names the recipient it refused.
  if (isMailError(e)) safe = safe.replace(EMAIL_ADDRESS, '[e-mail]');
  return scrubText(safe);
}

/**
 * An error for the log: type, a message without data, the stack's frames (its first line is the
 * message again, so it is rebuilt), the fields in KEPT_FIELDS, and its causes the same way.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (typeof error !== 'object' || error === null) {
    return { type: typeof error, message: scrubText(String(error)), stack: '' };
  }
  const e = error as ErrorLike;
  const type = (e.constructor as { name?: string } | undefined)?.name ?? 'Error';
  const message = safeMessage(e);
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((line) => /^\s+at /.test(line)) : [];
  const stack = [`${typeof e.name === 'string' ? e.name : type}: ${message}`, ...frames.map(scrubText)].join('\n');
  const out: SerializedError = { type, message, stack };
  for (const field of KEPT_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (depth < 5 && e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
  if (depth < 5 && Array.isArray(e.errors))
    out.errors = e.errors.slice(0, 5).map((inner) => serializeError(inner, depth + 1));
  return out;
}

/** One line for a console: the safe messages of an error and its causes, with their codes. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (
    let e: SerializedError | undefined = serializeError(error);
    e && parts.length < 6;
    e = e.cause as SerializedError | undefined
  ) {
    parts.push(typeof e.code === 'string' ? `${e.message} (${e.code})` : e.message);
  }
  return parts.join(': ');
}

const scrubArgument = (value: unknown) => (typeof value === 'string' ? scrubText(value) : value);

/** Pino's options: level, serializers, redaction and message scrubbing; pretty output when asked. */
export function loggerOptions(
  config: Pick<Config, 'logLevel' | 'logPretty'>,
  stream?: LoggerConfig['stream'],
): LoggerConfig {
  const options: LoggerConfig = {
    level: config.logLevel,
    serializers: { req: serializeRequest as never, err: serializeError, error: serializeError },
    // Objects a line may carry by mistake: headers, and fields named like secrets.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'headers.authorization',
        'headers.cookie',
        'password',
        'token',
        'passwordHash',
        '*.password',
        '*.token',
        '*.passwordHash',
        '*.newPassword',
        '*.currentPassword',
      ],
      censor: REDACTED,
    },
    hooks: {
      // Messages written as text by Fastify and other libraries ("Route GET:/…?token=… not found").
      logMethod(args, method) {
        return method.apply(this, args.map(scrubArgument) as Parameters<typeof method>);
      },
    },
  };
  if (stream) return { ...options, stream };
  if (config.logPretty) {
    return { ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } };
  }
  return options;
}
