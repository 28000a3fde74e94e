// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  findEnabledButton,
  entrepreneurSession,
  fakeGraphql,
  prepareDom,
  renderWithApp,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { Booking, BookingNeed } from '../operations';
import { MyBookingsPage } from '../pages/MyBookingsPage';
import { BookSession, type BookableSession } from './BookSession';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const NEED_ID = '22222222-2222-4222-8222-222222222222';
const offer = { id: 'o1', title: 'Tulityökortti', claimWindowHours: 24 };
const bookable: BookableSession = {
  id: 's1',
  startsAt: '2026-05-04T06:00:00Z',
  endsAt: '2026-05-04T13:00:00Z',
  startsAtLocal: '2026-05-04T09:00',
  seatsFree: 15,
  priceCents: 0,
  takingRegistrations: true,
  cancellationDeadline: '2026-05-04T06:00:00Z',
  maxSeatsPerBooker: 3,
  viewerSeats: 0,
};
const need = (overrides: Partial<BookingNeed> = {}): BookingNeed => ({
  id: NEED_ID,
  title: 'Tulityökoulutus asentajille',
  kind: 'COURSE',
  state: 'OPEN',
  canBookCourse: true,
  ...overrides,
});

/** The booking the server makes of what was sent: for the need when one was sent. */
const bookingOf = (op: SentOperation): Booking => {
  const input = op.variables.input as { needId?: string | null };
  return {
    id: 'b1',
    state: 'CONFIRMED',
    seats: 1,
    session: {
      ...bookable,
      offerId: 'o1',
      place: 'Rovaniemi',
      municipalityCode: '698',
      onlineUrl: null,
      seats: 20,
      seatsTaken: 6,
      language: 'fi',
      cancelledAt: null,
      cancelReason: null,
    },
    offer: { ...offer, organisation: { id: 'e1', name: 'Lapin AMK' } },
    participants: [{ id: 'p1', name: 'Erkki Yrittäjä', email: 'u-entrepreneur@example.fi', attended: null }],
    waitlistPosition: null,
    offeredUntil: null,
    confirmedAt: '2026-04-01T10:00:00Z',
    cancelledAt: null,
    cancelReason: null,
    createdAt: '2026-04-01T10:00:00Z',
    canCancel: true,
    billing: null,
    need: input.needId ? { id: input.needId, title: need().title } : null,
  };
};

function server(answerNeed: BookingNeed | null) {
  return fakeGraphql((op): Answer => {
    if (op.operationName === 'BookingNeed') return { data: { need: answerNeed } };
    if (op.operationName === 'BookSeats') return { data: { bookSeats: bookingOf(op) } };
    return { data: null };
  });
}

async function bookAt(url: string, fake: ReturnType<typeof server>) {
  renderWithApp(<BookSession session={bookable} offer={offer} onBooked={() => {}} />, fake.client, url);
  const user = userEvent.setup();
  await user.click(await findEnabledButton(/Varaa paikka/));
  const dialog = await screen.findByRole('dialog');
  return { user, dialog };
}

describe('booking a course for a need', () => {
  beforeEach(() => {
    prepareDom();
    session.current = entrepreneurSession;
  });
  afterEach(cleanup);

  it('names the need from the address, sends it with the booking and confirms which need it answers', async () => {
    const fake = server(need());
    const { user, dialog } = await bookAt(`/offers/o1?need=${NEED_ID}`, fake);
    const note = await within(dialog).findByText('Varaat tarpeeseesi:', { exact: false });
    expect(note.textContent).toBe('Varaat tarpeeseesi: Tulityökoulutus asentajille');
    expect(fake.named('BookingNeed')[0]!.variables).toEqual({ id: NEED_ID });
    expect(await axeViolations(dialog)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: /Varaa 1 paikka/ }));
    await waitFor(() => expect(fake.named('BookSeats')).toHaveLength(1));
    expect(fake.named('BookSeats')[0]!.variables.input).toMatchObject({ sessionId: 's1', needId: NEED_ID });
    const link = await within(dialog).findByRole('link', { name: 'Tulityökoulutus asentajille' });
    expect(link.getAttribute('href')).toBe(`/needs/${NEED_ID}`);
    expect(link.parentElement!.textContent).toBe('Tarpeeseesi: Tulityökoulutus asentajille');
    // The dialog itself: react-aria's live announcer, outside it, keeps the pending button's announcement.
    expect(await axeViolations(dialog)).toEqual([]);
  });

  it('books without a need, and says so, when the need in the address is not one the user may book for', async () => {
    const fake = server(need({ canBookCourse: false }));
    const { user, dialog } = await bookAt(`/offers/o1?need=${NEED_ID}`, fake);
    expect(await within(dialog).findByText(/Varausta ei liitetä tarpeeseen/)).toBeTruthy();
    expect(within(dialog).queryByText(/Varaat tarpeeseesi/)).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: /Varaa 1 paikka/ }));
    await waitFor(() => expect(fake.named('BookSeats')).toHaveLength(1));
    expect(fake.named('BookSeats')[0]!.variables.input).toMatchObject({ needId: null });
    await within(dialog).findByRole('heading', { name: 'Paikka on varattu' });
    expect(within(dialog).queryByText(/Tarpeeseesi/)).toBeNull();
  });

  it('asks nothing of needs when the address names none', async () => {
    const fake = server(need());
    const { user, dialog } = await bookAt('/offers/o1', fake);
    await user.click(within(dialog).getByRole('button', { name: /Varaa 1 paikka/ }));
    await waitFor(() => expect(fake.named('BookSeats')).toHaveLength(1));
    expect(fake.named('BookingNeed')).toHaveLength(0);
    expect(within(dialog).queryByText(/tarpee/i)).toBeNull();
  });

  it('brings a visitor back to the course with the need after signing in', () => {
    session.current = { status: 'visitor', user: null };
    renderWithApp(
      <BookSession session={bookable} offer={offer} onBooked={() => {}} />,
      server(need()).client,
      `/offers/o1?need=${NEED_ID}`,
    );
    const link = screen.getByRole('link', { name: 'Kirjaudu sisään ja varaa' });
    expect(new URL(link.getAttribute('href')!, 'http://localhost').searchParams.get('returnTo')).toBe(
      `/offers/o1?need=${NEED_ID}`,
    );
  });

  it('shows in My bookings which need a booking answers', async () => {
    const forNeed = bookingOf({ operationName: 'BookSeats', variables: { input: { needId: NEED_ID } } });
    const plain = { ...bookingOf({ operationName: 'BookSeats', variables: { input: {} } }), id: 'b2' };
    const fake = fakeGraphql((op): Answer => {
      if (op.operationName !== 'MyBookings') return { data: null };
      const nodes = [forNeed, plain];
      return { data: { myBookings: { nodes, totalCount: 2, pageInfo: { hasNextPage: false, endCursor: null } } } };
    });
    const { container } = renderWithApp(<MyBookingsPage />, fake.client, '/my/bookings');
    expect(await screen.findAllByRole('listitem', { name: 'Tulityökortti' })).toHaveLength(2);
    const withNeed = document.getElementById('booking-b1')!.closest('li');
    const without = document.getElementById('booking-b2')!.closest('li');
    const term = within(withNeed!).getByText('Tarpeeseen');
    expect(
      within(term.parentElement!).getByRole('link', { name: 'Tulityökoulutus asentajille' }).getAttribute('href'),
    ).toBe(`/needs/${NEED_ID}`);
    expect(within(without!).queryByText('Tarpeeseen')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });
});
