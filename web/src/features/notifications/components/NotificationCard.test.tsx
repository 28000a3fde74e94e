// @vitest-environment jsdom
import { LOCALES, NOTIFICATION_TYPES } from '@keskusvaraamo/shared';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationItem } from '../operations';
import { fakeGraphql, prepareI18n, renderWithApp } from '../../../shared/testing';
import { NotificationCard } from './NotificationCard';
import { describeChanges, describeNotification } from './notificationText';

const i18n = prepareI18n();

function notification(fields: Partial<NotificationItem>): NotificationItem {
  return {
    id: 'n1',
    type: 'BOOKING_CONFIRMED',
    subject: 'Aurinkosähkön perusteet',
    actor: null,
    // 07:00 UTC is 9.00 in Helsinki in December.
    startsAt: '2026-12-14T07:00:00Z',
    reason: null,
    excerpt: null,
    count: null,
    path: '/my/bookings',
    createdAt: '2026-11-20T10:30:00Z',
    readAt: null,
    ...fields,
  };
}

const wording = (fields: Partial<NotificationItem>, locale: 'fi' | 'sv' | 'en' = 'fi') =>
  describeNotification(notification(fields), i18n.getFixedT(locale), locale);

afterEach(cleanup);

describe('notification wording', () => {
  it('words a booking with its course and its start in Helsinki time, in each language', () => {
    expect(wording({}).text).toBe('Varauksesi on vahvistettu: Aurinkosähkön perusteet, 14.12.2026 klo 9.00.');
    expect(wording({}, 'sv').text).toBe('Din bokning är bekräftad: Aurinkosähkön perusteet, 14 dec. 2026 9.00.');
    expect(wording({}, 'en').text).toBe('Your booking is confirmed: Aurinkosähkön perusteet, 14 Dec 2026, 09:00.');
  });

  it('names who did it, and adds the reason given', () => {
    const rejected = { type: 'APPLICATION_REJECTED', subject: 'Kesätyö', actor: 'Tunturienergia Oy' };
    expect(wording(rejected).text).toBe('Tunturienergia Oy ei valinnut hakemustasi tehtävään Kesätyö.');
    expect(wording({ ...rejected, reason: 'Paikat täyttyivät.' }, 'en').text).toBe(
      'Tunturienergia Oy did not take your application for Kesätyö forward. Reason: Paikat täyttyivät.',
    );
    expect(wording({ type: 'APPLICATION_RECEIVED', subject: 'Kesätyö' }).text).toBe('Joku haki tehtävään Kesätyö.');
  });

  it('says what a moved session means for the reader, and lists what changed before → after', () => {
    const moved = {
      type: 'SESSION_CHANGED',
      event: 'CONFIRMED',
      changes: [
        { field: 'STARTS_AT', before: '2026-12-14T07:00:00Z', after: '2026-12-15T08:00:00Z' },
        { field: 'MUNICIPALITY', before: '698', after: '148' },
        { field: 'PLACE', before: 'Jokiväylä 11', after: null },
        { field: 'SOMETHING_NEW', before: 'a', after: 'b' },
      ],
    };
    expect(wording(moved, 'en').text).toBe(
      'The time or place of a session you are booked on changed: Aurinkosähkön perusteet, now 14 Dec 2026, 09:00. Your booking stands at the new time and place.',
    );
    expect(describeChanges(notification(moved), i18n.getFixedT('sv'), 'sv')).toEqual([
      'Börjar: 14 dec. 2026 9.00 → 15 dec. 2026 10.00',
      'Kommun: Rovaniemi → Enare – Anár',
      'Plats: Jokiväylä 11 → ingen',
    ]);
  });

  it('words the same event for the reader it concerns: a booker, a participant, an organiser', () => {
    const base = { type: 'SESSION_CHANGED', changes: [] };
    expect(wording({ ...base, event: 'OFFERED' }, 'en').text).toMatch(
      /The seat held for you is at the new time and place\.$/,
    );
    expect(wording({ ...base, event: 'PARTICIPANT' }, 'en').text).toMatch(
      /You are named as a participant in this booking\.$/,
    );
    expect(wording({ type: 'COURSE_WAITLIST_CHANGED', event: 'OFFERED', count: 1 }, 'en').text).toBe(
      'The waitlist of your course changed: Aurinkosähkön perusteet, 14 Dec 2026, 09:00 (1 seat(s)). A freed seat was offered to the next in line.',
    );
  });

  it('tells organisers why their session was cancelled automatically, and where it was', () => {
    const cancelled = {
      type: 'COURSE_SESSION_CANCELLED',
      event: 'MINIMUM_NOT_REACHED',
      count: 2,
      minimum: 5,
      decisionAt: '2026-12-07T07:00:00Z',
      place: 'Jokiväylä 11',
      municipalityCode: '698',
    };
    expect(wording(cancelled).text).toBe(
      'Kurssinne peruttiin: Aurinkosähkön perusteet, 14.12.2026 klo 9.00; 2 varausta peruttiin ja varaajille ilmoitettiin. Vähimmäisosallistujamäärä (5) ei täyttynyt päätösaikaan 7.12.2026 klo 9.00 mennessä. Paikka: Jokiväylä 11, Rovaniemi.',
    );
  });

  it('counts new results in the right plural, and quotes a message apart', () => {
    const search = { type: 'SAVED_SEARCH_RESULTS', subject: 'Aurinko Sallassa' };
    expect(wording({ ...search, count: 1 }).text).toBe('Tallennettu haku Aurinko Sallassa löysi 1 uuden tuloksen.');
    expect(wording({ ...search, count: 3 }, 'sv').text).toBe(
      'Den sparade sökningen Aurinko Sallassa hittade 3 nya träffar.',
    );
    const message = wording({ type: 'MESSAGE_RECEIVED', subject: 'Harjoittelu', actor: 'Aila', excerpt: 'Hei!' });
    expect(message).toEqual({ text: 'Aila lähetti viestin: Harjoittelu.', quote: 'Hei!' });
  });

  it('words every type in every language, with no placeholder left', () => {
    for (const locale of LOCALES) {
      for (const type of NOTIFICATION_TYPES) {
        const { text } = wording({ type, actor: 'Aila', count: 2 }, locale);
        expect(text, `${type} in ${locale}`).toContain('Aurinkosähkön perusteet');
        expect(text, `${type} in ${locale}`).not.toMatch(/\{\{|notifications\./);
      }
    }
  });

  it('still shows a type this version does not know', () => {
    expect(wording({ type: 'SOMETHING_NEW', subject: 'Uutinen' }).text).toBe('Uusi ilmoitus: Uutinen');
  });
});

describe('NotificationCard', () => {
  const { client } = fakeGraphql(() => ({ data: null }));

  it('says in words that it is unread, and marks it read on the way to its page', async () => {
    const onOpen = vi.fn();
    renderWithApp(
      <ul>
        <NotificationCard notification={notification({})} onOpen={onOpen} />
      </ul>,
      client,
    );
    const link = screen.getByRole('link', {
      name: 'Lukematon: Varauksesi on vahvistettu: Aurinkosähkön perusteet, 14.12.2026 klo 9.00.',
    });
    expect(link.getAttribute('href')).toBe('/my/bookings');
    expect(screen.getByText('Lukematon', { selector: '.badge' })).toBeTruthy();
    expect(screen.getByRole('listitem').className).toContain('notification--unread');
    expect(screen.getByText('20.11.2026 klo 12.30')).toBeTruthy();
    await userEvent.setup().click(link);
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 'n1' }));
  });

  it('shows a read one plainly', () => {
    renderWithApp(
      <ul>
        <NotificationCard notification={notification({ readAt: '2026-11-21T08:00:00Z' })} />
      </ul>,
      client,
    );
    expect(screen.getByRole('link').textContent).toBe(
      'Varauksesi on vahvistettu: Aurinkosähkön perusteet, 14.12.2026 klo 9.00.',
    );
    expect(screen.queryByText('Lukematon')).toBeNull();
    expect(screen.getByRole('listitem').className).not.toContain('notification--unread');
  });

  it('offers a button to mark one read that leads nowhere, and never links off the site', async () => {
    const onMarkRead = vi.fn();
    renderWithApp(
      <ul>
        <NotificationCard notification={notification({ path: 'https://example.com/phish' })} onMarkRead={onMarkRead} />
      </ul>,
      client,
    );
    expect(screen.queryByRole('link')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Merkitse luetuksi' }));
    expect(onMarkRead).toHaveBeenCalledOnce();
  });
});
