// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  findEnabledButton,
  entrepreneurSession,
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderWithApp,
} from '../../../shared/testing';
import { BookSession, type BookableSession } from './BookSession';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const offer = { id: 'o1', title: 'Tulityökortti', claimWindowHours: 24 };
const bookable = (overrides: Partial<BookableSession> = {}): BookableSession => ({
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
  ...overrides,
});

async function openDialog(props: BookableSession, answer = fakeGraphql(() => ({ data: null }))) {
  renderWithApp(<BookSession session={props} offer={offer} onBooked={() => {}} />, answer.client);
  const user = userEvent.setup();
  await user.click(await findEnabledButton(/Varaa paikka/));
  return { user, dialog: await screen.findByRole('dialog'), ...answer };
}

describe('booking a session with a cap per booker', () => {
  beforeEach(() => {
    prepareDom();
    session.current = entrepreneurSession;
  });
  afterEach(cleanup);

  it('says how many seats one person may book, and adds participants only up to it', async () => {
    const { user, dialog } = await openDialog(bookable());
    expect(within(dialog).getByText(/Yksi henkilö voi varata tähän toteutukseen enintään 3 paikkaa\./)).toBeTruthy();
    const add = within(dialog).getByRole('button', { name: 'Lisää osallistuja' });
    await user.click(add);
    await user.click(add);
    expect((add as HTMLButtonElement).disabled).toBe(true);
    expect(within(dialog).getByText('Voit varata tähän toteutukseen vielä 3 paikkaa.')).toBeTruthy();
  });

  it('counts the seats the booker already holds, and refuses when none are left', async () => {
    const { dialog } = await openDialog(bookable({ viewerSeats: 2 }));
    expect(within(dialog).getByText(/Sinulla on täällä jo 2 paikkaa, joten voit varata vielä 1\./)).toBeTruthy();
    cleanup();
    const full = await openDialog(bookable({ viewerSeats: 3 }));
    expect(within(full.dialog).getByText(/ettet voi varata enempää/)).toBeTruthy();
    const submit = within(full.dialog).getByRole('button', { name: /Varaa 1 paikka/ });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the server’s refusal with the cap in words', async () => {
    const server = fakeGraphql((operation) =>
      operation.operationName === 'BookSeats'
        ? graphqlError('SEATS_PER_BOOKER', { maxSeatsPerBooker: 3, seatsHeld: 3, seatsAsked: 1 })
        : { data: null },
    );
    const { user, dialog } = await openDialog(bookable(), server);
    await user.click(within(dialog).getByRole('button', { name: /Varaa 1 paikka/ }));
    await waitFor(() =>
      expect(
        within(dialog).getByText(
          'Yksi henkilö voi varata tähän toteutukseen enintään 3 paikkaa jonopaikat mukaan lukien. Sinulla on 3 ja pyysit 1.',
        ),
      ).toBeTruthy(),
    );
  });
});
