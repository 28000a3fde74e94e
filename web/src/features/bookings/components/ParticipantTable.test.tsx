// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, graphqlError, prepareDom, renderWithApp } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { SessionBooking } from '../operations';
import { ParticipantTable } from './ParticipantTable';

const booking = (id: string, state: SessionBooking['state'], bookerName: string, names: string[]): SessionBooking => ({
  id,
  state,
  seats: names.length,
  participants: names.map((name, i) => ({ id: `${id}-p${i}`, name, email: `${id}${i}@example.fi`, attended: null })),
  waitlistPosition: state === 'WAITLISTED' ? 1 : null,
  offeredUntil: null,
  confirmedAt: null,
  cancelledAt: null,
  cancelReason: null,
  createdAt: '2026-12-01T08:00:00Z',
  bookerName,
  bookerEmail: null,
  billing: null,
});

const BOOKINGS = [
  booking('b1', 'CONFIRMED', 'Tunturienergia Oy', ['Ville Väänänen', 'Aino Aalto']),
  booking('b2', 'CONFIRMED', 'Sallan Sähkö', ['Öljy Örn']),
  booking('b3', 'WAITLISTED', 'Jonottaja', ['Jussi Jono']),
];

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

/** The session began an hour ago: attendance may be marked. */
const STARTED = new Date(Date.now() - 3_600_000).toISOString();

describe('the participant table', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('lists the confirmed participants, sorts them, and marks the chosen ones present in one request', async () => {
    const onChanged = vi.fn();
    const server = fakeGraphql(() => ({ data: { markSessionAttendance: [] } }));
    renderWithApp(
      <ParticipantTable sessionId="s1" startsAt={STARTED} bookings={BOOKINGS} onChanged={onChanged} />,
      server.client,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { name: 'Osallistujat (3)' })).toBeTruthy();
    // As booked; the waitlisted one is not a participant yet.
    expect(names()).toEqual(['Ville Väänänen', 'Aino Aalto', 'Öljy Örn']);
    await user.selectOptions(screen.getByLabelText('Järjestys'), 'Nimen mukaan');
    expect(names()).toEqual(['Aino Aalto', 'Ville Väänänen', 'Öljy Örn']);

    const present = screen.getByRole('button', { name: /paikalla olleiksi|paikalla olleeksi/ });
    expect(present).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: 'Valitse kaikki' }));
    await user.click(screen.getByRole('checkbox', { name: 'Valitse: Öljy Örn' }));
    await user.click(screen.getByRole('button', { name: 'Merkitse valitut (2) paikalla olleiksi' }));
    await waitFor(() =>
      expect(server.named('MarkSessionAttendance')[0]?.variables).toEqual({
        sessionId: 's1',
        participantIds: ['b1-p1', 'b1-p0'],
        attended: true,
      }),
    );
    await screen.findByText('2 osallistujaa merkitty paikalla olleiksi.');
    expect(onChanged).toHaveBeenCalled();
    expect(await axeViolations()).toEqual([]);
  });

  it('says what went wrong, and keeps the choice, when marking fails', async () => {
    const server = fakeGraphql(() => graphqlError('NOT_FOUND'));
    renderWithApp(
      <ParticipantTable sessionId="s1" startsAt={STARTED} bookings={BOOKINGS} onChanged={() => undefined} />,
      server.client,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Valitse: Aino Aalto' }));
    await user.click(screen.getByRole('button', { name: 'Merkitse valittu poissa olleeksi' }));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(screen.getByRole('checkbox', { name: 'Valitse: Aino Aalto' })).toHaveProperty('checked', true);
  });

  it('waits to mark attendance until the session has started, and says when that is', async () => {
    const server = fakeGraphql(() => ({ data: { markSessionAttendance: [] } }));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    renderWithApp(
      <ParticipantTable sessionId="s1" startsAt={tomorrow} bookings={BOOKINGS} onChanged={() => undefined} />,
      server.client,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: 'Valitse kaikki' }));
    expect(
      screen.getByRole('button', { name: 'Merkitse valitut (3) paikalla olleiksi' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(screen.getByText(/^Läsnäolon voi merkitä, kun toteutus on alkanut/)).toBeTruthy();
    expect(server.named('MarkSessionAttendance')).toHaveLength(0);
  });
});
