// Bookings' part of notification e-mails: messaging's EmailAttachments port, wired in deps.ts.
export { bookingEmailAttachments } from './email.js';
