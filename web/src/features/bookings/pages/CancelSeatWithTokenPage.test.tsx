// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDateTime } from '../../../shared/i18n';
import { fakeGraphql, graphqlError, prepareDom, renderRoutes, type Answer } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import { CancelSeatWithTokenPage } from './CancelSeatWithTokenPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
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

function renderPage(answer: () => Answer, url = '/bookings/cancel-seat?token=abc.def') {
  const fake = fakeGraphql(answer);
  const rendered = renderRoutes(
    [{ path: '/bookings/cancel-seat', element: <CancelSeatWithTokenPage /> }],
    url,
    fake.client,
  );
  return { fake, ...rendered };
}

describe("a participant's own link that cancels their seat", () => {
  beforeEach(() => {
    prepareDom({ wide: true });
    session.current = { status: 'visitor', user: null };
  });
  afterEach(cleanup);

  it('asks first, then cancels the seat and names the course and its time', async () => {
    const { fake, container } = renderPage(() => ({ data: CANCELLED_SEAT }));
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Peru osallistumisesi' })).toBeTruthy();
    expect(screen.getByText(/Vain sinun paikkasi perutaan/)).toBeTruthy();
    // Opening the link changes nothing (mail scanners open links too).
    expect(fake.sent).toHaveLength(0);
    expect(await axeViolations(container)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Peru paikkani' }));
    await screen.findByRole('heading', { level: 1, name: 'Paikkasi on peruttu' });
    expect(fake.named('CancelParticipantWithToken')[0]?.variables).toEqual({ token: 'abc.def' });
    const done = screen.getByRole('status');
    expect(done.textContent).toMatch(/^Paikkasi kurssilla Tulityökortti \(.*4\.5\.2027.*\) on peruttu\.$/);
    expect(screen.getByRole('link', { name: 'Kurssin sivulle' }).getAttribute('href')).toBe('/offers/o1');
    // Without signing in there is no "My bookings" to go to.
    expect(screen.queryByRole('link', { name: 'Omat varaukset' })).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says that a used or broken link no longer works, and keeps the page as it was', async () => {
    const { container } = renderPage(() => graphqlError('TOKEN_INVALID'));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Peru paikkani' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Linkki on vanhentunut tai sitä on jo käytetty.'),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Peru osallistumisesi' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('says when the cancellation deadline was, past it', async () => {
    const deadline = '2027-05-03T06:00:00Z';
    renderPage(() => graphqlError('CANCELLATION_CLOSED', { deadline }));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Peru paikkani' }));
    await screen.findByText(`Peruutusaika päättyi ${formatDateTime(deadline, 'fi')}.`);
    expect(screen.getByRole('alert').textContent).toMatch(/^Peruutusaika on päättynyt/);
  });

  it('explains a link without its code', () => {
    renderPage(() => ({ data: null }), '/bookings/cancel-seat');
    expect(screen.getByText(/^Linkistä puuttuu tunniste/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
