/**
 * The sections of "download my data" (export.ts), one reader per part of the service. Each reads
 * other modules' tables (reads are allowed) for the rows about one person, and leaves out secrets
 * and other people's data as export.ts says.
 */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '../../deps.js';
import { emailTokens, refreshTokens, users } from '../accounts/tables.js';
import { applicationEvents, applications } from '../applications/tables.js';
import {
  bookingBilling,
  bookings,
  calendarFeeds,
  organisationBillingDetails,
  participants,
  sessionMessages,
} from '../bookings/tables.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';
import { invitations, memberships, organisations } from '../organisations/tables.js';
import { studentProfiles } from '../profiles/tables.js';
import { proposalIdsOfParty } from '../proposals/index.js';
import { proposals } from '../proposals/tables.js';

/** Columns that are the service's internals, not the person's data (search vectors and bit masks). */
export const withoutInternals = <T extends Record<string, unknown>>(row: T) => {
  const {
    topicMask: _mask,
    matchDocument: _document,
    ...rest
  } = row as T & { topicMask?: unknown; matchDocument?: unknown };
  return rest;
};

export async function accountSections(deps: Deps, userId: string, email: string) {
  const { db } = deps;
  const inviter = alias(users, 'inviter');
  return {
    signInRecords: await db
      .select({
        id: refreshTokens.id,
        familyId: refreshTokens.familyId,
        createdAt: refreshTokens.createdAt,
        userAgent: refreshTokens.userAgent,
        expiresAt: refreshTokens.expiresAt,
        usedAt: refreshTokens.usedAt,
        revokedAt: refreshTokens.revokedAt,
      })
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, userId))
      .orderBy(asc(refreshTokens.createdAt), asc(refreshTokens.id)),
    emailLinks: await db
      .select({
        id: emailTokens.id,
        purpose: emailTokens.purpose,
        createdAt: emailTokens.createdAt,
        expiresAt: emailTokens.expiresAt,
        usedAt: emailTokens.usedAt,
      })
      .from(emailTokens)
      .where(eq(emailTokens.userId, userId))
      .orderBy(asc(emailTokens.createdAt), asc(emailTokens.id)),
    memberships: await db
      .select({
        organisationId: memberships.organisationId,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        role: memberships.role,
        createdAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(memberships.createdAt), asc(memberships.organisationId)),
    invitations: await db
      .select({
        id: invitations.id,
        organisationId: invitations.organisationId,
        organisationName: organisations.name,
        email: invitations.email,
        role: invitations.role,
        invitedByName: inviter.displayName,
        sentByYou: sql<boolean>`${invitations.invitedBy} is not distinct from ${userId}::uuid`,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
      })
      .from(invitations)
      .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(or(eq(invitations.email, email), eq(invitations.invitedBy, userId)))
      .orderBy(asc(invitations.createdAt), asc(invitations.id)),
    organisationsVerified: await db
      .select({ id: organisations.id, name: organisations.name, verifiedAt: organisations.verifiedAt })
      .from(organisations)
      .where(eq(organisations.verifiedBy, userId))
      .orderBy(asc(organisations.name), asc(organisations.id)),
    studentProfile:
      (await db.select().from(studentProfiles).where(eq(studentProfiles.userId, userId))).map(withoutInternals)[0] ??
      null,
  };
}

