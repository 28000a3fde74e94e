import { describe, expect, it } from 'vitest';
import { isValidBusinessId, normaliseBusinessId } from './businessId.js';

describe('business ID (Y-tunnus)', () => {
  it.each(['0112038-9', '1572860-0', '0201256-6', '2331972-7'])('accepts %s', (id) => {
    expect(isValidBusinessId(id)).toBe(true);
  });

  it.each(['0112038-8', '1572860-1', '1234567-8', '12345678', 'abc', '', '0112038 9'])('refuses %s', (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it('pads the old six-digit form', () => {
    expect(normaliseBusinessId(' 112038-9 ')).toBe('0112038-9');
    expect(isValidBusinessId('112038-9')).toBe(true);
  });
});
