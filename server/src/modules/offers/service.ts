/**
 * Offer use cases: an educational organisation publishes courses with sessions and student pools.
 * Published courses with a session still taking registrations, and published pools, are in search.
 */
import {
  DEFAULT_MAX_SEATS_PER_BOOKER,
  offerSchema,
  sessionSchema,
  type FieldIssue,
  type OfferState,
  type SessionData,
} from '@keskusvaraamo/shared';
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { isForeignKeyViolation, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import {
  AppError,
  invalidState as invalidStateOf,
  forbidden,
  notFound,
  parseInput,
  unauthenticated,
  validationError,
} from '../../errors.js';
import { fromHelsinki, helsinkiDate } from '../../lib/helsinki.js';
import { assertId } from '../../lib/ids.js';
import { decodeCursor, pageSize, toConnection } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { organisationIdsOfUser, organisationsByIds, roleIn, userOrganisationIds } from '../organisations/index.js';
import { promoteWaitlist } from '../bookings/service.js';
import { indexDocument, markStale, removeFromIndex, staleDocuments } from '../search/service.js';
import { offerPolicy as policy } from './policy.js';
import { presentOffer, presentSession, type OfferDto, type SessionDto } from './presenter.js';
import { courseSessions, offers } from './tables.js';

type OfferRow = typeof offers.$inferSelect;
type SessionRow = typeof courseSessions.$inferSelect;

const invalidState = (state: string) => invalidStateOf('an offer', state);

async function load(db: Database, id: string): Promise<OfferRow> {
  const [row] = await db
    .select()
    .from(offers)
    .where(eq(offers.id, assertId(id, 'No such offer')));
  if (!row) throw notFound('No such offer');
  return row;
}

async function loadManaged(deps: Deps, viewer: Viewer | null, id: string): Promise<OfferRow> {
  if (!viewer) throw unauthenticated();
  const offer = await load(deps.db, id);
  const role = await roleIn(deps.db, offer.organisationId, viewer.id);
  if (!policy.manage(viewer, role))
    throw policy.read(viewer, offer.state, role) ? forbidden() : notFound('No such offer');
  return offer;
}

/** A session's columns from its input; `keptCap` is the edited session's cap, kept when the input names none. */
function sessionValues(data: SessionData, keptCap: number | null = null) {
  return {
    startsAt: fromHelsinki(data.startsAt),
    endsAt: fromHelsinki(data.endsAt),
    registrationDeadline: fromHelsinki(data.registrationDeadline),
    place: data.place,
    municipalityCode: data.municipalityCode,
    onlineUrl: data.onlineUrl,
    seats: data.seats,
    priceCents: data.priceCents,
    language: data.language,
    cancellationDeadline: data.cancellationDeadline ? fromHelsinki(data.cancellationDeadline) : null,
    minParticipants: data.minParticipants,
    decisionAt: data.decisionAt ? fromHelsinki(data.decisionAt) : null,
    maxSeatsPerBooker: data.maxSeatsPerBooker ?? Math.min(keptCap ?? DEFAULT_MAX_SEATS_PER_BOOKER, data.seats),
  };
}

/** A session is added for the future: its registration must still be open. */
function parseNewSession(input: unknown, field = ''): ReturnType<typeof sessionValues> {
  let data: SessionData;
  try {
    data = parseInput(sessionSchema, input);
  } catch (error) {
    // Name the session the problem is in: "sessions.1.priceCents".
    if (error instanceof AppError && field) {
      const fields = (error.extensions as { fields: FieldIssue[] }).fields;
      throw validationError(fields.map((f) => ({ ...f, field: `${field}${f.field}` })));
    }
    throw error;
  }
  const values = sessionValues(data);
  if (values.registrationDeadline <= new Date()) {
    throw validationError([{ field: `${field}registrationDeadline`, message: 'validation.inPast' }]);
  }
  return values;
}

async function sessionsOf(db: Database, offerId: string): Promise<SessionRow[]> {
  return db
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.offerId, offerId))
    .orderBy(asc(courseSessions.startsAt));
}

