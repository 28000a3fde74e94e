import type { IResolvers, MercuriusContext } from 'mercurius';
import { unauthenticated } from '../../errors.js';
import type { GraphqlModule } from '../../plugins/graphql.js';
import { assertId } from '../../lib/ids.js';
import type { NeedDto } from '../needs/index.js';
import { offersByIds, sessionsByIds, type SessionDto } from '../offers/index.js';
import { billingShown, savedBillingDetails } from './billing.js';
import { createFeed, hasFeed, revokeFeeds } from './calendar.js';
import { bookSeats } from './commands/book.js';
import {
  cancelBooking,
  cancelBookingWithToken,
  cancelSession,
  claimBooking,
  markAttendance,
  markSessionAttendance,
  updateSession,
} from './commands/manage.js';
import { messageSessionParticipants } from './commands/message.js';
import {
  addParticipant,
  cancelParticipant,
  cancelParticipantWithToken,
  replaceParticipant,
} from './commands/participants.js';
import * as fields from './loaders.js';
import { mayMessageParticipants, messageRecipientCounts, sessionMessagesOf } from './messages.js';
import type { BookingDto } from './presenter.js';
import { getBooking, myBookings, sessionBookings, upcomingBookings } from './queries.js';

async function signedIn(ctx: MercuriusContext) {
  const viewer = await ctx.viewer();
  if (!viewer) throw unauthenticated();
  return viewer;
}

const resolvers: IResolvers = {
  Query: {
    booking: async (_root, { id }, ctx) => getBooking(ctx.deps, await ctx.viewer(), id),
    myBookings: async (_root, args, ctx) => myBookings(ctx.deps, await ctx.viewer(), args),
    upcomingBookings: async (_root, args, ctx) => upcomingBookings(ctx.deps, await ctx.viewer(), args),
    sessionBookings: async (_root, { sessionId }, ctx) => sessionBookings(ctx.deps, await ctx.viewer(), sessionId),
    sessionMessages: async (_root, args, ctx) => sessionMessagesOf(ctx.deps, await ctx.viewer(), args),
    session: async (_root, { id }, ctx) => {
      const [session] = await sessionsByIds(ctx.deps, await ctx.viewer(), [id]);
      return session ?? null;
    },
    savedBillingDetails: async (_root, { organisationId }, ctx) =>
      savedBillingDetails(ctx.deps, await ctx.viewer(), organisationId),
    hasCalendarFeed: async (_root, _args, ctx) => hasFeed(ctx.deps.db, (await signedIn(ctx)).id),
  },
  Mutation: {
    bookSeats: async (_root, { input }, ctx) => bookSeats(ctx.deps, await ctx.viewer(), input),
    cancelBooking: async (_root, { id }, ctx) => cancelBooking(ctx.deps, await ctx.viewer(), id),
    cancelBookingWithToken: async (_root, { token }, ctx) => cancelBookingWithToken(ctx.deps, token),
    claimBooking: async (_root, { id, billing }, ctx) => claimBooking(ctx.deps, await ctx.viewer(), id, { billing }),
    cancelParticipant: async (_root, { bookingId, participantId }, ctx) =>
      cancelParticipant(ctx.deps, await ctx.viewer(), bookingId, participantId),
    cancelParticipantWithToken: async (_root, { token }, ctx) => cancelParticipantWithToken(ctx.deps, token),
    addParticipant: async (_root, { bookingId, participant }, ctx) =>
      addParticipant(ctx.deps, await ctx.viewer(), bookingId, participant),
    replaceParticipant: async (_root, { bookingId, participantId, participant }, ctx) =>
      replaceParticipant(ctx.deps, await ctx.viewer(), bookingId, participantId, participant),
    cancelSession: async (_root, { id }, ctx) => {
      const viewer = await ctx.viewer();
      await cancelSession(ctx.deps, viewer, id);
      const [session] = await sessionsByIds(ctx.deps, viewer, [assertId(id)]);
      return session;
    },
    // Declared in bookings' schema: more seats move the waitlist up.
    updateSession: async (_root, { id, input }, ctx) => updateSession(ctx.deps, await ctx.viewer(), id, input),
    markAttendance: async (_root, { participantId, attended }, ctx) =>
      markAttendance(ctx.deps, await ctx.viewer(), participantId, attended ?? null),
    markSessionAttendance: async (_root, { sessionId, participantIds, attended }, ctx) =>
      markSessionAttendance(ctx.deps, await ctx.viewer(), sessionId, participantIds, attended ?? null),
    messageSessionParticipants: async (_root, { sessionId, message }, ctx) =>
      messageSessionParticipants(ctx.deps, await ctx.viewer(), sessionId, message),
    createCalendarFeed: async (_root, _args, ctx) => createFeed(ctx.deps, (await signedIn(ctx)).id),
    revokeCalendarFeed: async (_root, _args, ctx) => {
      await revokeFeeds(ctx.deps.db, (await signedIn(ctx)).id);
      return true;
    },
  },
};

