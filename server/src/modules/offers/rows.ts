/** Offers' and sessions' rows as the module's use cases read them. */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { assertId } from '../../lib/ids.js';
import { courseSessions, offers } from './tables.js';

export type OfferRow = typeof offers.$inferSelect;
export type SessionRow = typeof courseSessions.$inferSelect;

export async function loadOffer(db: Database, id: string): Promise<OfferRow> {
  const [row] = await db
    .select()
    .from(offers)
    .where(eq(offers.id, assertId(id, 'No such offer')));
  if (!row) throw notFound('No such offer');
  return row;
}

export async function loadSession(db: Database, id: string): Promise<SessionRow> {
  const [row] = await db
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.id, assertId(id, 'No such session')));
  if (!row) throw notFound('No such session');
  return row;
}

/** A course's sessions, soonest first, cancelled ones too. */
export async function sessionsOf(db: Database, offerId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.offerId, offerId))
    .orderBy(asc(courseSessions.startsAt));
}
