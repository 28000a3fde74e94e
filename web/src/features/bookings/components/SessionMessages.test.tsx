// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import { SessionManagePage } from '../pages/SessionManagePage';
import type { ManagedSession, SessionBooking, SessionMessage, SessionMessaging } from '../operations';

const SESSION: ManagedSession & SessionMessaging = {
  id: 's1',
  offerId: 'o1',
  startsAt: '2027-05-04T06:00:00Z',
  endsAt: '2027-05-04T13:00:00Z',
  startsAtLocal: '2027-05-04T09:00',
  endsAtLocal: '2027-05-04T16:00',
  place: 'Lapin AMK, Jokiväylä 11',
  municipalityCode: '698',
  onlineUrl: null,
  seats: 10,
  seatsTaken: 3,
  seatsFree: 7,
  priceCents: 0,
  language: 'fi',
  takingRegistrations: true,
  registrationDeadline: '2027-05-01T20:59:00Z',
  registrationDeadlineLocal: '2027-05-01T23:59',
  cancellationDeadline: '2027-05-04T06:00:00Z',
  cancellationDeadlineLocal: null,
  cancelledAt: null,
  cancelReason: null,
  minParticipants: null,
  decisionAt: null,
  decisionAtLocal: null,
  waitlistCount: 0,
  canMessageParticipants: true,
  messageRecipientCount: 3,
};

const BOOKING: SessionBooking = {
  id: 'b1',
  state: 'CONFIRMED',
  seats: 2,
  participants: [
    { id: 'p1', name: 'Ville Väänänen', email: 'ville@example.fi', attended: null },
    { id: 'p2', name: 'Aino Aalto', email: 'aino@example.fi', attended: null },
  ],
  waitlistPosition: null,
  offeredUntil: null,
  confirmedAt: '2027-04-01T08:00:00Z',
  cancelledAt: null,
  cancelReason: null,
  createdAt: '2027-04-01T08:00:00Z',
  bookerName: 'Tunturienergia Oy',
  bookerEmail: 'tilaaja@example.fi',
  billing: null,
};

const EARLIER: SessionMessage = {
  id: 'm1',
  body: 'Tervetuloa kurssille!\nOttakaa omat eväät.',
  authorName: 'Kaija Kollega',
  recipientCount: 3,
  createdAt: '2027-04-20T07:30:00Z',
};

const connection = (nodes: SessionMessage[]) => ({
  sessionMessages: { nodes, pageInfo: { hasNextPage: false, endCursor: null }, totalCount: nodes.length },
});

/** The page's server: the session as `session` says, its messages, and `onSend` for a new one. */
function server(session: ManagedSession & SessionMessaging, onSend: (op: SentOperation) => Answer) {
  const sent: SessionMessage[] = [EARLIER];
  return fakeGraphql((op) => {
    switch (op.operationName) {
      case 'ManagedSession':
        return { data: { session, sessionBookings: [BOOKING] } };
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
      case 'SessionMessages':
        return { data: connection([...sent]) };
      case 'MessageSessionParticipants': {
        const answer = onSend(op);
        if ('data' in answer)
          sent.unshift((answer.data as { messageSessionParticipants: SessionMessage }).messageSessionParticipants);
        return answer;
      }
      default:
        return { data: null };
    }
  });
}

function renderPage(answer: ReturnType<typeof fakeGraphql>) {
  return renderRoutes(
    [{ path: '/sessions/:id/manage', element: <SessionManagePage /> }],
    '/sessions/s1/manage',
    answer.client,
  );
}

const messagesSection = () => screen.getByRole('region', { name: 'Viestit osallistujille' });

