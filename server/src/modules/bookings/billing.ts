/**
 * Billing details of bookings (issue 18): who the course's organiser invoices for a booking of a
 * paid session made on behalf of an organisation, and each organisation's details as last given,
 * offered again on its next booking. Written in the booking's transaction (commands/book.ts); read
 * by the booker, the course's organisers and coordinators (`bookingPolicy.seeBilling`). The
 * service takes no payment.
 */
import type { Billing, InvoiceMethod } from '@keskusvaraamo/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { forbidden, unauthenticated } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import type { Viewer } from '../../lib/viewer.js';
import { bookableSessions } from '../offers/index.js';
import { roleIn, userOrganisationIds } from '../organisations/index.js';
import { bookingPolicy as policy } from './policy.js';
import type { BookingDto } from './presenter.js';
import { bookingBilling, bookings, organisationBillingDetails } from './tables.js';

export interface BillingDto {
  organisationId: string | null;
  organisationName: string;
  businessId: string;
  invoiceMethod: InvoiceMethod;
  eInvoiceAddress: string | null;
  eInvoiceOperator: string | null;
  invoiceEmail: string | null;
  reference: string | null;
  /** The session's price incl. VAT when booked; null for remembered details. */
  unitPriceCents: number | null;
}

type BillingRow = typeof bookingBilling.$inferSelect;
type RememberedRow = typeof organisationBillingDetails.$inferSelect;

export function presentBilling(row: BillingRow | RememberedRow): BillingDto {
  return {
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    businessId: row.businessId,
    invoiceMethod: row.invoiceMethod,
    eInvoiceAddress: row.eInvoiceAddress,
    eInvoiceOperator: row.eInvoiceOperator,
    invoiceEmail: row.invoiceEmail,
    reference: row.reference,
    unitPriceCents: 'unitPriceCents' in row ? row.unitPriceCents : null,
  };
}

/** FORBIDDEN unless the viewer is a member of the organisation they bill (book on behalf of). */
export async function assertMayBillFor(db: Database, viewer: Viewer, billing: Billing | null): Promise<void> {
  if (!billing?.organisationId) return;
  const member = (await roleIn(db, billing.organisationId, viewer.id)) !== null;
  if (!policy.billFor(viewer, member)) {
    throw forbidden('Only an organisation’s members book on its behalf');
  }
}

/** Whether the booking has billing details kept. */
export async function hasBilling(db: Database, bookingId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: bookingBilling.bookingId })
    .from(bookingBilling)
    .where(eq(bookingBilling.bookingId, bookingId));
  return row !== undefined;
}

/**
 * Keeps a booking's billing details, in the booking's transaction, and remembers them for the
 * organisation when it is one of the booker's (the caller has checked the membership).
 */
export async function saveBilling(
  db: Database,
  bookingId: string,
  userId: string,
  unitPriceCents: number,
  billing: Billing,
): Promise<void> {
  const details = {
    organisationName: billing.organisationName,
    businessId: billing.businessId,
    invoiceMethod: billing.invoiceMethod,
    eInvoiceAddress: billing.eInvoiceAddress,
    eInvoiceOperator: billing.eInvoiceOperator,
    invoiceEmail: billing.invoiceEmail,
    reference: billing.reference,
  };
  await db
    .insert(bookingBilling)
    .values({ bookingId, organisationId: billing.organisationId, unitPriceCents, ...details });
  if (billing.organisationId) {
    await db
      .insert(organisationBillingDetails)
      .values({ organisationId: billing.organisationId, updatedBy: userId, ...details })
      .onConflictDoUpdate({
        target: organisationBillingDetails.organisationId,
        set: { ...details, updatedBy: userId, updatedAt: sql`now()` },
      });
  }
}

/**
 * The organisation's remembered billing details, for its members (to prefill the next booking);
 * null when none are kept. FORBIDDEN for anyone else.
 */
export async function savedBillingDetails(
  deps: Deps,
  viewer: Viewer | null,
  organisationId: string,
): Promise<BillingDto | null> {
  if (!viewer) throw unauthenticated();
  const id = assertId(organisationId, 'No such organisation');
  if (!policy.billFor(viewer, (await roleIn(deps.db, id, viewer.id)) !== null)) throw forbidden();
  const [row] = await deps.db
    .select()
    .from(organisationBillingDetails)
    .where(eq(organisationBillingDetails.organisationId, id));
  return row ? presentBilling(row) : null;
}

/** Billing rows of these bookings, by booking id (no check: the caller decides who sees them). */
export async function billingOfBookings(db: Database, bookingIds: string[]): Promise<Map<string, BillingDto>> {
  const rows = bookingIds.length
    ? await db.select().from(bookingBilling).where(inArray(bookingBilling.bookingId, bookingIds))
    : [];
  return new Map(rows.map((r) => [r.bookingId, presentBilling(r)]));
}

/**
 * `Booking.billing`: each booking's details for its booker and for the course's organisers and
 * coordinators; null for anyone else (and for a booking without them).
 */
export async function billingShown(
  deps: Deps,
  viewer: Viewer | null,
  list: BookingDto[],
): Promise<(BillingDto | null)[]> {
  if (!viewer || list.length === 0) return list.map(() => null);
  const [sessions, orgIds] = await Promise.all([
    bookableSessions(deps.db, [...new Set(list.map((b) => b.sessionId))]),
    userOrganisationIds(deps.db, viewer.id),
  ]);
  const mine = new Set(orgIds);
  const visible = list.filter((b) =>
    policy.seeBilling(viewer, b, mine.has(sessions.get(b.sessionId)?.organisationId ?? '')),
  );
  const found = await billingOfBookings(
    deps.db,
    visible.map((b) => b.id),
  );
  return list.map((b) => (visible.includes(b) ? (found.get(b.id) ?? null) : null));
}

/**
 * Erasure: the invoice e-mail and reference of the person's bookings (their data as the booker)
 * are cleared, as are those of organisations' remembered details they saved last.
 */
export async function eraseBillingOf(db: Database, userId: string): Promise<void> {
  await db
    .update(bookingBilling)
    .set({ invoiceEmail: null, reference: null, anonymisedAt: sql`now()` })
    .where(
      inArray(
        bookingBilling.bookingId,
        db.select({ id: bookings.id }).from(bookings).where(eq(bookings.bookedBy, userId)),
      ),
    );
  await db
    .update(organisationBillingDetails)
    .set({ invoiceEmail: null, reference: null, updatedBy: null })
    .where(eq(organisationBillingDetails.updatedBy, userId));
}