/** Keeps the search index in step: published pools, and published courses still taking registrations. */
export async function syncIndex(db: Database, offerId: string): Promise<void> {
  const offer = await load(db, offerId);
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

/** Indexes again the courses whose next registration has closed. Safe in every instance. */
export async function refreshStaleCourses(db: Database): Promise<number> {
  const ids = await staleDocuments(db, 1000);
  for (const id of ids) await db.transaction((tx) => syncIndex(tx, id));
  return ids.length;
}

/** Sessions a course can be created with at once; more are added one by one. */
export const MAX_NEW_SESSIONS = 100;

export async function createOffer(
  deps: Deps,
  viewer: Viewer | null,
  input: unknown,
  sessionInputs: unknown[] | null,
): Promise<OfferDto> {
  if (!viewer) throw unauthenticated();
  const data = parseInput(offerSchema, input);
  const [org] = await organisationsByIds(deps.db, [data.organisationId]);
  const role = org ? await roleIn(deps.db, org.id, viewer.id) : null;
  if (!org || !policy.create(viewer, org.kind, role)) {
    throw forbidden('Offers are published by members of an educational organisation or training body');
  }
  if ((sessionInputs?.length ?? 0) > MAX_NEW_SESSIONS) {
    throw validationError([
      { field: 'sessions', message: 'validation.tooManySessions', params: { max: MAX_NEW_SESSIONS } },
    ]);
  }
  const sessions =
    data.kind === 'COURSE' ? (sessionInputs ?? []).map((s, i) => parseNewSession(s, `sessions.${i}.`)) : [];
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(offers)
      .values({ ...data, createdBy: viewer.id })
      .returning();
    if (sessions.length) await tx.insert(courseSessions).values(sessions.map((s) => ({ ...s, offerId: row!.id })));
    return presentOffer(row!);
  });
}

export async function updateOffer(deps: Deps, viewer: Viewer | null, id: string, input: unknown): Promise<OfferDto> {
  const offer = await loadManaged(deps, viewer, id);
  const data = parseInput(offerSchema, input);
  if (data.kind !== offer.kind) throw validationError([{ field: 'kind', message: 'validation.kindLocked' }]);
  if (data.organisationId !== offer.organisationId) {
    throw validationError([{ field: 'organisationId', message: 'validation.organisationLocked' }]);
  }
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(offers)
      .set({ ...data, updatedAt: sql`now()` })
      .where(and(eq(offers.id, offer.id), inArray(offers.state, ['DRAFT', 'PUBLISHED'])))
      .returning();
    if (!row) throw invalidState(offer.state);
    await syncIndex(tx, row.id);
    return presentOffer(row);
  });
}

async function transition(
  deps: Deps,
  offer: OfferRow,
  from: OfferState[],
  to: OfferState,
  extra: Partial<OfferRow> = {},
) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(offers)
      .set({ state: to, updatedAt: sql`now()`, ...extra })
      .where(and(eq(offers.id, offer.id), inArray(offers.state, from)))
      .returning();
    if (!row) throw invalidState((await load(tx, offer.id)).state);
    await syncIndex(tx, row.id);
    return presentOffer(row);
  });
}

export async function publishOffer(deps: Deps, viewer: Viewer | null, id: string): Promise<OfferDto> {
  const offer = await loadManaged(deps, viewer, id);
  if (offer.kind === 'COURSE') {
    const open = (await sessionsOf(deps.db, offer.id)).filter(
      (s) => !s.cancelledAt && s.registrationDeadline > new Date(),
    );
    if (open.length === 0) throw validationError([{ field: 'sessions', message: 'validation.sessionsRequired' }]);
  }
  return transition(deps, offer, ['DRAFT'], 'PUBLISHED', { publishedAt: new Date() });
}

export async function archiveOffer(deps: Deps, viewer: Viewer | null, id: string): Promise<OfferDto> {
  const offer = await loadManaged(deps, viewer, id);
  return transition(deps, offer, ['DRAFT', 'PUBLISHED'], 'ARCHIVED', { archivedAt: new Date() });
}

async function loadCourseForSessions(deps: Deps, viewer: Viewer | null, offerId: string) {
  const offer = await loadManaged(deps, viewer, offerId);
  if (offer.kind !== 'COURSE') throw validationError([{ field: 'offerId', message: 'validation.notACourse' }]);
  if (offer.state === 'ARCHIVED') throw invalidState(offer.state);
  return offer;
}

async function loadSession(db: Database, id: string): Promise<SessionRow> {
  const [row] = await db
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.id, assertId(id, 'No such session')));
  if (!row) throw notFound('No such session');
  return row;
}

