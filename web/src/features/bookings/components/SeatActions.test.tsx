// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  entrepreneurSession,
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderWithApp,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { Booking, Participant } from '../operations';
import { booking, bookingsPage, inDays } from '../testing/bookings';
import { MyBookingsPage } from '../pages/MyBookingsPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const VILLE: Participant = { id: 'p1', name: 'Ville Väänänen', email: 'ville@example.fi', attended: null };
const AINO: Participant = { id: 'p2', name: 'Aino Aalto', email: 'aino@example.fi', attended: null };
const ERKKI: Participant = { id: 'p3', name: 'Erkki Yrittäjä', email: 'u-entrepreneur@example.fi', attended: null };

/** My bookings with one booking, which the seat mutations change as the server would (or answer with `refuse`). */
function server(start: Booking, refuse?: (op: SentOperation) => Answer | null) {
  let current = start;
  return fakeGraphql((op): Answer => {
    switch (op.operationName) {
      case 'MyBookings':
        return bookingsPage([current]);
      case 'CancelParticipant': {
        const refused = refuse?.(op);
        if (refused) return refused;
        const participants = current.participants.filter((p) => p.id !== op.variables.participantId);
        current = { ...current, participants, seats: participants.length };
        return { data: { cancelParticipant: current } };
      }
      case 'ReplaceParticipant': {
        const refused = refuse?.(op);
        if (refused) return refused;
        const next = op.variables.participant as { name: string; email: string };
        const participants = current.participants.map((p) =>
          p.id === op.variables.participantId ? { ...p, ...next, attended: null } : p,
        );
        current = { ...current, participants };
        return { data: { replaceParticipant: current } };
      }
      case 'AddParticipant': {
        const next = op.variables.participant as { name: string; email: string };
        const added = { id: `p${current.participants.length + 10}`, ...next, attended: null };
        current = { ...current, participants: [...current.participants, added] };
        return { data: { addParticipant: current } };
      }
      default:
        return { data: null };
    }
  });
}

/** The booking's card (found by its heading: an open dialog hides the rest from the accessibility tree). */
const card = () => document.getElementById('booking-b1')!.closest('li')!;
const participantNames = () =>
  Array.from(card().querySelectorAll('.participant-names > li > span:first-child')).map((span) =>
    span.textContent?.replace(/\s*\(.*\)$/, ''),
  );

