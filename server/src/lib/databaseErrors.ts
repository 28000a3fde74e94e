/**
 * Tells a database that cannot be reached (down, restarting, out of connections) from a failing
 * statement. The first is worth retrying in a moment and is answered 503 UNAVAILABLE; the second
 * is a bug, answered INTERNAL.
 */

/** Node's socket errors when the server is not there or went away. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL's SQLSTATEs for a lost or refused connection: class 08 (connection exception),
 * 53300 too_many_connections, 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now).
 */
const SQLSTATES = new Set(['08000', '08001', '08003', '08004', '08006', '08007', '53300', '57P01', '57P02', '57P03']);

/** What `pg` and PGlite say, in errors that carry no code. */
const MESSAGES =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed/i;

interface MaybeDriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/**
 * True when the error, or any error it wraps (drizzle puts the driver's in `cause`; Node puts
 * one per address tried in `errors`), says the database could not be reached.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const e = error as MaybeDriverError;
  if (typeof e.code === 'string' && (SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  if (isDatabaseUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const UNAVAILABLE_RETRY_SECONDS = 5;