export async function marketplaceSections(deps: Deps, userId: string) {
  const { db } = deps;
  const mine = await db
    .select({
      application: applications,
      needTitle: needs.title,
      needKind: needs.kind,
      organisationName: organisations.name,
    })
    .from(applications)
    .innerJoin(needs, eq(needs.id, applications.needId))
    .leftJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(eq(applications.studentId, userId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const events = mine.length
    ? await db
        .select({
          applicationId: applicationEvents.applicationId,
          fromState: applicationEvents.fromState,
          toState: applicationEvents.toState,
          at: applicationEvents.at,
          reason: applicationEvents.reason,
          byYou: sql<boolean>`${applicationEvents.actorId} is not distinct from ${userId}::uuid`,
        })
        .from(applicationEvents)
        .where(
          inArray(
            applicationEvents.applicationId,
            mine.map((row) => row.application.id),
          ),
        )
        .orderBy(asc(applicationEvents.at), asc(applicationEvents.id))
    : [];
  const proposalNeed = alias(needs, 'proposal_need');
  const proposalRows = await db
    .select({ proposal: proposals, needTitle: proposalNeed.title, needPostedBy: proposalNeed.postedBy })
    .from(proposals)
    .innerJoin(proposalNeed, eq(proposalNeed.id, proposals.needId))
    .where(
      or(
        eq(proposals.studentId, userId),
        eq(proposals.proposedBy, userId),
        eq(proposalNeed.postedBy, userId),
        sql`${proposals.id} in (${proposalIdsOfParty(userId)})`,
      ),
    )
    .orderBy(asc(proposals.createdAt), asc(proposals.id));
  return {
    needs: (
      await db.select().from(needs).where(eq(needs.postedBy, userId)).orderBy(asc(needs.createdAt), asc(needs.id))
    ).map(withoutInternals),
    offers: await db
      .select()
      .from(offers)
      .where(eq(offers.createdBy, userId))
      .orderBy(asc(offers.createdAt), asc(offers.id)),
    applications: mine.map(({ application, ...need }) => ({
      ...application,
      ...need,
      timeline: events.filter((e) => e.applicationId === application.id).map(({ applicationId: _id, ...e }) => e),
    })),
    proposals: proposalRows.map(({ proposal, needTitle, needPostedBy }) => {
      const { studentId, proposedBy, needAnsweredBy, targetAnsweredBy, ...rest } = proposal;
      return {
        ...rest,
        needTitle,
        // Which side the person is on; other people are not named.
        you: {
          areTheStudent: studentId === userId,
          proposed: proposedBy === userId,
          postedTheNeed: needPostedBy === userId,
          answeredForTheNeed: needAnsweredBy === userId,
          answeredForTheTarget: targetAnsweredBy === userId,
        },
      };
    }),
  };
}

export async function bookingSections(deps: Deps, userId: string, email: string) {
  const { db } = deps;
  const session = {
    sessionId: courseSessions.id,
    courseTitle: offers.title,
    organisationName: organisations.name,
    startsAt: courseSessions.startsAt,
    endsAt: courseSessions.endsAt,
    place: courseSessions.place,
    municipalityCode: courseSessions.municipalityCode,
  };
  const booked = await db
    .select({
      id: bookings.id,
      state: bookings.state,
      seats: bookings.seats,
      needId: bookings.needId,
      createdAt: bookings.createdAt,
      confirmedAt: bookings.confirmedAt,
      offeredAt: bookings.offeredAt,
      offeredUntil: bookings.offeredUntil,
      cancelledAt: bookings.cancelledAt,
      cancelReason: bookings.cancelReason,
      ...session,
    })
    .from(bookings)
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(eq(bookings.bookedBy, userId))
    .orderBy(asc(bookings.createdAt), asc(bookings.id));
  const people = booked.length
    ? await db
        .select({
          bookingId: participants.bookingId,
          position: participants.position,
          name: participants.name,
          email: participants.email,
          attended: participants.attended,
          anonymisedAt: participants.anonymisedAt,
        })
        .from(participants)
        .where(
          inArray(
            participants.bookingId,
            booked.map((b) => b.id),
          ),
        )
        .orderBy(asc(participants.bookingId), asc(participants.position))
    : [];
  // Who the person asked to be invoiced, when they booked on behalf of an organisation.
  const billing = booked.length
    ? await db
        .select({
          bookingId: bookingBilling.bookingId,
          organisationName: bookingBilling.organisationName,
          businessId: bookingBilling.businessId,
          invoiceMethod: bookingBilling.invoiceMethod,
          eInvoiceAddress: bookingBilling.eInvoiceAddress,
          eInvoiceOperator: bookingBilling.eInvoiceOperator,
          invoiceEmail: bookingBilling.invoiceEmail,
          reference: bookingBilling.reference,
          unitPriceCents: bookingBilling.unitPriceCents,
        })
        .from(bookingBilling)
        .where(
          inArray(
            bookingBilling.bookingId,
            booked.map((b) => b.id),
          ),
        )
    : [];
  // Named on someone else's booking: their own row and the session, not the other participants.
  const named = await db
    .select({
      bookingId: bookings.id,
      bookingState: bookings.state,
      name: participants.name,
      email: participants.email,
      attended: participants.attended,
      ...session,
    })
    .from(participants)
    .innerJoin(bookings, eq(bookings.id, participants.bookingId))
    .innerJoin(courseSessions, eq(courseSessions.id, bookings.sessionId))
    .innerJoin(offers, eq(offers.id, courseSessions.offerId))
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(and(eq(sql`lower(${participants.email})`, email), ne(bookings.bookedBy, userId)))
    .orderBy(asc(courseSessions.startsAt), asc(participants.id));
  return {
    bookings: booked.map((b) => ({
      ...b,
      participants: people.filter((p) => p.bookingId === b.id).map(({ bookingId: _id, ...p }) => p),
      billing: billing.filter((x) => x.bookingId === b.id).map(({ bookingId: _id, ...x }) => x)[0] ?? null,
    })),
    bookingsAsParticipant: named,
    calendarFeeds: await db
      .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .orderBy(asc(calendarFeeds.createdAt), asc(calendarFeeds.id)),
    // Organisations' billing details as the person last saved them (when booking on their behalf).
    savedBillingDetails: await db
      .select({
        organisationId: organisationBillingDetails.organisationId,
        organisationName: organisationBillingDetails.organisationName,
        businessId: organisationBillingDetails.businessId,
        invoiceMethod: organisationBillingDetails.invoiceMethod,
        eInvoiceAddress: organisationBillingDetails.eInvoiceAddress,
        eInvoiceOperator: organisationBillingDetails.eInvoiceOperator,
        invoiceEmail: organisationBillingDetails.invoiceEmail,
        reference: organisationBillingDetails.reference,
        updatedAt: organisationBillingDetails.updatedAt,
      })
      .from(organisationBillingDetails)
      .where(eq(organisationBillingDetails.updatedBy, userId))
      .orderBy(asc(organisationBillingDetails.updatedAt), asc(organisationBillingDetails.organisationId)),
    // What the person wrote to everyone booked on a session they organise (not who received it).
    sessionMessages: await db
      .select({
        id: sessionMessages.id,
        body: sessionMessages.body,
        recipientCount: sessionMessages.recipientCount,
        createdAt: sessionMessages.createdAt,
        ...session,
      })
      .from(sessionMessages)
      .innerJoin(courseSessions, eq(courseSessions.id, sessionMessages.sessionId))
      .innerJoin(offers, eq(offers.id, courseSessions.offerId))
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(eq(sessionMessages.authorId, userId))
      .orderBy(asc(sessionMessages.createdAt), asc(sessionMessages.id)),
  };
}
