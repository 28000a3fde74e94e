// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatTimeRange } from '../../../shared/i18n';
import { fakeGraphql, prepareDom, renderRoutes, type Answer } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { BillingDetails, ManagedSession, SessionBooking, SessionMessaging } from '../operations';
import { ParticipantListPrintPage } from './ParticipantListPrintPage';
import { SessionManagePage } from './SessionManagePage';

const SESSION: ManagedSession & SessionMessaging = {
  id: 's1',
  offerId: 'o1',
  startsAt: '2027-05-04T06:00:00Z',
  endsAt: '2027-05-04T13:00:00Z',
  startsAtLocal: '2027-05-04T09:00',
  endsAtLocal: '2027-05-04T16:00',
  place: 'Jokiväylä 11',
  municipalityCode: '698',
  onlineUrl: null,
  seats: 10,
  seatsTaken: 4,
  seatsFree: 6,
  priceCents: 0,
  language: 'fi',
  takingRegistrations: true,
  registrationDeadline: '2027-05-01T20:59:00Z',
  registrationDeadlineLocal: '2027-05-01T23:59',
  cancellationDeadline: '2027-05-03T06:00:00Z',
  cancellationDeadlineLocal: null,
  cancelledAt: null,
  cancelReason: null,
  minParticipants: null,
  decisionAt: null,
  decisionAtLocal: null,
  waitlistCount: 1,
  canMessageParticipants: false,
  messageRecipientCount: null,
};

const billing = (organisationName: string): BillingDetails => ({
  organisationId: null,
  organisationName,
  businessId: '1234567-8',
  invoiceMethod: 'EMAIL',
  eInvoiceAddress: null,
  eInvoiceOperator: null,
  invoiceEmail: 'laskut@example.fi',
  reference: null,
  unitPriceCents: 0,
});

const booking = (
  id: string,
  state: SessionBooking['state'],
  names: string[],
  organisation: string | null,
): SessionBooking => ({
  id,
  state,
  seats: names.length,
  participants: names.map((name, i) => ({ id: `${id}-p${i}`, name, email: `${id}${i}@example.fi`, attended: null })),
  waitlistPosition: state === 'WAITLISTED' ? 1 : null,
  offeredUntil: null,
  confirmedAt: '2027-04-01T08:00:00Z',
  cancelledAt: null,
  cancelReason: null,
  createdAt: '2027-04-01T08:00:00Z',
  bookerName: `Varaaja ${id}`,
  bookerEmail: null,
  billing: organisation ? billing(organisation) : null,
});

const BOOKINGS = [
  booking('b1', 'CONFIRMED', ['Ville Väänänen', 'Aino Aalto'], 'Tunturienergia Oy'),
  booking('b2', 'CONFIRMED', ['Öljy Örn', 'Erkki Esimerkki'], null),
  booking('b3', 'WAITLISTED', ['Jussi Jono'], 'Jonottajat Oy'),
];

function server() {
  return fakeGraphql((op): Answer => {
    switch (op.operationName) {
      case 'ManagedSession':
        return { data: { session: SESSION, sessionBookings: BOOKINGS } };
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
      default:
        return { data: null };
    }
  });
}

const ROUTES = [
  { path: '/sessions/:id/manage', element: <SessionManagePage /> },
  { path: '/sessions/:id/participants/print', element: <ParticipantListPrintPage /> },
];

const tableRows = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));

describe("a session's participant list to print", () => {
  beforeEach(() => prepareDom());
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('opens from the session page and prints the course, time, place and the confirmed participants by name', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { router, container } = renderRoutes(ROUTES, '/sessions/s1/manage', server().client);
    const user = userEvent.setup();
    const link = await screen.findByRole('link', { name: 'Tulosta osallistujalista' });
    expect(link.getAttribute('href')).toBe('/sessions/s1/participants/print');
    await user.click(link);

    expect(await screen.findByRole('heading', { level: 1, name: 'Aurinkosähkö' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sessions/s1/participants/print');
    expect(screen.getByText('Osallistujalista')).toBeTruthy();
    const details = container.querySelector('.print-sheet__details')!;
    expect(details.textContent).toContain(formatTimeRange(SESSION.startsAt, SESSION.endsAt, 'fi'));
    expect(details.textContent).toContain('Jokiväylä 11, Rovaniemi');
    expect(details.textContent).toContain('Lapin AMK');

    const table = screen.getByRole('table', { name: '4 vahvistettua osallistujaa nimen mukaan' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Nro', 'Nimi', 'Organisaatio', 'Allekirjoitus']);
    // Sorted by name as Finnish sorts (Ö last); the waitlisted are not on it; the signature left empty.
    expect(tableRows()).toEqual([
      ['1', 'Aino Aalto', 'Tunturienergia Oy', ''],
      ['2', 'Erkki Esimerkki', '', ''],
      ['3', 'Ville Väänänen', 'Tunturienergia Oy', ''],
      ['4', 'Öljy Örn', '', ''],
    ]);
    // Asked from the session's page: the print dialog opens, once.
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(router.state.location.state).toBeNull());
    expect(print).toHaveBeenCalledTimes(1);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('opened directly, waits for its Print button', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderRoutes(ROUTES, '/sessions/s1/participants/print', server().client);
    const user = userEvent.setup();
    await screen.findByRole('table');
    expect(print).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Tulosta' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'Takaisin toteutuksen sivulle' }).getAttribute('href')).toBe(
      '/sessions/s1/manage',
    );
  });
});
