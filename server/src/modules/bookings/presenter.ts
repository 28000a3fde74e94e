import type { bookings, participants } from './tables.js';

export function presentBooking(row: typeof bookings.$inferSelect) {
  return {
    id: row.id,
    sessionId: row.sessionId,
    bookedBy: row.bookedBy,
    state: row.state,
    seats: row.seats,
    queueNumber: row.queueNumber,
    /** The COURSE need the booking answers; only its booker is shown it (`Booking.need`). */
    needId: row.needId,
    offeredUntil: row.offeredUntil?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
  };
}
export type BookingDto = ReturnType<typeof presentBooking>;

export function presentParticipant(row: typeof participants.$inferSelect) {
  return { id: row.id, bookingId: row.bookingId, name: row.name, email: row.email, attended: row.attended };
}
export type ParticipantDto = ReturnType<typeof presentParticipant>;
