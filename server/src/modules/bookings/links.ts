import type { Deps } from '../../deps.js';
import { pageUrl } from '../../lib/pageUrl.js';
import type { Locale } from '@keskusvaraamo/shared';
import { signReference, verifyReference } from '../../lib/signing.js';

const CANCEL_PURPOSE = 'booking-cancel';

/** The signed link that cancels a booking without signing in (sent with the confirmation), in `locale`. */
export function cancelLink(deps: Pick<Deps, 'config'>, bookingId: string, locale: Locale): string {
  const token = encodeURIComponent(signReference(deps.config.jwtSecret, CANCEL_PURPOSE, bookingId));
  return pageUrl(deps.config, locale, `/bookings/cancel?token=${token}`);
}

/** The booking a cancel link's token names, or null when its signature is wrong. */
export function bookingOfCancelToken(deps: Pick<Deps, 'config'>, token: string): string | null {
  return verifyReference(deps.config.jwtSecret, CANCEL_PURPOSE, token);
}

const SEAT_CANCEL_PURPOSE = 'participant-cancel';

/**
 * The signed link that cancels one named participant's seat without signing in (sent to them with
 * their confirmation), in `locale`.
 */
export function seatCancelLink(deps: Pick<Deps, 'config'>, participantId: string, locale: Locale): string {
  const token = encodeURIComponent(signReference(deps.config.jwtSecret, SEAT_CANCEL_PURPOSE, participantId));
  return pageUrl(deps.config, locale, `/bookings/cancel-seat?token=${token}`);
}

/** The participant a seat's cancel link names, or null when its signature is wrong. */
export function participantOfCancelToken(deps: Pick<Deps, 'config'>, token: string): string | null {
  return verifyReference(deps.config.jwtSecret, SEAT_CANCEL_PURPOSE, token);
}
