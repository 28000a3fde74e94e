/**
 * Bookings' part of a notification e-mail (messaging's `EmailAttachments` port, wired in deps.ts):
 * a message about a booking carries the booking's `.ics`, and a confirmed booking's message the
 * signed link that cancels it without signing in. Messaging renders the rest and imports nothing
 * of bookings.
 */
import type { Locale } from '@keskusvaraamo/shared';
import { eq } from 'drizzle-orm';
import type { EmailAddition, EmailAttachments } from '../messaging/index.js';
import { bookingCalendar } from './calendar.js';
import { cancelLink } from './links.js';
import { bookings } from './tables.js';

const CANCEL: Record<Locale, string> = {
  fi: 'Jos et pääsekään, peru varaus tästä linkistä (kirjautumista ei tarvita), niin paikka vapautuu jonossa seuraavalle:',
  sv: 'Om du inte kan komma, avboka via länken (ingen inloggning behövs) så går platsen till nästa i kön:',
  en: 'If you cannot come, cancel with this link (no sign-in needed) and the seat goes to the next in line:',
};

export const bookingEmailAttachments: EmailAttachments = async (deps, notification, locale) => {
  const addition: EmailAddition = { attachments: [], paragraphs: [] };
  const bookingId = typeof notification.data.bookingId === 'string' ? notification.data.bookingId : null;
  if (!bookingId) return addition;
  const [booking] = await deps.db
    .select({ id: bookings.id, sessionId: bookings.sessionId, state: bookings.state })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  if (!booking) return addition;
  addition.attachments.push({
    filename: 'varaus.ics',
    content: await bookingCalendar(deps, booking, locale),
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
  });
  if (booking.state === 'CONFIRMED' && notification.type !== 'SESSION_CANCELLED') {
    addition.paragraphs.push(`${CANCEL[locale]}\n${cancelLink(deps, booking.id, locale)}`);
  }
  return addition;
};
