/** Bookings as My bookings shows them, for component tests. */
import type { Booking, Participant } from '../operations';

const DAY = 86_400_000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** A confirmed booking of three on a session in a month, cancellable for three more weeks. */
export function booking(participants: Participant[], overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'b1',
    state: 'CONFIRMED',
    seats: participants.length,
    session: {
      id: 's1',
      offerId: 'o1',
      startsAt: inDays(30),
      endsAt: new Date(Date.parse(inDays(30)) + 7 * 3_600_000).toISOString(),
      startsAtLocal: inDays(30).slice(0, 16),
      place: 'Jokiväylä 11',
      municipalityCode: '698',
      onlineUrl: null,
      seats: 20,
      seatsTaken: 6,
      seatsFree: 14,
      priceCents: 0,
      language: 'fi',
      takingRegistrations: true,
      cancellationDeadline: inDays(21),
      cancelledAt: null,
      cancelReason: null,
    },
    offer: { id: 'o1', title: 'Tulityökortti', claimWindowHours: 24, organisation: { id: 'e1', name: 'Lapin AMK' } },
    participants,
    waitlistPosition: null,
    offeredUntil: null,
    confirmedAt: inDays(-2),
    cancelledAt: null,
    cancelReason: null,
    createdAt: inDays(-2),
    canCancel: true,
    need: null,
    billing: null,
    ...overrides,
  };
}

/** My bookings' first page with these bookings. */
export const bookingsPage = (nodes: Booking[]) => ({
  data: { myBookings: { nodes, totalCount: nodes.length, pageInfo: { hasNextPage: false, endCursor: null } } },
});
