import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { toAppError } from './errors';

describe('toAppError', () => {
  it('keeps the code and the field issues, named by their last path segment', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Some fields need attention', {
          extensions: {
            code: 'VALIDATION',
            fields: [{ field: 'input.email', message: 'validation.email' }, { nonsense: true }],
          },
        }),
      ],
    });
    expect(toAppError(error)).toEqual({
      code: 'VALIDATION',
      fields: [{ field: 'email', message: 'validation.email' }],
    });
  });

  it('carries the wait time of RATE_LIMITED', () => {
    const error = new CombinedError({
      graphQLErrors: [new GraphQLError('Slow down', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } })],
    });
    expect(toAppError(error)).toEqual({ code: 'RATE_LIMITED', fields: [], retryAfterSeconds: 42 });
  });

  it('keeps the plain details of an error, such as the free seats of SEATS_EXHAUSTED', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('Not enough free seats', {
          extensions: { code: 'SEATS_EXHAUSTED', seatsFree: 2, seatsAsked: 3, nested: { no: true } },
        }),
      ],
    });
    expect(toAppError(error)).toEqual({ code: 'SEATS_EXHAUSTED', fields: [], params: { seatsFree: 2, seatsAsked: 3 } });
  });

  it('treats unknown codes as INTERNAL and unreachable servers as NETWORK', () => {
    const unknown = new CombinedError({ graphQLErrors: [new GraphQLError('?', { extensions: { code: 'WHAT' } })] });
    expect(toAppError(unknown).code).toBe('INTERNAL');
    expect(toAppError(new CombinedError({ networkError: new TypeError('Failed to fetch') })).code).toBe('NETWORK');
  });
});
