/**
 * Writes the demo's past (./history-plan.ts) into the database, in batches, with the moments
 * things happened: the report's facts are recorded by the database's triggers from the rows' own
 * timestamps (migrations/0011_report_facts.sql), so a past need is inserted in the state it ended
 * in with the time it ended, a filled one after the deadline first as EXPIRED and then filled, a
 * match with its matched_at, an accepted application with its events, a booking confirmed and its
 * participants marked. Then the current demo, which the use cases stamped with this very minute,
 * is spread over the last days and weeks, as if people had posted it one by one.
 *
 * The use cases accept nothing in the past, so the history is written to the tables directly; it
 * is the seed's own, on an empty database, in the seed's transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Database } from '../db/client.js';
import { fromHelsinki, helsinkiDate } from '../lib/helsinki.js';
import { users } from '../modules/accounts/tables.js';
import { applicationEvents, applications } from '../modules/applications/tables.js';
import { bookings, participants } from '../modules/bookings/tables.js';
import { needs } from '../modules/needs/tables.js';
import { courseSessions, offers } from '../modules/offers/tables.js';
import { memberships, organisations } from '../modules/organisations/tables.js';
import { matches, proposals } from '../modules/proposals/tables.js';
import { searchItems } from '../modules/search/tables.js';
import { planHistory, type HistoryInput, type HistoryPlan } from './history-plan.js';
import type { DemoAccount } from './marketplace.js';
import { Random } from './random.js';
import { addDays, isOfficeDay } from './timeline.js';

export interface HistoryCounts {
  needs: number;
  applications: number;
  courses: number;
  sessions: number;
  bookings: number;
  matches: number;
}

const BATCH = 250;

async function insertAll<T extends PgTable>(db: Database, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(table).values(rows.slice(i, i + BATCH));
}

/** `update <table> set … from (values …) v(id, a, b)`, in batches: one statement per batch of rows. */
async function updateFrom(db: Database, rows: SQL[], statement: (values: SQL) => SQL): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.execute(statement(sql.join(rows.slice(i, i + BATCH), sql`, `)));
  }
}

