import { describe, expect, it } from 'vitest';
import { formatTimeAgo } from './relativeTime';

const NOW = new Date('2026-12-03T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('formatTimeAgo', () => {
  it('words the time in the largest unit that reads naturally', () => {
    expect(formatTimeAgo(ago(0.2), NOW, 'en')).toBe('today');
    expect(formatTimeAgo(ago(1), NOW, 'en')).toBe('yesterday');
    expect(formatTimeAgo(ago(13), NOW, 'en')).toBe('13 days ago');
    expect(formatTimeAgo(ago(14), NOW, 'en')).toBe('2 weeks ago');
    expect(formatTimeAgo(ago(59), NOW, 'en')).toBe('8 weeks ago');
    expect(formatTimeAgo(ago(61), NOW, 'en')).toBe('2 months ago');
    expect(formatTimeAgo(ago(364), NOW, 'en')).toBe('11 months ago');
    expect(formatTimeAgo(ago(400), NOW, 'en')).toBe('1 year ago');
    expect(formatTimeAgo(ago(800), NOW, 'en')).toBe('2 years ago');
  });

  it('speaks the reader’s language, and a time ahead (a clock off by a little) is today', () => {
    expect(formatTimeAgo(ago(40), NOW, 'fi')).toBe('5 viikkoa sitten');
    expect(formatTimeAgo(ago(40), NOW, 'sv')).toBe('för 5 veckor sedan');
    expect(formatTimeAgo(ago(-1), NOW, 'en')).toBe('today');
  });
});
