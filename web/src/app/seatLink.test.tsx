// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createI18n, loadLocaleResources } from '../shared/i18n';
import { fakeGraphql, prepareDom, renderInLanguage } from '../shared/testing';
import { basenameFor } from './router';
import { routes } from './routes';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../shared/session')>()),
  useSession: () => session.current,
}));

const CANCELLED_SEAT = {
  cancelParticipantWithToken: {
    id: 'b1',
    state: 'CONFIRMED',
    session: { id: 's1', startsAt: '2027-05-04T06:00:00Z', endsAt: '2027-05-04T13:00:00Z' },
    offer: { id: 'o1', title: 'Tulityökortti' },
  },
};

/**
 * The link in a named participant's confirmation (the server's /bookings/cancel-seat?token=…, under
 * /sv or /en in the booker's language) opens its page in that language, without signing in.
 */
describe("a participant's cancel-seat link", { timeout: 60_000 }, () => {
  beforeEach(() => {
    prepareDom({ wide: true });
    session.current = { status: 'visitor', user: null };
  });
  afterEach(cleanup);

  it.each([
    ['sv', 'Avboka din plats', 'Avboka min plats', 'Din plats har avbokats', 'Till kursens sida'],
    ['en', 'Cancel your seat', 'Cancel my seat', 'Your seat has been cancelled', 'To the course page'],
  ] as const)('opens in %s and cancels the seat', async (locale, title, submit, doneTitle, toCourse) => {
    const i18n = createI18n(locale, await loadLocaleResources(locale));
    const fake = fakeGraphql(() => ({ data: CANCELLED_SEAT }));
    const basename = basenameFor(locale);
    renderInLanguage({
      routes,
      i18n,
      locale,
      basename,
      url: `${basename}/bookings/cancel-seat?token=abc.def`,
      client: fake.client,
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: title }, { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: submit }));
    await screen.findByRole('heading', { level: 1, name: doneTitle });
    expect(fake.named('CancelParticipantWithToken')[0]?.variables).toEqual({ token: 'abc.def' });
    expect(screen.getByRole('link', { name: toCourse }).getAttribute('href')).toBe(`${basename}/offers/o1`);
  });
});