/** Seeds the history before `now` and spreads the current demo's moments; returns what it wrote. */
export async function seedHistory(
  db: Database,
  accounts: Map<string, DemoAccount>,
  input: Omit<HistoryInput, 'now'>,
  now: Date = new Date(),
): Promise<HistoryCounts> {
  const plan = planHistory({ ...input, now });
  const userId = (key: string) => {
    const account = accounts.get(key);
    if (!account) throw new Error(`Demo history: no account ${key}`);
    return account.viewer.id;
  };
  const orgId = (key: string) => {
    const organisation = accounts.get(key)?.organisation;
    if (!organisation) throw new Error(`Demo history: ${key} belongs to no organisation`);
    return organisation.id;
  };

  await writeTimeline(db, plan, userId, orgId);

  await insertAll(
    db,
    offers,
    plan.offers.map((o) => ({
      id: o.id,
      kind: 'COURSE' as const,
      state: 'ARCHIVED' as const,
      organisationId: orgId(o.by),
      createdBy: userId(o.by),
      title: o.title,
      description: o.description,
      language: o.language,
      topics: o.topics,
      municipalityCode: o.municipalityCode,
      online: o.online,
      languages: [o.language],
      publishedAt: o.publishedAt,
      archivedAt: o.archivedAt,
      createdAt: o.createdAt,
      updatedAt: o.archivedAt,
    })),
  );
  await insertAll(
    db,
    courseSessions,
    plan.sessions.map((s) => ({
      id: s.id,
      offerId: s.offerId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      registrationDeadline: s.registrationDeadline,
      place: s.place,
      municipalityCode: s.municipalityCode,
      onlineUrl: s.onlineUrl,
      seats: s.seats,
      seatsTaken: s.seatsTaken,
      priceCents: s.priceCents,
      language: s.language,
      minParticipants: s.minParticipants,
      decisionAt: s.decisionAt,
      cancelledAt: s.cancelledAt,
      cancelReason: s.cancelledAt ? 'MINIMUM_NOT_REACHED' : null,
      createdAt: s.createdAt,
    })),
  );

  // Needs in the state they first ended in, stamped when: the trigger records the posting and the end.
  await insertAll(
    db,
    needs,
    plan.needs.map((n) => {
      const first = n.filledAt ? 'EXPIRED' : n.state;
      return {
        id: n.id,
        kind: n.kind,
        state: first,
        organisationId: orgId(n.by),
        postedBy: userId(n.by),
        title: n.title,
        description: n.description,
        language: n.language,
        topics: n.topics,
        municipalityCode: n.municipalityCode,
        remote: n.remote,
        periodStart: n.periodStart,
        periodEnd: n.periodEnd,
        positions: n.positions,
        payKind: n.payKind,
        payAmountCents: n.payAmountCents,
        budgetCents: n.budgetCents,
        thesisLevel: n.thesisLevel,
        languages: [n.language],
        applicationDeadline: n.applicationDeadline,
        publishedAt: n.publishedAt,
        closedAt: first === 'CLOSED' ? n.endedAt : null,
        createdAt: n.createdAt,
        updatedAt: n.endedAt,
      };
    }),
  );

  await insertAll(
    db,
    proposals,
    plan.proposals.map((p) => ({
      id: p.id,
      needId: p.needId,
      targetKind: p.targetKind,
      offerId: p.offerId,
      sessionId: p.sessionId,
      studentId: p.student ? userId(p.student) : null,
      origin: p.origin,
      proposedBy: userId(p.proposedBy),
      note: p.note,
      state: p.state,
      needAnswer: p.needAnswer,
      needAnsweredBy: p.needAnsweredBy ? userId(p.needAnsweredBy) : null,
      needAnsweredAt: p.needAnsweredAt,
      targetAnswer: p.targetAnswer,
      targetAnsweredBy: p.targetAnsweredBy ? userId(p.targetAnsweredBy) : null,
      targetAnsweredAt: p.targetAnsweredAt,
      createdAt: p.createdAt,
      decidedAt: p.decidedAt,
    })),
  );
  const made = plan.proposals.filter((p) => p.match);
  await insertAll(
    db,
    matches,
    made.map((p) => ({
      id: p.match!.id,
      needId: p.needId,
      proposalId: p.id,
      matchedAt: p.match!.matchedAt,
      minutesToMatch: p.match!.minutesToMatch,
    })),
  );

  await insertAll(
    db,
    applications,
    plan.applications.map((a) => {
      const last = a.events[a.events.length - 1]!;
      return {
        id: a.id,
        needId: a.needId,
        studentId: userId(a.student),
        profileUserId: userId(a.student),
        coverLetter: a.coverLetter,
        state: last.to,
        rejectReason: last.to === 'REJECTED' ? last.reason : null,
        createdAt: a.events[0]!.at,
        updatedAt: last.at,
      };
    }),
  );
  await insertAll(
    db,
    applicationEvents,
    plan.applications
      .flatMap((a) => a.events.map((e) => ({ applicationId: a.id, e })))
      .sort((x, y) => x.e.at.getTime() - y.e.at.getTime())
      .map(({ applicationId, e }) => ({
        applicationId,
        fromState: e.from,
        toState: e.to,
        actorId: e.actor ? userId(e.actor) : null,
        at: e.at,
        reason: e.reason,
      })),
  );

  // Bookings confirmed when made; cancellations afterwards, as they happened.
  const sorted = [...plan.bookings].sort((a, b) => a.confirmedAt.getTime() - b.confirmedAt.getTime());
  await insertAll(
    db,
    bookings,
    sorted.map((b, i) => ({
      id: b.id,
      sessionId: b.sessionId,
      bookedBy: userId(b.by),
      state: 'CONFIRMED' as const,
      needId: b.needId,
      seats: b.seats,
      idempotencyKey: `demo-history-${i}`,
      confirmedAt: b.confirmedAt,
      createdAt: b.confirmedAt,
      updatedAt: b.confirmedAt,
    })),
  );
  await insertAll(
    db,
    participants,
    sorted.flatMap((b) =>
      b.participants.map((p, position) => ({
        bookingId: b.id,
        position,
        name: p.name,
        email: p.email,
        attended: p.attended,
      })),
    ),
  );
  await updateFrom(
    db,
    sorted
      .filter((b) => b.cancelledAt)
      .map((b) => sql`(${b.id}::uuid, ${b.cancelledAt!.toISOString()}::timestamptz, ${b.cancelReason})`),
    (values) => sql`
      update ${bookings} as b
      set state = 'CANCELLED', cancelled_at = v.at, cancel_reason = v.reason, updated_at = v.at
      from (values ${values}) as v(id, at, reason)
      where b.id = v.id`,
  );

  // Needs that expired and were filled afterwards: the hiring went on past the deadline.
  await updateFrom(
    db,
    plan.needs.filter((n) => n.filledAt).map((n) => sql`(${n.id}::uuid, ${n.filledAt!.toISOString()}::timestamptz)`),
    (values) => sql`
      update ${needs} as n set state = 'FILLED', updated_at = v.at
      from (values ${values}) as v(id, at)
      where n.id = v.id`,
  );

  await spreadCurrentDemo(db, now);

  return {
    needs: plan.needs.length,
    applications: plan.applications.length,
    courses: plan.offers.length,
    sessions: plan.sessions.length,
    bookings: plan.bookings.length,
    matches:
      made.length +
      plan.bookings.filter((b) => b.needId).length +
      plan.applications.filter((a) => a.events.some((e) => e.to === 'ACCEPTED')).length,
  };
}

