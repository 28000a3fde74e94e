/** An offer as a search document: offers pushes it to the search module in the transaction of each change. */
import { helsinkiDate } from '../../lib/helsinki.js';
import type { Database } from '../../db/client.js';
import { organisationsByIds } from '../organisations/index.js';
import { indexDocument, removeFromIndex } from '../search/index.js';
import type { OfferDto } from './presenter.js';
import { loadOffer, sessionsOf } from './rows.js';

/** Keeps the search index in step: published pools, and published courses still taking registrations. */
export async function syncIndex(db: Database, offerId: string): Promise<void> {
  const offer = await loadOffer(db, offerId);
  const now = new Date();
  const open =
    offer.kind === 'COURSE'
      ? (await sessionsOf(db, offer.id)).filter((s) => !s.cancelledAt && s.registrationDeadline > now)
      : [];
  if (offer.state !== 'PUBLISHED' || (offer.kind === 'COURSE' && open.length === 0)) {
    await removeFromIndex(db, offer.id);
    return;
  }
  const [org] = await organisationsByIds(db, [offer.organisationId]);
  const course = offer.kind === 'COURSE';
  await indexDocument(db, {
    id: offer.id,
    kind: course ? 'COURSE' : 'STUDENT_POOL',
    title: offer.title,
    description: offer.description,
    language: offer.language as OfferDto['language'],
    organisationId: offer.organisationId,
    organisationName: org?.name ?? null,
    topics: offer.topics,
    municipalityCode: offer.municipalityCode,
    remote: offer.online,
    periodStart: course ? helsinkiDate(open[0]!.startsAt) : offer.periodStart,
    periodEnd: course ? helsinkiDate(new Date(Math.max(...open.map((s) => s.endsAt.getTime())))) : offer.periodEnd,
    languages: course ? [...new Set([...offer.languages, ...open.map((s) => s.language)])] : offer.languages,
    priceCents: course ? Math.min(...open.map((s) => s.priceCents)) : null,
    seatsFree: course ? open.reduce((sum, s) => sum + s.seats - s.seatsTaken, 0) : null,
    nextStartsAt: course ? open[0]!.startsAt : null,
    applicationDeadline: null,
    startsOn: course ? open[0]!.startsAt : offer.periodStart ? new Date(`${offer.periodStart}T00:00:00Z`) : null,
    visibleUntil: course ? new Date(Math.max(...open.map((s) => s.registrationDeadline.getTime()))) : null,
    publishedAt: offer.publishedAt ?? now,
    // Price, seats and dates change when the next session's registration closes.
    refreshAt: course ? new Date(Math.min(...open.map((s) => s.registrationDeadline.getTime()))) : null,
  });
}
