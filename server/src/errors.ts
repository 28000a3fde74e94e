/**
 * The error catalogue. Use cases throw `AppError`; the GraphQL error formatter passes its
 * code and safe details to the client and hides everything else behind INTERNAL.
 */
import type { ErrorCode, FieldIssue } from '@keskusvaraamo/shared';
import mercurius from 'mercurius';
import type { ZodType } from 'zod';

export class AppError extends mercurius.ErrorWithProps {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { code, ...extra });
  }
}

export const notFound = (what = 'Not found') => new AppError('NOT_FOUND', what);
export const forbidden = (why = 'You may not do this') => new AppError('FORBIDDEN', why);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Sign in first');

/** The object is in a state that does not allow this (a transition lost a race, or was never allowed). */
export const invalidState = (what: string, state: string) =>
  new AppError('INVALID_STATE', `Not possible for ${what} that is ${state}`, { state });

export function validationError(fields: FieldIssue[]): AppError {
  return new AppError('VALIDATION', 'Some fields need attention', { fields });
}

/** Parses input with a shared schema; a failure becomes a VALIDATION error naming each field. */
export function parseInput<T extends ZodType>(schema: T, input: unknown): ReturnType<T['parse']> {
  const result = schema.safeParse(input);
  if (result.success) return result.data as ReturnType<T['parse']>;
  throw validationError(
    result.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
    })),
  );
}