/** When organisations and accounts registered, and organisations were verified by the coordinator. */
async function writeTimeline(
  db: Database,
  plan: HistoryPlan,
  userId: (key: string) => string,
  orgId: (key: string) => string,
) {
  await updateFrom(
    db,
    [...plan.users].map(([key, at]) => sql`(${userId(key)}::uuid, ${at.toISOString()}::timestamptz)`),
    (values) => sql`
      update ${users} as u
      set created_at = v.at, updated_at = v.at, email_verified_at = v.at + interval '4 minutes'
      from (values ${values}) as v(id, at)
      where u.id = v.id`,
  );
  const coordinator = userId('coordinator');
  const orgRows = [...plan.organisations].map(
    ([key, o]) =>
      sql`(${orgId(key)}::uuid, ${o.createdAt.toISOString()}::timestamptz, ${o.verifiedAt?.toISOString() ?? null}::timestamptz)`,
  );
  await updateFrom(
    db,
    orgRows,
    (values) => sql`
      update ${organisations} as o
      set created_at = v.created, updated_at = coalesce(v.verified, v.created), verified_at = v.verified,
          verified_by = case when v.verified is null then null else ${coordinator}::uuid end
      from (values ${values}) as v(id, created, verified)
      where o.id = v.id`,
  );
  await updateFrom(
    db,
    orgRows,
    (values) => sql`
      update ${memberships} as m set created_at = v.created
      from (values ${values}) as v(id, created, verified)
      where m.organisation_id = v.id`,
  );
}

/**
 * The current demo was made by the use cases within this minute: its needs, courses and pools are
 * moved back to when they would have been posted, on office days in the last weeks. Open needs stay
 * under the brokering queue's two weeks (the queue's waiting needs were moved back on purpose), and
 * the search index and the report's facts are told the same moments.
 */
async function spreadCurrentDemo(db: Database, now: Date) {
  const rng = new Random(2026_12);
  const today = helsinkiDate(now);
  const rows = await queryRows<{ id: string; kind: 'NEED' | 'OFFER' }>(
    db,
    sql`select id, 'NEED' as kind from ${needs} where created_at > now() - interval '1 hour'
        union all
        select id, 'OFFER' from ${offers} where created_at > now() - interval '1 hour'
        order by kind, id`,
  );
  /** A moment on an office day `min`–`max` days back, before now. */
  const back = (min: number, max: number): Date => {
    for (;;) {
      const day = addDays(today, -rng.int(min, max));
      if (!isOfficeDay(day)) continue;
      const minutes = rng.int(8 * 60, 16 * 60 + 30);
      const moment = fromHelsinki(
        `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      );
      if (moment < new Date(now.getTime() - 10 * 60_000)) return moment;
    }
  };
  const needRows = rows.filter((r) => r.kind === 'NEED');
  const offerRows = rows.filter((r) => r.kind === 'OFFER');
  await updateFrom(
    db,
    needRows.map((r) => {
      const published = back(0, 11);
      const created = new Date(published.getTime() - rng.int(5, 600) * 60_000);
      return sql`(${r.id}::uuid, ${published.toISOString()}::timestamptz, ${created.toISOString()}::timestamptz)`;
    }),
    (values) => sql`
      update ${needs} as n
      set published_at = case when n.state = 'DRAFT' then null else v.published end,
          created_at = v.created,
          updated_at = case when n.state in ('DRAFT', 'OPEN') then v.published else n.updated_at end
      from (values ${values}) as v(id, published, created)
      where n.id = v.id`,
  );
  await updateFrom(
    db,
    offerRows.map((r) => {
      const published = back(4, 60);
      const created = new Date(published.getTime() - rng.int(20, 60 * 24 * 3) * 60_000);
      return sql`(${r.id}::uuid, ${published.toISOString()}::timestamptz, ${created.toISOString()}::timestamptz)`;
    }),
    (values) => sql`
      update ${offers} as o
      set published_at = case when o.state = 'DRAFT' then null else v.published end,
          created_at = v.created, updated_at = case when o.state = 'DRAFT' then v.created else v.published end
      from (values ${values}) as v(id, published, created)
      where o.id = v.id`,
  );
  await db.execute(sql`
    update ${courseSessions} as s set created_at = o.created_at
    from ${offers} o where o.id = s.offer_id and s.created_at > o.created_at and o.state <> 'ARCHIVED'`);
  // What the search shows as newest (the report's facts follow the needs by their trigger).
  await db.execute(sql`
    update ${searchItems} as s
    set published_at = coalesce((select published_at from ${needs} where id = s.id),
                                (select published_at from ${offers} where id = s.id), s.published_at)`);
}
