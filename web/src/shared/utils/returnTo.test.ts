import { describe, expect, it } from 'vitest';
import { safeReturnTo, withReturnTo } from './returnTo';

describe('safeReturnTo', () => {
  it('accepts paths on this site', () => {
    expect(safeReturnTo('/invitations/accept?token=abc')).toBe('/invitations/accept?token=abc');
  });

  it.each(['https://evil.example', '//evil.example/x', '/\\evil.example', 'account', '', null])(
    'refuses %s',
    (value) => {
      expect(safeReturnTo(value)).toBeNull();
    },
  );

  it('round-trips through withReturnTo', () => {
    const link = withReturnTo('/sign-in', '/invitations/accept?token=a&b=c');
    const params = new URL(link, 'http://localhost').searchParams;
    expect(safeReturnTo(params.get('returnTo'))).toBe('/invitations/accept?token=a&b=c');
  });
});
