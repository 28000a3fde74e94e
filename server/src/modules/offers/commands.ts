/**
 * Offer use cases that change state: an educational organisation creates, edits, publishes and
 * archives courses (with sessions) and student pools. Each change re-indexes the offer for search
 * in its own transaction.
 */
import {
  DEFAULT_MAX_SEATS_PER_BOOKER,
  offerSchema,
  sessionSchema,
  type FieldIssue,
  type OfferState,
  type SessionChange,
  type SessionData,
} from '@keskusvaraamo/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isForeignKeyViolation, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import {
  AppError,
  forbidden,
  invalidState as invalidStateOf,
  notFound,
  parseInput,
  unauthenticated,
  validationError,
} from '../../errors.js';
import { fromHelsinki } from '../../lib/helsinki.js';
import type { Viewer } from '../../lib/viewer.js';
import { organisationsByIds, roleIn } from '../organisations/index.js';
import { offerPolicy as policy } from './policy.js';
import { presentOffer, presentSession, type OfferDto, type SessionDto } from './presenter.js';
import { loadOffer, loadSession, sessionsOf, type OfferRow, type SessionRow } from './rows.js';
import { syncIndex } from './searchDocument.js';
import { courseSessions, offers } from './tables.js';

const invalidState = (state: string) => invalidStateOf('an offer', state);

async function loadManaged(deps: Deps, viewer: Viewer | null, id: string): Promise<OfferRow> {
  if (!viewer) throw unauthenticated();
  const offer = await loadOffer(deps.db, id);
  const refusal = policy.refuseToManage(viewer, offer.state, await roleIn(deps.db, offer.organisationId, viewer.id));
  if (refusal === 'FORBIDDEN') throw forbidden();
  if (refusal === 'NOT_FOUND') throw notFound('No such offer');
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

/** Sessions a course can be created with at once; more are added one by one. */
export const MAX_NEW_SESSIONS = 100;

/** Saves a new offer as a draft, with its sessions for a course: members of an educational organisation or training body. */
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
    if (!row) throw invalidState((await loadOffer(tx, offer.id)).state);
    await syncIndex(tx, row.id);
    return presentOffer(row);
  });
}

/** DRAFT → PUBLISHED, into search; a course needs a session still taking registrations. */
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

/**
 * What an edit of a session means for the people booked on it, which bookings decides (offers knows
 * nothing of bookings): `seatsAdded` moves its waitlist up, and `changes` (its time, place or
 * online link, before and after) are told to everyone booked. Runs in the edit's transaction,
 * which holds the session's row lock, before the search index is written.
 */
export interface SessionEdit {
  sessionId: string;
  seatsAdded: boolean;
  /** What moved, in SESSION_CHANGE_FIELDS order; empty when only seats, price or deadlines changed. */
  changes: SessionChange[];
}
export type WhenSessionEdited = (db: Database, edit: SessionEdit) => Promise<unknown>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The changes between a session's row and its edited values that move people: time, place, link. */
export function sessionChanges(
  before: Pick<SessionRow, 'startsAt' | 'endsAt' | 'place' | 'municipalityCode' | 'onlineUrl'>,
  after: Pick<SessionRow, 'startsAt' | 'endsAt' | 'place' | 'municipalityCode' | 'onlineUrl'>,
): SessionChange[] {
  const pairs: [SessionChange['field'], string | null, string | null][] = [
    ['STARTS_AT', iso(before.startsAt), iso(after.startsAt)],
    ['ENDS_AT', iso(before.endsAt), iso(after.endsAt)],
    ['PLACE', before.place, after.place],
    ['MUNICIPALITY', before.municipalityCode, after.municipalityCode],
    ['ONLINE_URL', before.onlineUrl, after.onlineUrl],
  ];
  return pairs
    .filter(([, b, a]) => (b ?? null) !== (a ?? null))
    .map(([field, b, a]) => ({ field, before: b, after: a }));
}

/**
 * Edits a session. Fewer seats than are taken is VALIDATION. A change of its time, place or online
 * link bumps its calendar sequence (calendars move the event). `whenEdited` (bookings'
 * `updateSession` gives its waitlist promotion and its notices) hears what changed, and the session
 * is returned as it is after that.
 */
export async function updateSession(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  input: unknown,
  whenEdited?: WhenSessionEdited,
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
    // The row as it is now, locked: what changed is compared with it, not with a read before.
    const [current] = await tx.select().from(courseSessions).where(eq(courseSessions.id, session.id)).for('update');
    if (!current) throw notFound('No such session');
    const changes = sessionChanges(current, values);
    // A session moved (or its place or link changed) once its cancellation deadline has passed:
    // those booked may not be able to come now, so they may cancel until it starts.
    const deadline = values.cancellationDeadline ?? values.startsAt;
    const reopen = changes.length > 0 && deadline <= new Date();
    // The seat count is compared again in the statement: a booking may have come in meanwhile.
    const [row] = await tx
      .update(courseSessions)
      .set({
        ...values,
        ...(changes.length ? { calendarSequence: sql`${courseSessions.calendarSequence} + 1` } : {}),
        ...(reopen ? { cancellationDeadline: null } : {}),
      })
      .where(and(eq(courseSessions.id, session.id), sql`${courseSessions.seatsTaken} <= ${values.seats}`))
      .returning();
    if (!row) throw validationError([{ field: 'seats', message: 'validation.seatsBelowTaken' }]);
    await whenEdited?.(tx, { sessionId: row.id, seatsAdded: row.seats > current.seats, changes });
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
