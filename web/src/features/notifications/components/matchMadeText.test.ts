import { describe, expect, it } from 'vitest';
import type { NotificationItem } from '../operations';
import { prepareI18n } from '../../../shared/testing';
import { describeNotification } from './notificationText';

const i18n = prepareI18n();

const matchMade = (fields: Partial<NotificationItem>): NotificationItem => ({
  id: 'n1',
  type: 'MATCH_MADE',
  subject: 'Tulityökorttikoulutus',
  actor: null,
  startsAt: null,
  reason: null,
  excerpt: null,
  count: null,
  path: '/proposals/p1',
  createdAt: '2026-11-20T10:30:00Z',
  readAt: null,
  ...fields,
});

const wording = (fields: Partial<NotificationItem>, locale: 'fi' | 'sv' | 'en' = 'fi') =>
  describeNotification(matchMade(fields), i18n.getFixedT(locale), locale).text;

describe('a match’s notice', () => {
  it('says what followed it: the application, or the seats held with their claim deadline', () => {
    expect(wording({ event: 'APPLICATION_CREATED' }, 'en')).toBe(
      "Both sides accepted the proposal, and the match is made: Tulityökorttikoulutus. The student's application was made: the student and the company talk in its conversation.",
    );
    // 10:00 UTC is 12.00 in Helsinki in November.
    const held = { event: 'SEATS_HELD', count: 3, offeredUntil: '2026-11-22T10:00:00Z' };
    expect(wording(held)).toContain(
      'Sinulle on varattu 3 paikkaa 22.11.2026 klo 12.00 asti: vahvista ne varauksissasi.',
    );
    expect(wording({ ...held, count: 1 }, 'sv')).toContain('1 plats är reserverad åt dig till');
    expect(wording({ event: 'NO_SEATS' }, 'en')).toContain('No seats were free to hold');
  });
});
