// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  entrepreneurSession,
  fakeGraphql,
  prepareDom,
  renderWithApp,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { BillingDetails } from '../operations';
import { BookSession, type BookableSession } from './BookSession';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const ORG = '33333333-3333-4333-8333-333333333333';
const offer = { id: 'o1', title: 'Aurinkosähkö yrityksille', claimWindowHours: 24 };
const paid: BookableSession = {
  id: 's1',
  startsAt: '2026-05-04T06:00:00Z',
  endsAt: '2026-05-04T13:00:00Z',
  startsAtLocal: '2026-05-04T09:00',
  seatsFree: 15,
  priceCents: 12_000,
  takingRegistrations: true,
  cancellationDeadline: '2026-05-04T06:00:00Z',
  maxSeatsPerBooker: 10,
  viewerSeats: 0,
};
const remembered: BillingDetails = {
  organisationId: ORG,
  organisationName: 'Tunturienergia Oy',
  businessId: '1572860-0',
  invoiceMethod: 'E_INVOICE',
  eInvoiceAddress: '003715728600',
  eInvoiceOperator: 'BAWCFI22',
  invoiceEmail: null,
  reference: 'Kustannuspaikka 12',
  unitPriceCents: null,
};

function server(onBook: (op: SentOperation) => Answer, saved: BillingDetails | null = remembered) {
  return fakeGraphql((op) => {
    if (op.operationName === 'BillingOrganisations') {
      return {
        data: {
          me: {
            id: 'u-entrepreneur',
            memberships: [{ organisation: { id: ORG, name: 'Tunturienergia Oy', businessId: '1572860-0' } }],
          },
        },
      };
    }
    if (op.operationName === 'SavedBillingDetails') return { data: { savedBillingDetails: saved } };
    if (op.operationName === 'BookSeats') return onBook(op);
    return { data: null };
  });
}

async function open(answer: ReturnType<typeof server>) {
  renderWithApp(<BookSession session={paid} offer={offer} onBooked={() => {}} />, answer.client);
  const user = userEvent.setup();
  // The dialog and its texts load lazily; on a busy machine that takes a while.
  const button = await waitFor(
    () => {
      const found = screen.getByRole('button', { name: /Varaa paikka/ });
      expect(found).toHaveProperty('disabled', false);
      return found;
    },
    { timeout: 15_000 },
  );
  await user.click(button);
  return { user, dialog: await screen.findByRole('dialog'), ...answer };
}

async function addParticipants(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('button', { name: 'Lisää osallistuja' }));
  await user.type(within(dialog).getAllByLabelText(/^Nimi/)[1]!, 'Aino Asentaja');
  await user.type(within(dialog).getAllByLabelText(/^Sähköposti/)[1]!, 'aino@example.fi');
}

describe('booking a paid session on an organisation’s behalf', () => {
  // The dialog is loaded lazily: once, before the clock of the first test starts.
  beforeAll(() => import('./BookSessionDialog'), 60_000);
  beforeEach(() => {
    prepareDom();
    session.current = entrepreneurSession;
  });
  afterEach(cleanup);

  it(
    'asks for billing details before booking more than one seat, and sends nothing without them',
    { timeout: 30_000 },
    async () => {
      const book = vi.fn(() => ({ data: null }));
      const { user, dialog } = await open(server(book));
      await addParticipants(user, dialog);
      expect(within(dialog).getByText(/tarvitaan laskutustiedot/)).toBeTruthy();
      await user.click(within(dialog).getByRole('button', { name: /Varaa 2 paikkaa/ }));
      await waitFor(() =>
        expect(within(dialog).getAllByText(/valitse, että organisaatio maksaa/).length).toBeGreaterThan(0),
      );
      expect(book).not.toHaveBeenCalled();
    },
  );

  it(
    'starts from the organisation’s remembered details and sends them with the booking',
    { timeout: 30_000 },
    async () => {
      const sent: SentOperation[] = [];
      const { user, dialog } = await open(
        server((op) => {
          sent.push(op);
          return { errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] };
        }),
      );
      await addParticipants(user, dialog);
      await user.click(within(dialog).getByRole('radio', { name: /Organisaatio maksaa laskulla/ }));
      await waitFor(() =>
        expect((within(dialog).getByLabelText(/^Verkkolaskuosoite/) as HTMLInputElement).value).toBe('003715728600'),
      );
      expect((within(dialog).getByLabelText(/^Y-tunnus/) as HTMLInputElement).value).toBe('1572860-0');
      const reference = within(dialog).getByLabelText(/^Viite/);
      await user.clear(reference);
      await user.type(reference, 'Tilaus 77');
      expect(await axeViolations(dialog)).toEqual([]);
      await user.click(within(dialog).getByRole('button', { name: /Varaa 2 paikkaa/ }));
      await waitFor(() => expect(sent).toHaveLength(1));
      expect((sent[0]!.variables.input as { billing: unknown }).billing).toEqual({
        organisationId: ORG,
        organisationName: 'Tunturienergia Oy',
        businessId: '1572860-0',
        invoiceMethod: 'E_INVOICE',
        eInvoiceAddress: '003715728600',
        eInvoiceOperator: 'BAWCFI22',
        invoiceEmail: null,
        reference: 'Tilaus 77',
      });
    },
  );

  it(
    'checks the fields as the server does, and shows the server’s field errors at their fields',
    { timeout: 30_000 },
    async () => {
      const { user, dialog } = await open(
        server(
          () => ({
            errors: [
              {
                message: 'Some fields need attention',
                extensions: {
                  code: 'VALIDATION',
                  fields: [{ field: 'billing.invoiceEmail', message: 'validation.tooLong' }],
                },
              },
            ],
          }),
          null,
        ),
      );
      await user.click(within(dialog).getByRole('radio', { name: /Organisaatio maksaa laskulla/ }));
      // No details kept: the organisation's own name and business ID.
      await waitFor(() =>
        expect((within(dialog).getByLabelText(/^Laskutettavan organisaation nimi/) as HTMLInputElement).value).toBe(
          'Tunturienergia Oy',
        ),
      );
      const businessId = within(dialog).getByLabelText(/^Y-tunnus/);
      await user.clear(businessId);
      await user.type(businessId, '1572860-1');
      await user.click(within(dialog).getByRole('button', { name: /Varaa 1 paikka/ }));
      await waitFor(() => expect(within(dialog).getAllByText(/Y-tunnus/).length).toBeGreaterThan(1));
      expect(
        within(dialog)
          .getByLabelText(/^Y-tunnus/)
          .getAttribute('aria-invalid'),
      ).toBe('true');
      expect(
        within(dialog)
          .getByLabelText(/^Verkkolaskuosoite/)
          .getAttribute('aria-invalid'),
      ).toBe('true');

      await user.clear(businessId);
      await user.type(businessId, '1572860-0');
      await user.click(within(dialog).getByRole('radio', { name: 'Sähköpostilla' }));
      await user.type(within(dialog).getByLabelText(/^Laskutussähköposti/), 'laskut@example.fi');
      await user.click(within(dialog).getByRole('button', { name: /Varaa 1 paikka/ }));
      await waitFor(() =>
        expect(
          within(dialog)
            .getByLabelText(/^Laskutussähköposti/)
            .getAttribute('aria-invalid'),
        ).toBe('true'),
      );
      expect(await axeViolations(dialog)).toEqual([]);
    },
  );
});
