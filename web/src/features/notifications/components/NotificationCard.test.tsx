// @vitest-environment jsdom
import { LOCALES, NOTIFICATION_TYPES } from '@keskusvaraamo/shared';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationItem } from '../operations';
import { fakeGraphql, prepareI18n, renderWithApp, switchLanguage } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
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
        // The weekly summary is about no one thing: it has no subject.
        if (type !== 'WEEKLY_SUMMARY') expect(text, `${type} in ${locale}`).toContain('Aurinkosähkön perusteet');
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

describe('reminders, messages and the weekly summary', () => {
  const { client } = fakeGraphql(() => ({ data: null }));
  const show = (fields: Partial<NotificationItem>) =>
    renderWithApp(
      <ul>
        <NotificationCard notification={notification(fields)} />
      </ul>,
      client,
    );
  afterEach(() => switchLanguage('fi'));

  const reminder: Partial<NotificationItem> = {
    type: 'SESSION_REMINDER',
    endsAt: '2026-12-14T13:00:00Z',
    place: 'Jokiväylä 11',
    municipalityCode: '698',
    onlineUrl: 'https://meet.example.fi/aurinko',
    mapUrl: 'https://www.openstreetmap.org/search?query=Jokiv%C3%A4yl%C3%A4%2011%2C%20Rovaniemi',
    path: '/my/bookings',
  };

  it('reminds of a session with its time, its place by name, its online link and a map', async () => {
    show(reminder);
    expect(screen.getByRole('link', { name: /^Lukematon: Muistutus:/ }).textContent).toBe(
      'Lukematon: Muistutus: Aurinkosähkön perusteet alkaa 14.12.2026 klo 9.00.',
    );
    const details = screen.getByRole('list', { name: 'Kurssikerran tiedot' });
    const lines = within(details)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines[0]).toBe('Aika: ma 14.12.2026 9.00–15.00');
    expect(lines[1]).toBe('Paikka: Jokiväylä 11, Rovaniemi – Näytä kartalla (avautuu uuteen välilehteen)');
    expect(lines[2]).toBe('Verkkolinkki: https://meet.example.fi/aurinko (avautuu uuteen välilehteen)');
    const map = within(details).getByRole('link', { name: 'Näytä kartalla (avautuu uuteen välilehteen)' });
    expect(map.getAttribute('href')).toBe(reminder.mapUrl);
    expect(map.getAttribute('target')).toBe('_blank');
    expect(map.getAttribute('rel')).toContain('noopener');
    const online = within(details).getByRole('link', { name: /^https:\/\/meet\.example\.fi\/aurinko/ });
    expect(online.getAttribute('href')).toBe('https://meet.example.fi/aurinko');
    expect(online.getAttribute('rel')).toContain('noopener');
    expect(await axeViolations()).toEqual([]);
  });

  it('tells a named participant that they are one, in English', async () => {
    await switchLanguage('en');
    show({ ...reminder, event: 'PARTICIPANT', onlineUrl: null });
    expect(screen.getByRole('link', { name: /^Unread: Reminder:/ }).textContent).toBe(
      'Unread: Reminder: Aurinkosähkön perusteet starts on 14 Dec 2026, 09:00. You are named as a participant in this booking.',
    );
    const details = screen.getByRole('list', { name: 'Session details' });
    expect(within(details).getByRole('link', { name: 'Show on map (opens in a new tab)' })).toBeTruthy();
    expect(within(details).queryByText(/Online link/)).toBeNull();
  });

  it('links no map that is not an https address', () => {
    for (const mapUrl of ['http://www.openstreetmap.org/search?query=x', 'javascript:alert(1)', 'not a url']) {
      show({ ...reminder, mapUrl, onlineUrl: 'http://meet.example.fi/x' });
      const details = screen.getByRole('list', { name: 'Kurssikerran tiedot' });
      expect(within(details).queryByRole('link'), mapUrl).toBeNull();
      expect(within(details).getByText('Paikka: Jokiväylä 11, Rovaniemi')).toBeTruthy();
      cleanup();
    }
  });

  it('says by when a held seat must be claimed, and leads to the bookings', async () => {
    show({ type: 'BOOKING_OFFER_EXPIRING', offeredUntil: '2026-12-10T16:00:00Z', path: '/my/bookings' });
    const link = screen.getByRole('link');
    expect(link.textContent).toBe(
      'Lukematon: Muista vahvistaa sinulle varattu paikka: Aurinkosähkön perusteet, 14.12.2026 klo 9.00. Vahvista se viimeistään 10.12.2026 klo 18.00, muuten paikka siirtyy jonossa seuraavalle.',
    );
    expect(link.getAttribute('href')).toBe('/my/bookings');
    expect(await axeViolations()).toEqual([]);
  });

  it('shows the organiser’s message as plain text, its lines kept and its addresses linked', async () => {
    await switchLanguage('sv');
    const message = 'Hej alla!\n\nTa med <b>varma kläder</b>.\nKarta: https://example.fi/karta.';
    show({ type: 'SESSION_MESSAGE', actor: 'Lapin ammattiopisto', message, path: '/offers/o1' });
    expect(screen.getAllByRole('link')[0]!.textContent).toBe(
      'Oläst: Meddelande från kursens arrangör (Lapin ammattiopisto): Aurinkosähkön perusteet, 14 dec. 2026 9.00.',
    );
    const quote = document.querySelector('blockquote')!;
    expect(quote.textContent).toBe(message);
    expect(quote.querySelector('b')).toBeNull();
    expect(within(quote).getByRole('link', { name: 'https://example.fi/karta' }).getAttribute('href')).toBe(
      'https://example.fi/karta',
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('gives coordinators the week’s figures and links to the needs waiting longest', async () => {
    show({
      type: 'WEEKLY_SUMMARY',
      subject: null,
      startsAt: null,
      path: '/coordinator/queue',
      summary: {
        // The week before Monday 14.12. at 8.00 in Helsinki.
        weekEnd: '2026-12-14T06:00:00Z',
        queueCount: 4,
        oldest: [
          { needId: 'n-1', title: 'Aurinkopaneelien asennus', daysWaiting: 31 },
          { needId: 'n-2', title: 'Lämpöpumppukoulutus', daysWaiting: 1 },
        ],
        openProposals: 3,
        newNeeds: 5,
        matchesMade: 2,
      },
    });
    const link = screen.getByRole('link', { name: /^Lukematon: Välitystyön/ });
    expect(link.textContent).toBe('Lukematon: Välitystyön viikkokatsaus on valmis. Välitysjonossa odottaa 4 tarvetta.');
    expect(link.getAttribute('href')).toBe('/coordinator/queue');
    const figures = within(screen.getByRole('list', { name: 'Viikon luvut' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(figures).toEqual([
      'Viikko: 7.–13.12.2026',
      'Avoimia ehdotuksia: 3',
      'Uusia tarpeita viikon aikana: 5',
      'Sovittuja yhteistöitä viikon aikana: 2',
    ]);
    const oldest = screen.getByRole('list', { name: 'Pisimpään odottaneet tarpeet' });
    expect(
      within(oldest)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Aurinkopaneelien asennus (odottanut 31 päivää)', 'Lämpöpumppukoulutus (odottanut 1 päivän)']);
    expect(within(oldest).getByRole('link', { name: 'Aurinkopaneelien asennus' }).getAttribute('href')).toBe(
      '/needs/n-1',
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('still words a weekly summary whose figures did not come', () => {
    expect(wording({ type: 'WEEKLY_SUMMARY', subject: null, startsAt: null }, 'en').text).toBe(
      'The weekly brokering summary is ready.',
    );
  });
});
