import { billingRequired } from '@keskusvaraamo/shared';

/**
 * Seats held for the person that need billing details before they are claimed, as the server
 * decides it (claimBooking): paid, more than one, and none given yet: a coordinator's match holds
 * seats for a company that had no details saved.
 */
export function claimNeedsBilling(booking: {
  state: string;
  seats: number;
  session: { priceCents: number };
  billing: unknown;
}): boolean {
  return (
    booking.state === 'OFFERED' && billingRequired(booking.session.priceCents, booking.seats, false) && !booking.billing
  );
}
