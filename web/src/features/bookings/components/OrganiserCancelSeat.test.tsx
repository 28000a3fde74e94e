// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGraphql, graphqlError, prepareDom, renderRoutes, type Answer } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { ManagedSession, SessionBooking, SessionMessaging } from '../operations';
import { SessionManagePage } from '../pages/SessionManagePage';

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A session in a week, cancellable by bookers until yesterday. */
const SESSION: ManagedSession & SessionMessaging = {
  id: 's1',
  offerId: 'o1',
  startsAt: inDays(7),
  endsAt: new Date(Date.parse(inDays(7)) + 7 * 3_600_000).toISOString(),
  startsAtLocal: inDays(7).slice(0, 16),
  endsAtLocal: inDays(7).slice(0, 16),
  place: 'Lapin AMK, Jokiväylä 11',
  municipalityCode: '698',
  onlineUrl: null,
  seats: 10,
  seatsTaken: 3,
  seatsFree: 7,
  priceCents: 0,
  language: 'fi',
  takingRegistrations: true,
  registrationDeadline: inDays(5),
  registrationDeadlineLocal: inDays(5).slice(0, 16),
  cancellationDeadline: inDays(-1),
  cancellationDeadlineLocal: null,
  cancelledAt: null,
  cancelReason: null,
  minParticipants: null,
  decisionAt: null,
  decisionAtLocal: null,
  waitlistCount: 0,
  canMessageParticipants: false,
  messageRecipientCount: null,
};

const booking = (id: string, bookerName: string, people: [string, string][]): SessionBooking => ({
  id,
  state: 'CONFIRMED',
  seats: people.length,
  participants: people.map(([pid, name]) => ({ id: pid, name, email: `${pid}@example.fi`, attended: null })),
  waitlistPosition: null,
  offeredUntil: null,
  confirmedAt: inDays(-10),
  cancelledAt: null,
  cancelReason: null,
  createdAt: inDays(-10),
  bookerName,
  bookerEmail: null,
  billing: null,
});

function server(session: ManagedSession & SessionMessaging, refuse?: Answer) {
  let bookings = [
    booking('b1', 'Tunturienergia Oy', [
      ['p1', 'Ville Väänänen'],
      ['p2', 'Aino Aalto'],
    ]),
    booking('b2', 'Sallan Sähkö', [['p3', 'Salla Sähkö']]),
  ];
  return fakeGraphql((op): Answer => {
    switch (op.operationName) {
      case 'ManagedSession':
        return { data: { session, sessionBookings: bookings } };
      case 'SessionOffer':
        return {
          data: {
            offer: {
              id: 'o1',
              title: 'Aurinkosähkö',
              state: 'PUBLISHED',
              canEdit: true,
              organisation: { id: 'org1', name: 'Lapin AMK' },
            },
          },
        };
      case 'CancelSessionParticipant': {
        if (refuse) return refuse;
        const { bookingId, participantId } = op.variables;
        bookings = bookings.map((b) => {
          if (b.id !== bookingId) return b;
          const participants = b.participants.filter((p) => p.id !== participantId);
          return participants.length === 0
            ? { ...b, state: 'CANCELLED', cancelReason: 'BY_ORGANISER', cancelledAt: new Date().toISOString() }
            : { ...b, participants, seats: participants.length };
        });
        return { data: { cancelParticipant: bookings.find((b) => b.id === bookingId) } };
      }
      default:
        return { data: null };
    }
  });
}

const renderPage = (fake: ReturnType<typeof fakeGraphql>) =>
  renderRoutes([{ path: '/sessions/:id/manage', element: <SessionManagePage /> }], '/sessions/s1/manage', fake.client);

/** A booking's item in the list, by its heading's id (an open dialog hides the rest from the accessibility tree). */
const item = (id: string) => document.getElementById(`session-booking-${id}`)!.closest('li')!;
const itemNames = (id: string) =>
  Array.from(item(id).querySelectorAll('.participant-row > span:first-child')).map((span) =>
    span.textContent?.replace(/\s*\(.*\)$/, ''),
  );

describe("the organiser's cancellation of one participant's seat", () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('cancels a seat after the bookers’ deadline, until the start, and says who is told', async () => {
    const fake = server(SESSION);
    const { container } = renderPage(fake);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /Tunturienergia Oy/ });
    expect(await axeViolations(container)).toEqual([]);

    await user.click(within(item('b1')).getByRole('button', { name: 'Peru paikka: Aino Aalto' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Perutaanko osallistujan Aino Aalto paikka?' });
    expect(within(dialog).getByText(/^Aino Aalto ei enää osallistu toteutukseen/).textContent).toContain(
      'Aino Aalto sekä varaaja saavat tiedon.',
    );
    expect(within(dialog).queryByText(/ainoa osallistuja/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Peru paikka' }));

    await waitFor(() =>
      expect(fake.named('CancelSessionParticipant')[0]?.variables).toEqual({ bookingId: 'b1', participantId: 'p2' }),
    );
    await waitFor(() => expect(itemNames('b1')).toEqual(['Ville Väänänen']));
    expect(
      screen
        .getAllByRole('status')
        .some(
          (s) =>
            s.textContent === 'Osallistujan Aino Aalto paikka on peruttu, ja Aino Aalto sekä varaaja saavat tiedon.',
        ),
    ).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('session-booking-b1')));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('warns that the only participant’s seat takes the booking with it', async () => {
    const fake = server(SESSION);
    renderPage(fake);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /Sallan Sähkö/ });
    await user.click(within(item('b2')).getByRole('button', { name: 'Peru paikka: Salla Sähkö' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(
      within(dialog).getByText('Salla Sähkö on varauksen ainoa osallistuja, joten koko varaus perutaan.'),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Peru paikka' }));
    await waitFor(() => expect(within(item('b2')).getByText('Peruttu')).toBeTruthy());
    expect(within(item('b2')).queryByRole('button', { name: /Peru paikka/ })).toBeNull();
    expect(
      screen
        .getAllByRole('status')
        .some((s) => s.textContent?.startsWith('Osallistujan Salla Sähkö paikka ja samalla koko varaus')),
    ).toBe(true);
  });

  it('shows the server’s refusal in the dialog', async () => {
    const fake = server(SESSION, graphqlError('SESSION_STARTED'));
    renderPage(fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Peru paikka: Ville Väänänen' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Peru paikka' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Kurssi on jo alkanut');
    expect(itemNames('b1')).toEqual(['Ville Väänänen', 'Aino Aalto']);
  });

  it('offers no seat cancellation once the session has started', async () => {
    const started = { ...SESSION, startsAt: inDays(-0.1), endsAt: inDays(0.2) };
    renderPage(server(started));
    await screen.findByRole('heading', { name: /Tunturienergia Oy/ });
    expect(screen.queryByRole('button', { name: /^Peru paikka/ })).toBeNull();
  });
});
