/** A booking request's idempotency: its key finds the first booking, and its hash tells the same request from another. */
import type { BookSeatsData } from './book.js';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type Database } from '../../../db/client.js';
import { AppError } from '../../../errors.js';
import type { BookingRow } from '../rows.js';
import { bookings } from '../tables.js';

/**
 * What a booking request asked for: its session, its participants as given (none: the booker
 * alone) and the need it answers, if any. A retry sends the same and gets the first booking; the
 * same key with anything else is IDEMPOTENCY_KEY_REUSED. (A request without a need hashes as it
 * did before needs were kept, so that keys sent then still match.)
 */
export function requestHash(data: BookSeatsData): string {
  const asked = {
    sessionId: data.sessionId.toLowerCase(),
    participants: data.participants,
    ...(data.needId ? { needId: data.needId.toLowerCase() } : {}),
    ...(data.billing ? { billing: data.billing } : {}),
  };
  return createHash('sha256').update(JSON.stringify(asked)).digest('base64url');
}

/** The first booking made with this key, when the request is the same one again. */
export function sameRequest(first: BookingRow, data: BookSeatsData): BookingRow {
  // Bookings made before requests were hashed are compared by their session (and need) only.
  const same =
    first.requestHash === null
      ? first.sessionId === data.sessionId.toLowerCase() && first.needId === (data.needId?.toLowerCase() ?? null)
      : first.requestHash === requestHash(data);
  if (!same) {
    throw new AppError(
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for another booking request; make a new key for a new request',
    );
  }
  return first;
}

export async function findByKey(db: Database, userId: string, key: string) {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.bookedBy, userId), eq(bookings.idempotencyKey, key)));
  return row;
}