describe("the booker's participants: cancelling one seat and giving it to someone else", () => {
  beforeEach(() => {
    prepareDom();
    session.current = entrepreneurSession;
  });
  afterEach(cleanup);

  it('cancels one participant’s seat after confirming, announces it and moves focus to the booking', async () => {
    const fake = server(booking([ERKKI, VILLE, AINO]));
    const { container } = renderWithApp(<MyBookingsPage />, fake.client, '/my/bookings');
    const user = userEvent.setup();
    await screen.findByRole('listitem', { name: 'Tulityökortti' });
    expect(participantNames()).toEqual(['Erkki Yrittäjä', 'Ville Väänänen', 'Aino Aalto']);
    expect(await axeViolations(container)).toEqual([]);

    await user.click(within(card()).getByRole('button', { name: 'Peru tämä paikka: Aino Aalto' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Perutaanko osallistujan Aino Aalto paikka?' });
    expect(within(dialog).getByText(/^Aino Aalto ei enää osallistu kurssille Tulityökortti/).textContent).toContain(
      'Paikka vapautuu muille, ja Aino Aalto saa tiedon sähköpostilla.',
    );
    expect(await axeViolations(dialog)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Peru paikka' }));

    await waitFor(() =>
      expect(fake.named('CancelParticipant')[0]?.variables).toEqual({ bookingId: 'b1', participantId: 'p2' }),
    );
    await waitFor(() => expect(participantNames()).toEqual(['Erkki Yrittäjä', 'Ville Väänänen']));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(
      screen
        .getAllByRole('status')
        .some(
          (s) => s.textContent === 'Osallistujan Aino Aalto paikka on peruttu. Aino Aalto saa tiedon sähköpostilla.',
        ),
    ).toBe(true);
    // Its button went with the participant: the booking's heading takes focus.
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('booking-b1')));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('gives a seat to someone else, and shows the server’s refusal of a person already on the booking on the e-mail field', async () => {
    const fake = server(booking([ERKKI, VILLE, AINO]), (op) =>
      op.operationName === 'ReplaceParticipant' &&
      (op.variables.participant as { email: string }).email === 'ville@example.fi'
        ? graphqlError('VALIDATION', {
            fields: [{ field: 'participant.email', message: 'validation.participantTwice' }],
          })
        : null,
    );
    renderWithApp(<MyBookingsPage />, fake.client, '/my/bookings');
    const user = userEvent.setup();
    await screen.findByRole('listitem', { name: 'Tulityökortti' });

    const replace = within(card()).getByRole('button', { name: 'Vaihda: Aino Aalto' });
    await user.click(replace);
    const dialog = await screen.findByRole('dialog', { name: 'Osallistujan Aino Aalto paikka toiselle' });
    const name = within(dialog).getByRole('textbox', { name: /Nimi/ });
    const email = within(dialog).getByRole('textbox', { name: /Sähköpostiosoite/ });

    // Nothing typed: the form's own checks, and nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Vaihda osallistuja' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(fake.named('ReplaceParticipant')).toHaveLength(0);

    // Someone already on the booking: the server says so, on the e-mail field, which takes focus.
    await user.type(name, 'Ville Toinen');
    await user.type(email, ' Ville@Example.fi ');
    await user.click(within(dialog).getByRole('button', { name: 'Vaihda osallistuja' }));
    await waitFor(() =>
      expect(fake.named('ReplaceParticipant')[0]?.variables).toEqual({
        bookingId: 'b1',
        participantId: 'p2',
        participant: { name: 'Ville Toinen', email: 'ville@example.fi' },
      }),
    );
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const described = (email.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Tämä henkilö on jo varauksessa.',
    );
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(within(dialog).getByRole('alert').textContent).toContain('Tarkista');
    expect(await axeViolations(dialog)).toEqual([]);

    // Someone new: the seat is theirs, the dialog closes and focus is back on the (same) button.
    await user.clear(name);
    await user.type(name, 'Kalle Korhonen');
    await user.clear(email);
    await user.type(email, 'kalle@example.fi');
    await user.click(within(dialog).getByRole('button', { name: 'Vaihda osallistuja' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.named('ReplaceParticipant')[1]?.variables).toEqual({
      bookingId: 'b1',
      participantId: 'p2',
      participant: { name: 'Kalle Korhonen', email: 'kalle@example.fi' },
    });
    await waitFor(() => expect(participantNames()).toEqual(['Erkki Yrittäjä', 'Ville Väänänen', 'Kalle Korhonen']));
    expect(
      screen
        .getAllByRole('status')
        .some(
          (s) =>
            s.textContent ===
            'Osallistujan Aino Aalto paikka on nyt henkilöllä Kalle Korhonen, joka saa oman vahvistuksensa sähköpostilla.',
        ),
    ).toBe(true);
    await waitFor(() =>
      expect(document.activeElement).toBe(within(card()).getByRole('button', { name: 'Vaihda: Kalle Korhonen' })),
    );
  });

  it('says why seats can no longer change after the cancellation deadline, and offers none for a lone participant', async () => {
    const closed = booking([ERKKI, AINO], {
      canCancel: false,
      session: { ...booking([]).session, cancellationDeadline: inDays(-1) },
    });
    const fake = fakeGraphql((op) =>
      op.operationName === 'MyBookings'
        ? bookingsPage([
            closed,
            { ...booking([ERKKI]), id: 'b2', offer: { ...closed.offer, title: 'Sähköturvallisuus' } },
          ])
        : { data: null },
    );
    const { container } = renderWithApp(<MyBookingsPage />, fake.client, '/my/bookings');
    await screen.findByRole('listitem', { name: 'Tulityökortti' });
    expect(within(card()).queryByRole('button', { name: /Peru tämä paikka|Vaihda:/ })).toBeNull();
    expect(
      within(card()).getByText(/^Osallistujia ei voi enää perua eikä vaihtaa täällä: peruutusaika päättyi/),
    ).toBeTruthy();
    const alone = screen.getByRole('listitem', { name: 'Sähköturvallisuus' });
    expect(within(alone).queryByRole('button', { name: /Peru tämä paikka|Vaihda:/ })).toBeNull();
    expect(within(alone).getByRole('button', { name: 'Peru varaus' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('keeps the dialog open with the server’s reason when the seat can no longer be cancelled', async () => {
    const fake = server(booking([ERKKI, AINO]), (op) =>
      op.operationName === 'CancelParticipant' ? graphqlError('CANCELLATION_CLOSED', { deadline: inDays(-1) }) : null,
    );
    renderWithApp(<MyBookingsPage />, fake.client, '/my/bookings');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Peru tämä paikka: Aino Aalto' }));
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Peru paikka' }));
    const alert = await within(dialog).findByText(/^Peruutusaika on päättynyt/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(participantNames()).toEqual(['Erkki Yrittäjä', 'Aino Aalto']);
  });

  it('names the seats a match held for the booker, one at a time, until every seat has a name', async () => {
    const fake = server(booking([ERKKI], { seats: 2 }));
    renderWithApp(<MyBookingsPage />, fake.client, '/my/bookings');
    const user = userEvent.setup();
    await screen.findByRole('listitem', { name: 'Tulityökortti' });
    await user.click(within(card()).getByRole('button', { name: 'Nimeä osallistuja (1 paikka nimeämättä)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kuka osallistuu?' });
    await user.type(within(dialog).getByRole('textbox', { name: /Nimi/ }), 'Aino Aalto');
    await user.type(within(dialog).getByRole('textbox', { name: /Sähköpostiosoite/ }), 'aino@example.fi');
    expect(await axeViolations(dialog)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Lisää osallistuja' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.named('AddParticipant')[0]?.variables).toEqual({
      bookingId: 'b1',
      participant: { name: 'Aino Aalto', email: 'aino@example.fi' },
    });
    await waitFor(() => expect(participantNames()).toEqual(['Erkki Yrittäjä', 'Aino Aalto']));
    // Every seat named: no more to name, and focus is on the booking.
    expect(within(card()).queryByRole('button', { name: /^Nimeä osallistuja/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(document.getElementById('booking-b1')));
  });
});
