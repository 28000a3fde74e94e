import { describe, expect, it } from 'vitest';
import { retryWait } from './ErrorAlert';

describe('a rate limit’s wait, as people say it', () => {
  it.each([
    [0.2, { unit: '', count: 1 }],
    [4, { unit: '', count: 4 }],
    [59, { unit: '', count: 59 }],
    [60, { unit: 'Minutes', count: 1 }],
    [61, { unit: 'Minutes', count: 2 }],
    [1800, { unit: 'Minutes', count: 30 }],
    [3540, { unit: 'Minutes', count: 59 }],
    [7140, { unit: 'Minutes', count: 119 }],
    [7200, { unit: 'Hours', count: 2 }],
    [86_400, { unit: 'Hours', count: 24 }],
  ])('%s s is %o', (seconds, wait) => {
    expect(retryWait(seconds)).toEqual(wait);
  });
});
