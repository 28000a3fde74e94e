// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
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
import { MyBookingsPage } from '../pages/MyBookingsPage';
import { booking, bookingsPage, inDays } from '../testing/bookings';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const ORG = '33333333-3333-4333-8333-333333333333';
const BOOKER: Participant = { id: 'p1', name: 'Erkki Yrittäjä', email: 'u-entrepreneur@example.fi', attended: null };

/** The organisation's details as the dialog sends them once an invoice by e-mail is chosen. */
const BY_EMAIL = {
  organisationId: ORG,
  organisationName: 'Tunturienergia Oy',
  businessId: '1572860-0',
  invoiceMethod: 'EMAIL' as const,
  eInvoiceAddress: null,
  eInvoiceOperator: null,
  invoiceEmail: 'laskut@example.fi',
  reference: null,
};

/** Four paid seats a match holds for the booker, named only for them, with no billing details. */
function hold(overrides: Partial<Booking> = {}): Booking {
  const base = booking([BOOKER]);
  return {
    ...base,
    state: 'OFFERED',
    seats: 4,
    offeredUntil: inDays(2),
    confirmedAt: null,
    session: { ...base.session, priceCents: 12_000 },
    ...overrides,
  };
}

/** My bookings with one held booking; `onClaim` answers the claim. */
function server(start: Booking, onClaim: (op: SentOperation) => Answer) {
  return fakeGraphql((op): Answer => {
    switch (op.operationName) {
      case 'MyBookings':
        return bookingsPage([start]);
      case 'BillingOrganisations':
        return {
          data: {
            me: {
              id: 'u-entrepreneur',
              memberships: [{ organisation: { id: ORG, name: 'Tunturienergia Oy', businessId: '1572860-0' } }],
            },
          },
        };
      case 'SavedBillingDetails':
        return { data: { savedBillingDetails: null } };
      case 'ClaimBooking':
        return onClaim(op);
      default:
        return { data: null };
    }
  });
}

/** The claim button once it can be used (its dialog loads on demand; it stands disabled meanwhile). */
const claimButton = () =>
  waitFor(
    () => {
      const button = screen.getByRole('button', { name: /Vahvista paikka \(/ });
      expect(button).toHaveProperty('disabled', false);
      return button;
    },
    { timeout: 15_000 },
  );

describe('claiming held seats', () => {
  beforeAll(() => import('./ClaimWithBillingDialog'), 60_000);
  beforeEach(() => {
    prepareDom();
    session.current = entrepreneurSession;
  });
  afterEach(cleanup);

  it(
    'asks who is invoiced for paid seats held without billing details, and claims with them',
    { timeout: 30_000 },
    async () => {
      const sent: SentOperation[] = [];
      const answer = server(hold(), (op) => {
        sent.push(op);
        return { data: { claimBooking: hold({ state: 'CONFIRMED', offeredUntil: null }) } };
      });
      renderWithApp(<MyBookingsPage />, answer.client);
      const user = userEvent.setup();
      await user.click(await claimButton());
      const dialog = await screen.findByRole('dialog');
      expect(within(dialog).getByRole('heading', { name: 'Vahvista 4 paikkaa' })).toBeTruthy();
      expect(within(dialog).getByText(/4 paikkaa maksavat yhteensä 480/)).toBeTruthy();
      // An organisation pays: paying oneself is not offered.
      expect(within(dialog).queryByRole('radio', { name: 'Maksan itse' })).toBeNull();
      // Nothing is sent until the invoice's details are complete.
      await user.click(within(dialog).getByRole('button', { name: 'Vahvista 4 paikkaa' }));
      await waitFor(() =>
        expect(within(dialog).getAllByText(/Laskutussähköposti|Verkkolaskuosoite/).length).toBeGreaterThan(0),
      );
      expect(sent).toHaveLength(0);
      await waitFor(() =>
        expect((within(dialog).getByLabelText(/^Laskutettavan organisaation nimi/) as HTMLInputElement).value).toBe(
          'Tunturienergia Oy',
        ),
      );
      await user.click(within(dialog).getByRole('radio', { name: 'Sähköpostilla' }));
      await user.type(within(dialog).getByLabelText(/^Laskutussähköposti/), 'laskut@example.fi');
      expect(await axeViolations(dialog)).toEqual([]);
      await user.click(within(dialog).getByRole('button', { name: 'Vahvista 4 paikkaa' }));
      await waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]!.variables).toEqual({ id: 'b1', billing: BY_EMAIL });
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    },
  );

  it('shows the server’s refusal in the dialog', { timeout: 30_000 }, async () => {
    const answer = server(hold(), () => graphqlError('CLAIM_EXPIRED'));
    renderWithApp(<MyBookingsPage />, answer.client);
    const user = userEvent.setup();
    await user.click(await claimButton());
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect((within(dialog).getByLabelText(/^Laskutettavan organisaation nimi/) as HTMLInputElement).value).toBe(
        'Tunturienergia Oy',
      ),
    );
    await user.click(within(dialog).getByRole('radio', { name: 'Sähköpostilla' }));
    await user.type(within(dialog).getByLabelText(/^Laskutussähköposti/), 'laskut@example.fi');
    await user.click(within(dialog).getByRole('button', { name: 'Vahvista 4 paikkaa' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('claims at once when the seats have their billing details, or need none', { timeout: 30_000 }, async () => {
    const sent: SentOperation[] = [];
    const billed = hold({ billing: { ...BY_EMAIL, unitPriceCents: 12_000 } });
    const answer = server(billed, (op) => {
      sent.push(op);
      return { data: { claimBooking: { ...billed, state: 'CONFIRMED', offeredUntil: null } } };
    });
    renderWithApp(<MyBookingsPage />, answer.client);
    const user = userEvent.setup();
    await user.click(await claimButton());
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.variables).toEqual({ id: 'b1' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
