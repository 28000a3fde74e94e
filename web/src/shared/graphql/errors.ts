import { ERROR_CODES, type ErrorCode, type FieldIssue } from '@keskusvaraamo/shared';
import type { CombinedError } from 'urql';

/** What the UI needs to know about a failed operation. */
export interface AppError {
  /** A server error code, or NETWORK when the server could not be reached. */
  code: ErrorCode | 'NETWORK';
  /** Field-level problems of a VALIDATION error, keyed by the input field's name. */
  fields: FieldIssue[];
  retryAfterSeconds?: number;
  /** The error's other plain details, e.g. seatsFree of SEATS_EXHAUSTED or the deadline of CANCELLATION_CLOSED. */
  params?: Record<string, string | number>;
}

const KNOWN_EXTENSIONS = new Set(['code', 'fields', 'retryAfterSeconds']);

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function isFieldIssue(value: unknown): value is FieldIssue {
  if (typeof value !== 'object' || value === null) return false;
  const issue = value as Record<string, unknown>;
  return typeof issue.field === 'string' && typeof issue.message === 'string';
}

/** Turns urql's CombinedError into an AppError; unknown codes count as INTERNAL. */
export function toAppError(error: CombinedError): AppError {
  const first = error.graphQLErrors[0];
  if (!first) return { code: error.networkError ? 'NETWORK' : 'INTERNAL', fields: [] };
  const extensions = first.extensions ?? {};
  const code = isErrorCode(extensions.code) ? extensions.code : 'INTERNAL';
  const fields = Array.isArray(extensions.fields)
    ? extensions.fields.filter(isFieldIssue).map((issue) => ({ ...issue, field: fieldName(issue.field) }))
    : [];
  const appError: AppError = { code, fields };
  const retry = extensions.retryAfterSeconds;
  if (typeof retry === 'number') appError.retryAfterSeconds = retry;
  const params = Object.fromEntries(
    Object.entries(extensions).filter(
      (entry): entry is [string, string | number] =>
        !KNOWN_EXTENSIONS.has(entry[0]) && (typeof entry[1] === 'string' || typeof entry[1] === 'number'),
    ),
  );
  if (Object.keys(params).length > 0) appError.params = params;
  return appError;
}

/** The server may name a field by its path ("input.email"); forms know it by its last part. */
function fieldName(path: string): string {
  return path.split('.').pop() ?? path;
}

/** True when the error is this code; for branching on expected outcomes like TOKEN_INVALID. */
export function hasCode(error: AppError | null | undefined, code: AppError['code']): boolean {
  return error?.code === code;
}