describe("the organiser's message to a session's participants", () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('says how many it reaches, sends, announces it and lists it with its line breaks', async () => {
    const answer = server(SESSION, (op) => ({
      data: {
        messageSessionParticipants: {
          id: 'm2',
          body: String(op.variables.message).trim(),
          authorName: 'Olli Opettaja',
          recipientCount: 3,
          createdAt: '2027-04-28T09:00:00Z',
        },
      },
    }));
    renderPage(answer);
    const user = userEvent.setup();
    // What was sent before, newest first, with its author, reach and line breaks.
    const earlier = await screen.findByText(/Tervetuloa kurssille!/);
    expect(earlier.textContent).toBe('Tervetuloa kurssille!\nOttakaa omat eväät.');
    const item = earlier.closest('li')!;
    expect(item.textContent).toContain('Kaija Kollega');
    expect(item.textContent).toContain('lähetetty 3 henkilölle');
    await waitFor(() => expect(within(messagesSection()).getByRole('status').textContent).toBe('1 viesti lähetetty'));

    await user.click(within(messagesSection()).getByRole('button', { name: 'Lähetä viesti osallistujille' }));
    const dialog = await screen.findByRole('dialog', { name: 'Viesti osallistujille' });
    expect(within(dialog).getByText(/^Viesti lähtee 3 henkilölle/)).toBeTruthy();
    const field = within(dialog).getByRole('textbox', { name: /Viesti/ });
    expect(field.tagName).toBe('TEXTAREA');
    expect(await axeViolations()).toEqual([]);

    // Nothing typed: the form says so on the field, and nothing is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä viesti 3 henkilölle' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(answer.named('MessageSessionParticipants')).toHaveLength(0);

    await user.type(field, 'Ovi avataan kello 8.{Enter}Tervetuloa!');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä viesti 3 henkilölle' }));
    await waitFor(() =>
      expect(answer.named('MessageSessionParticipants')[0]?.variables).toEqual({
        sessionId: 's1',
        message: 'Ovi avataan kello 8.\nTervetuloa!',
      }),
    );
    // The outcome's heading takes focus, so that it is read out.
    const done = await within(dialog).findByRole('heading', { name: 'Viesti lähetetty' });
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(within(dialog).getByText(/^Viesti lähetettiin 3 henkilölle/)).toBeTruthy();
    // The dialog itself: react-aria's announcer (outside it) still names the send button, now gone,
    // which its pending state announced; the announcement clears itself after a few seconds.
    expect(await axeViolations(dialog)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Sulje' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The list starts again from its first page, which holds the new message first.
    await waitFor(() =>
      expect(
        within(messagesSection())
          .getAllByRole('listitem')
          .map((li) => li.querySelector('.session-message__body')?.textContent),
      ).toEqual(['Ovi avataan kello 8.\nTervetuloa!', 'Tervetuloa kurssille!\nOttakaa omat eväät.']),
    );
    expect(await axeViolations(messagesSection())).toEqual([]);
  });

  it("shows the server's validation error on the field and keeps the text", async () => {
    const answer = server(SESSION, () =>
      graphqlError('VALIDATION', { fields: [{ field: 'message', message: 'validation.characters' }] }),
    );
    renderPage(answer);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Lähetä viesti osallistujille' }));
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByRole('textbox', { name: /Viesti/ });
    await user.type(field, 'Hei kaikki');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä viesti 3 henkilölle' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    // The field says what is wrong, linked to it, and takes focus.
    const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(texts.some((text) => text.startsWith('Tekstissä on merkki, jota ei voi tallentaa'))).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect((field as HTMLTextAreaElement).value).toBe('Hei kaikki');
    expect(within(dialog).queryByRole('heading', { name: 'Viesti lähetetty' })).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });

  it('says why a rate-limited message was not sent', async () => {
    const answer = server(SESSION, () => graphqlError('RATE_LIMITED', { retryAfterSeconds: 7200, limit: 10 }));
    renderPage(answer);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Lähetä viesti osallistujille' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Viesti/ }), 'Vielä yksi');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä viesti 3 henkilölle' }));
    const alert = await within(dialog).findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Liian monta yritystä'));
    expect(within(dialog).getByText(/enintään 10 viestiä vuorokaudessa/)).toBeTruthy();
  });

  it('is not offered to someone who may see the page but not manage the session', async () => {
    // An admin reads the bookings (staff) but does not manage sessions: the server says null.
    const answer = server({ ...SESSION, canMessageParticipants: false, messageRecipientCount: null }, () => ({
      data: null,
    }));
    renderPage(answer);
    await screen.findByRole('heading', { name: /Tunturienergia Oy/ });
    expect(screen.queryByRole('region', { name: 'Viestit osallistujille' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lähetä viesti osallistujille' })).toBeNull();
    expect(answer.named('SessionMessages')).toHaveLength(0);
    expect(await axeViolations()).toEqual([]);
  });

  it('shows a cancelled session’s messages without the button, and says why', async () => {
    const answer = server(
      { ...SESSION, cancelledAt: '2027-04-25T10:00:00Z', canMessageParticipants: false, messageRecipientCount: 0 },
      () => ({ data: null }),
    );
    renderPage(answer);
    await screen.findByText(/Tervetuloa kurssille!/);
    expect(within(messagesSection()).queryByRole('button', { name: 'Lähetä viesti osallistujille' })).toBeNull();
    expect(within(messagesSection()).getByText(/Toteutus on peruttu, joten sen osallistujille/)).toBeTruthy();
  });
});
