/** Booking rows as the module's use cases read them. */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { bookings } from './tables.js';

export type BookingRow = typeof bookings.$inferSelect;

export async function loadBooking(db: Database, id: string): Promise<BookingRow> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(eq(bookings.id, assertId(id, 'No such booking')));
  if (!row) throw notFound('No such booking');
  return row;
}