type Queries = { obj: BookingDto }[];

/** bookerName and bookerEmail come from one lookup per request and list, not one each. */
type Bookers = ReturnType<typeof fields.bookersOf>;
const bookerLookups = new WeakMap<object, Map<string, Bookers>>();
function bookersOnce(ctx: MercuriusContext, queries: Queries): ReturnType<typeof fields.bookersOf> {
  const list = queries.map((q) => q.obj);
  const key = list.map((b) => b.id).join();
  const forRequest = bookerLookups.get(ctx.request) ?? new Map<string, Bookers>();
  bookerLookups.set(ctx.request, forRequest);
  if (!forRequest.has(key))
    forRequest.set(
      key,
      ctx.viewer().then((viewer) => fields.bookersOf(ctx.deps, viewer, list)),
    );
  return forRequest.get(key)!;
}
const loaders = {
  Booking: {
    session: async (queries: Queries, ctx: MercuriusContext) =>
      sessionsByIds(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj.sessionId),
      ),
    offer: async (queries: Queries, ctx: MercuriusContext) => {
      const viewer = await ctx.viewer();
      const sessions = await sessionsByIds(
        ctx.deps,
        viewer,
        queries.map((q) => q.obj.sessionId),
      );
      return offersByIds(
        ctx.deps,
        viewer,
        sessions.map((s) => s?.offerId ?? ''),
      );
    },
    // Participants are people's personal data: staff's reads are logged for the students among them.
    participants: async (queries: Queries, ctx: MercuriusContext) =>
      fields.participantsShown(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    waitlistPosition: async (queries: Queries, ctx: MercuriusContext) =>
      fields.waitlistPositions(
        ctx.deps,
        queries.map((q) => q.obj),
      ),
    canCancel: async (queries: Queries, ctx: MercuriusContext) =>
      fields.bookerMayCancel(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    need: async (queries: Queries, ctx: MercuriusContext) =>
      fields.needsOf(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    bookerName: async (queries: Queries, ctx: MercuriusContext) =>
      (await bookersOnce(ctx, queries)).map((b) => b?.displayName ?? null),
    bookerEmail: async (queries: Queries, ctx: MercuriusContext) =>
      (await bookersOnce(ctx, queries)).map((b) => b?.email ?? null),
    billing: async (queries: Queries, ctx: MercuriusContext) =>
      billingShown(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
  Need: {
    canBookCourse: async (queries: { obj: NeedDto }[], ctx: MercuriusContext) =>
      fields.mayBookForNeeds(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
  CourseSession: {
    waitlistCount: async (queries: { obj: SessionDto }[], ctx: MercuriusContext) =>
      fields.waitlistCounts(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    viewerSeats: async (queries: { obj: SessionDto }[], ctx: MercuriusContext) =>
      fields.seatsHeldByViewer(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    canMessageParticipants: async (queries: { obj: SessionDto }[], ctx: MercuriusContext) =>
      mayMessageParticipants(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
    messageRecipientCount: async (queries: { obj: SessionDto }[], ctx: MercuriusContext) =>
      messageRecipientCounts(
        ctx.deps,
        await ctx.viewer(),
        queries.map((q) => q.obj),
      ),
  },
};

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers, loaders } satisfies GraphqlModule;