export async function addSession(
  deps: Deps,
  viewer: Viewer | null,
  offerId: string,
  input: unknown,
): Promise<SessionDto> {
  const offer = await loadCourseForSessions(deps, viewer, offerId);
  const values = parseNewSession(input);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(courseSessions)
      .values({ ...values, offerId: offer.id })
      .returning();
    await syncIndex(tx, offer.id);
    return presentSession(row!);
  });
}

export async function updateSession(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown,
): Promise<SessionDto> {
  const session = await loadSession(deps.db, id);
  await loadCourseForSessions(deps, viewer, session.offerId);
  const values = sessionValues(parseInput(sessionSchema, input), session.maxSeatsPerBooker);
  if (values.seats < session.seatsTaken) {
    throw validationError([
      { field: 'seats', message: 'validation.seatsBelowTaken', params: { taken: session.seatsTaken } },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    // The seat count is compared again in the statement: a booking may have come in meanwhile.
    const [row] = await tx
      .update(courseSessions)
      .set(values)
      .where(and(eq(courseSessions.id, session.id), sql`${courseSessions.seatsTaken} <= ${values.seats}`))
      .returning();
    if (!row) throw validationError([{ field: 'seats', message: 'validation.seatsBelowTaken' }]);
    // More seats: the waitlist moves up at once.
    if (row.seats > session.seats) await promoteWaitlist(tx, row.id);
    await syncIndex(tx, session.offerId);
    const [fresh] = await tx.select().from(courseSessions).where(eq(courseSessions.id, row.id));
    return presentSession(fresh!);
  });
}

const sessionInUse = () =>
  new AppError(
    'SESSION_IN_USE',
    'The session has bookings, proposals or a match, which are kept: cancel the session instead of removing it',
  );

/**
 * Removes a session that nothing refers to. Bookings (cancelled ones too), proposals and matches
 * are records kept for the people booked and for the cluster's figures: their foreign keys
 * restrict the delete, which the database checks against every committed row, so a booking that
 * arrives at the same moment cannot be lost either. Such a session is cancelled instead.
 */
export async function removeSession(deps: Deps, viewer: Viewer | null, id: string): Promise<void> {
  const session = await loadSession(deps.db, id);
  const offer = await loadCourseForSessions(deps, viewer, session.offerId);
  try {
    await deps.db.transaction(async (tx) => {
      const others = (await sessionsOf(tx, offer.id)).filter((s) => s.id !== session.id && !s.cancelledAt);
      if (offer.state === 'PUBLISHED' && others.length === 0) {
        throw validationError([{ field: 'sessions', message: 'validation.lastSession' }]);
      }
      // Taken seats are bookings' (which the foreign key finds too); checked here as well, cheaply.
      const removed = await tx
        .delete(courseSessions)
        .where(and(eq(courseSessions.id, session.id), eq(courseSessions.seatsTaken, 0)))
        .returning({ id: courseSessions.id });
      if (removed.length === 0) throw sessionInUse();
      await syncIndex(tx, offer.id);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw sessionInUse();
    throw error;
  }
}

export async function getOffer(deps: Deps, viewer: Viewer | null, id: string): Promise<OfferDto | null> {
  let offer: OfferRow;
  try {
    offer = await load(deps.db, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
  if (policy.read(viewer, offer.state, null)) return presentOffer(offer);
  const role = viewer ? await roleIn(deps.db, offer.organisationId, viewer.id) : null;
  return policy.read(viewer, offer.state, role) ? presentOffer(offer) : null;
}

export async function myOffers(
  deps: Deps,
  viewer: Viewer | null,
  args: { state?: OfferState | null; first?: number | null; after?: string | null },
) {
  if (!viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const cursor = decodeCursor(args.after, ['timestamp', 'uuid']);
  const orgIds = await userOrganisationIds(deps.db, viewer.id);
  if (orgIds.length === 0) return toConnection<OfferDto>([], size, () => [], 0);
  const filters: (SQL | undefined)[] = [
    inArray(offers.organisationId, orgIds),
    args.state ? eq(offers.state, args.state) : undefined,
  ];
  const after = cursor
    ? sql`(${offers.updatedAt}, ${offers.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(offers)
      .where(and(...filters, after))
      .orderBy(desc(offers.updatedAt), desc(offers.id))
      .limit(size + 1),
    deps.db
      .select({ n: count() })
      .from(offers)
      .where(and(...filters)),
  ]);
  return toConnection(rows.map(presentOffer), size, (o) => [o.updatedAt, o.id], total?.n ?? 0);
}

/** Sessions of each offer, soonest first, in one query. */
export async function sessionsOfOffers(deps: Deps, offerIds: string[]): Promise<SessionDto[][]> {
  const rows = offerIds.length
    ? await deps.db
        .select()
        .from(courseSessions)
        .where(and(inArray(courseSessions.offerId, offerIds), isNull(courseSessions.cancelledAt)))
        .orderBy(asc(courseSessions.startsAt))
    : [];
  const now = new Date();
  return offerIds.map((id) => rows.filter((r) => r.offerId === id).map((r) => presentSession(r, now)));
}

export async function canEditOffers(deps: Deps, viewer: Viewer | null, list: OfferDto[]): Promise<boolean[]> {
  if (!viewer) return list.map(() => false);
  const orgIds = new Set(await userOrganisationIds(deps.db, viewer.id));
  return list.map((o) => policy.manage(viewer, orgIds.has(o.organisationId) ? 'MEMBER' : null));
}

/** Whether the viewer manages this offer; asks for their role in its organisation only when that decides. */
export async function mayManageOffer(deps: Deps, viewer: Viewer | null, offer: OfferDto): Promise<boolean> {
  if (policy.manage(viewer, null)) return true;
  if (!viewer) return false;
  return policy.manage(viewer, await roleIn(deps.db, offer.organisationId, viewer.id));
}

/** A session as booking sees it: its seats, deadlines and the course it belongs to. */
export interface BookableSession {
  id: string;
  offerId: string;
  organisationId: string;
  offerState: OfferState;
  offerTitle: string;
  claimWindowHours: number;
  seats: number;
  seatsTaken: number;
  /** Seats one booker may hold, at most the seats. */
  maxSeatsPerBooker: number;
  priceCents: number;
  startsAt: Date;
  endsAt: Date;
  registrationDeadline: Date;
  cancellationDeadline: Date;
  cancelledAt: Date | null;
  minParticipants: number | null;
  decisionAt: Date | null;
}

function toBookable(s: SessionRow, o: OfferRow): BookableSession {
  return {
    id: s.id,
    offerId: o.id,
    organisationId: o.organisationId,
    offerState: o.state,
    offerTitle: o.title,
    claimWindowHours: o.claimWindowHours,
    seats: s.seats,
    seatsTaken: s.seatsTaken,
    maxSeatsPerBooker: Math.min(s.maxSeatsPerBooker, s.seats),
    priceCents: s.priceCents,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    registrationDeadline: s.registrationDeadline,
    cancellationDeadline: s.cancellationDeadline ?? s.startsAt,
    cancelledAt: s.cancelledAt,
    minParticipants: s.minParticipants,
    decisionAt: s.decisionAt,
  };
}

/**
 * Locks a session's row for the rest of the transaction and returns it. Every change to its seats
 * goes through this lock, so bookings, cancellations and promotions on one session run one at a
 * time, in the order they arrive.
 */
export async function lockSession(db: Database, sessionId: string): Promise<BookableSession> {
  const [row] = await db
    .select({ session: courseSessions, offer: offers })
    .from(courseSessions)
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .where(eq(courseSessions.id, assertId(sessionId, 'No such session')))
    .for('update', { of: courseSessions });
  if (!row) throw notFound('No such session');
  return toBookable(row.session, row.offer);
}

/** Sessions with their courses, by id, without locking. */
export async function bookableSessions(db: Database, sessionIds: string[]): Promise<Map<string, BookableSession>> {
  const rows = sessionIds.length
    ? await db
        .select({ session: courseSessions, offer: offers })
        .from(courseSessions)
        .innerJoin(offers, eq(offers.id, courseSessions.offerId))
        .where(inArray(courseSessions.id, sessionIds))
    : [];
  return new Map(rows.map((r) => [r.session.id, toBookable(r.session, r.offer)]));
}

/**
 * Adds to (or, negative, takes from) the seats taken. The CHECK on course_sessions keeps the count
 * within capacity whatever happens; the caller holds the session lock.
 */
export async function changeSeatsTaken(db: Database, session: BookableSession, delta: number): Promise<void> {
  await db
    .update(courseSessions)
    .set({ seatsTaken: sql`${courseSessions.seatsTaken} + ${delta}` })
    .where(eq(courseSessions.id, session.id));
  session.seatsTaken += delta;
  // Free seats show in search within the minute (the refresh job), without a write per booking.
  await markStale(db, session.offerId);
}

/**
 * Writes a new version of the session's row without changing it, for a change to its bookings that
 * takes no seat (a booking put on the waitlist): the booking fast path compares the row's version
 * with the one it read, to know that no booking of the same booker came in meanwhile. The caller
 * holds the session lock.
 */
export async function touchSession(db: Database, session: BookableSession): Promise<void> {
  await db
    .update(courseSessions)
    .set({ seatsTaken: sql`${courseSessions.seatsTaken}` })
    .where(eq(courseSessions.id, session.id));
}

/** Marks a session cancelled; its bookings are the booking module's to cancel. */
export async function markSessionCancelled(db: Database, session: BookableSession, reason: string): Promise<void> {
  await db
    .update(courseSessions)
    .set({ cancelledAt: sql`now()`, cancelReason: reason })
    .where(eq(courseSessions.id, session.id));
  await syncIndex(db, session.offerId);
}

/** Sessions whose minimum was not reached by their decision time, for the booking module to cancel. */
export async function sessionsPastDecision(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: courseSessions.id })
    .from(courseSessions)
    .where(
      and(
        isNull(courseSessions.cancelledAt),
        sql`${courseSessions.decisionAt} <= now()`,
        sql`${courseSessions.seatsTaken} < ${courseSessions.minParticipants}`,
      ),
    )
    .limit(100);
  return rows.map((r) => r.id);
}

/** Whether the user is a member of the organisation that runs a session. */
export async function organisesSession(db: Database, session: BookableSession, userId: string): Promise<boolean> {
  return (await roleIn(db, session.organisationId, userId)) !== null;
}

/** Sessions by id, as the API shows them; null where the viewer may not see the course. */
export async function sessionsByIds(deps: Deps, viewer: Viewer | null, ids: string[]): Promise<(SessionDto | null)[]> {
  const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = valid.length
    ? await deps.db
        .select({ session: courseSessions, offer: offers })
        .from(courseSessions)
        .innerJoin(offers, eq(offers.id, courseSessions.offerId))
        .where(inArray(courseSessions.id, valid))
    : [];
  const orgIds = viewer ? new Set(await userOrganisationIds(deps.db, viewer.id)) : new Set<string>();
  const now = new Date();
  const byId = new Map(
    rows
      .filter((r) => policy.read(viewer, r.offer.state, orgIds.has(r.offer.organisationId) ? 'MEMBER' : null))
      .map((r) => [r.session.id, presentSession(r.session, now)]),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

/** Offers by id, in the order asked; null where unknown or not visible to the viewer (drafts). */
export async function offersByIds(deps: Deps, viewer: Viewer | null, ids: string[]): Promise<(OfferDto | null)[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await deps.db.select().from(offers).where(inArray(offers.id, unique)) : [];
  const orgIds = viewer ? new Set(await userOrganisationIds(deps.db, viewer.id)) : new Set<string>();
  const visible = new Map(
    rows
      .filter((o) => policy.read(viewer, o.state, orgIds.has(o.organisationId) ? 'MEMBER' : null))
      .map((o) => [o.id, presentOffer(o)]),
  );
  return ids.map((id) => visible.get(id) ?? null);
}

/** SQL for the ids of the sessions of courses a user's organisations run, as a subquery. */
export function sessionIdsOrganisedBy(userId: string): SQL {
  return sql`select ${courseSessions.id} from ${courseSessions} join ${offers} on ${offers.id} = ${courseSessions.offerId} where ${offers.organisationId} in (${organisationIdsOfUser(userId)})`;
}

/** SQL for the ids of the offers of a user's organisations, as a subquery. */
export function offerIdsOrganisedBy(userId: string): SQL {
  return sql`select ${offers.id} from ${offers} where ${offers.organisationId} in (${organisationIdsOfUser(userId)})`;
}

/** Offers by id, whatever their state, for a module that has checked the viewer may see them. */
export async function offersByIdsUnchecked(db: Database, ids: string[]): Promise<Map<string, OfferDto>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(offers).where(inArray(offers.id, unique)) : [];
  return new Map(rows.map((row) => [row.id, presentOffer(row)]));
}
