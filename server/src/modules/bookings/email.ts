/**
 * Bookings' part of a notification e-mail (messaging's `EmailAttachments` port, wired in deps.ts):
 * a message about a booking carries the booking's calendar message for its recipient (see
 * calendar.ts: REQUEST for a confirmed seat, CANCEL for one that is no longer, nothing for a seat
 * offered or waited for), with the same `method` in its MIME type as in the file; and a confirmed
 * booking's message to its booker the signed link that cancels it without signing in (never to a
 * named participant, who did not make the booking). Messaging renders the rest and imports nothing
 * of bookings.
 */
import type { Locale } from '@keskusvaraamo/shared';
import { eq } from 'drizzle-orm';
import type { EmailAddition, EmailAttachments } from '../messaging/index.js';
import { bookingInvitation } from './calendar.js';
import { cancelLink, seatCancelLink } from './links.js';
import { bookings } from './tables.js';

const CANCEL: Record<Locale, string> = {
  fi: 'Jos et pääsekään, peru varaus tästä linkistä (kirjautumista ei tarvita), niin paikka vapautuu jonossa seuraavalle:',
  sv: 'Om du inte kan komma, avboka via länken (ingen inloggning behövs) så går platsen till nästa i kön:',
  en: 'If you cannot come, cancel with this link (no sign-in needed) and the seat goes to the next in line:',
};

const SEAT_CANCEL: Record<Locale, string> = {
  fi: 'Jos et pääsekään, peru oma paikkasi tästä linkistä (kirjautumista ei tarvita); varaajalle kerrotaan, ja paikka vapautuu seuraavalle:',
  sv: 'Om du inte kan komma, avboka din egen plats via länken (ingen inloggning behövs); bokaren meddelas och platsen går till nästa:',
  en: 'If you cannot come, cancel your own seat with this link (no sign-in needed); the booker is told and the seat goes to the next in line:',
};

const CANCEL_LABEL: Record<Locale, string> = { fi: 'Peru varaus', sv: 'Avboka', en: 'Cancel the booking' };
const SEAT_CANCEL_LABEL: Record<Locale, string> = {
  fi: 'Peru oma paikkani',
  sv: 'Avboka min plats',
  en: 'Cancel my seat',
};

/** Notices that end a booking: no cancel link in them. */
const ENDING = new Set(['SESSION_CANCELLED', 'BOOKING_CANCELLED', 'BOOKING_CLAIM_EXPIRED']);
/** Notices that change nothing in a calendar (a reminder, the organiser's message): no file in them. */
const NO_CALENDAR = new Set(['SESSION_REMINDER', 'SESSION_MESSAGE', 'BOOKING_OFFER_EXPIRING']);

export const bookingEmailAttachments: EmailAttachments = async (deps, notification, locale) => {
  const addition: EmailAddition = { attachments: [], paragraphs: [] };
  const bookingId = typeof notification.data.bookingId === 'string' ? notification.data.bookingId : null;
  if (!bookingId) return addition;
  const [booking] = await deps.db
    .select({
      id: bookings.id,
      sessionId: bookings.sessionId,
      state: bookings.state,
      confirmedAt: bookings.confirmedAt,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  if (!booking) return addition;
  // A named participant's message is about their own seat: its event, and the link that cancels it.
  const participantId =
    notification.data.role === 'PARTICIPANT' && typeof notification.data.participantId === 'string'
      ? notification.data.participantId
      : null;
  const seat = participantId ? { participantId, cancelled: notification.data.seatCancelled === true } : null;
  const invitation = NO_CALENDAR.has(notification.type)
    ? null
    : await bookingInvitation(deps, booking, locale, notification.recipient, seat);
  if (invitation) {
    addition.attachments.push({
      filename: invitation.method === 'CANCEL' ? 'peruttu.ics' : 'varaus.ics',
      content: invitation.content,
      contentType: `text/calendar; charset=utf-8; method=${invitation.method}`,
    });
  }
  const booker = notification.data.role !== 'PARTICIPANT';
  if (booking.state === 'CONFIRMED' && !ENDING.has(notification.type) && notification.data.seatCancelled !== true) {
    if (booker) {
      addition.paragraphs.push({
        lead: CANCEL[locale],
        action: CANCEL_LABEL[locale],
        url: cancelLink(deps, booking.id, locale),
        secondary: true,
      });
    } else if (participantId) {
      addition.paragraphs.push({
        lead: SEAT_CANCEL[locale],
        action: SEAT_CANCEL_LABEL[locale],
        url: seatCancelLink(deps, participantId, locale),
        secondary: true,
      });
    }
  }
  return addition;
};
