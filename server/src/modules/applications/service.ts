/**
 * Application use cases: a student applies to an open placement with a cover letter; the need's
 * side (its poster and its company's members) shortlists, offers or rejects; the student accepts,
 * declines or withdraws. Every transition is one conditional UPDATE (… WHERE state IN (allowed)),
 * so of two racing changes one wins and the other gets INVALID_STATE. Accepting holds the need's
 * row lock while it counts the accepted applications, so accepts on one need run one at a time;
 * the one that takes the last position makes the need FILLED and rejects every other open
 * application, in the same transaction. Each change writes its timeline event and notifications
 * in the transaction that makes it.
 */
import {
  APPLICATION_TRANSITIONS,
  applySchema,
  isPlacementKind,
  OPEN_APPLICATION_STATES,
  rejectApplicationSchema,
  type ApplicationAction,
  type ApplicationState,
  type NotificationType,
} from '@keskusvaraamo/shared';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, queryRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, invalidState, notFound, parseInput, unauthenticated } from '../../errors.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import { assertId } from '../../lib/ids.js';
import { decodeIdCursor, pageSize, toConnection } from '../../lib/pagination.js';
import { usersByIds } from '../accounts/index.js';
import type { Viewer } from '../../lib/viewer.js';
import type { NeedDto } from '../needs/presenter.js';
import { getNeed, lockNeed, markNeedFilled, needIdsManagedBy, needsByIds } from '../needs/service.js';
import { notify, type NewNotification } from '../messaging/index.js';
import { memberIdsOf, organisationsByIds, userOrganisationIds } from '../organisations/index.js';
import { profilesByUserIds, type StudentProfileDto } from '../profiles/service.js';
import { applicationPolicy as policy } from './policy.js';
import {
  presentApplication,
  presentApplicationEvent,
  type ApplicationDto,
  type ApplicationEventDto,
} from './presenter.js';
import { applicationEvents, applications } from './tables.js';

type ApplicationRow = typeof applications.$inferSelect;

/** The reason recorded on applications rejected because the last position was accepted. */
export const NEED_FILLED_REASON = 'NEED_FILLED';

const applicationsClosed = () => new AppError('APPLICATIONS_CLOSED', 'This need is not taking applications');
const positionsFilled = () => new AppError('POSITIONS_FILLED', 'Every position has been filled');

/** The notification each transition sends: to the student for the company's moves, and the other way round. */
const NOTICE: Record<ApplicationAction, NotificationType> = {
  SHORTLIST: 'APPLICATION_SHORTLISTED',
  OFFER: 'APPLICATION_OFFERED',
  REJECT: 'APPLICATION_REJECTED',
  ACCEPT: 'APPLICATION_ACCEPTED',
  DECLINE: 'APPLICATION_DECLINED',
  WITHDRAW: 'APPLICATION_WITHDRAWN',
};

async function load(db: Database, id: string): Promise<ApplicationRow> {
  const [row] = await db
    .select()
    .from(applications)
    .where(eq(applications.id, assertId(id, 'No such application')));
  if (!row) throw notFound('No such application');
  return row;
}

async function loadNeed(db: Database, id: string): Promise<NeedDto> {
  const need = (await needsByIds(db, [id])).get(id);
  if (!need) throw notFound('No such need');
  return need;
}

/** An application's surroundings, as its notifications and rules need them. */
interface Setting {
  need: NeedDto;
  /** The company's name, or the poster's when they posted without one. */
  organisationName: string;
  studentName: string;
  /** The need's side: the poster and the company's members. */
  sideIds: string[];
}

async function settingOf(deps: Deps, db: Database, need: NeedDto, studentId: string): Promise<Setting> {
  const [organisation] = need.organisationId ? await organisationsByIds(db, [need.organisationId]) : [];
  const members = need.organisationId
    ? ((await memberIdsOf(db, [need.organisationId])).get(need.organisationId) ?? [])
    : [];
  const people = await usersByIds({ ...deps, db }, [studentId, need.postedBy]);
  return {
    need,
    organisationName: organisation?.name ?? people.get(need.postedBy)?.displayName ?? '',
    studentName: people.get(studentId)?.displayName ?? '',
    sideIds: [...new Set([need.postedBy, ...members])],
  };
}

/** A notification about an application; the student's link leads to their application, the company's to the applicants. */
function notice(
  type: NotificationType,
  userId: string,
  application: { id: string },
  setting: Setting,
  reason: string | null = null,
): NewNotification {
  const toStudent = !setting.sideIds.includes(userId);
  return {
    userId,
    type,
    data: {
      applicationId: application.id,
      needId: setting.need.id,
      needTitle: setting.need.title,
      organisationName: setting.organisationName,
      studentName: setting.studentName,
      ...(reason ? { reason } : {}),
      path: toStudent ? `/my/applications/${application.id}` : `/needs/${setting.need.id}/applicants`,
    },
  };
}

/** The company may shortlist and offer while the need is open or past its deadline, not once it is filled or closed. */
function assertHiring(need: NeedDto) {
  if (need.state === 'FILLED') throw positionsFilled();
  if (need.state !== 'OPEN' && need.state !== 'EXPIRED') throw invalidState('a need', need.state);
}

/** A student applies to an open placement before its deadline; their profile, if any, goes with it. */
export async function applyToNeed(deps: Deps, viewer: Viewer | null, input: unknown): Promise<ApplicationDto> {
  if (!viewer) throw unauthenticated();
  if (!policy.apply(viewer)) throw forbidden('Only students apply to placements');
  const data = parseInput(applySchema, input);
  // Someone who may not read the need (a draft, a closed one) learns nothing of it.
  if (!(await getNeed(deps, viewer, data.needId))) throw notFound('No such need');
  try {
    return await deps.db.transaction(async (tx) => {
      // A shared lock: the need cannot be filled, and its open applications rejected, while this one joins them.
      const need = await lockNeed(tx, data.needId, 'share');
      const [existing] = await tx
        .select({ id: applications.id })
        .from(applications)
        .where(and(eq(applications.needId, need.id), eq(applications.studentId, viewer.id)));
      if (existing) throw alreadyApplied(existing.id);
      const deadlinePassed = need.applicationDeadline !== null && need.applicationDeadline < todayInHelsinki();
      if (!isPlacementKind(need.kind) || need.state !== 'OPEN' || deadlinePassed) throw applicationsClosed();
      const setting = await settingOf(deps, tx, need, viewer.id);
      if (setting.sideIds.includes(viewer.id)) throw forbidden('You cannot apply to your own need');
      const [profile] = await profilesByUserIds(tx, [viewer.id]);
      const [row] = await tx
        .insert(applications)
        .values({
          needId: need.id,
          studentId: viewer.id,
          profileUserId: profile ? viewer.id : null,
          coverLetter: data.coverLetter,
        })
        .returning();
      await tx.insert(applicationEvents).values({ applicationId: row!.id, toState: 'SUBMITTED', actorId: viewer.id });
      await notify(
        tx,
        setting.sideIds.map((userId) => notice('APPLICATION_RECEIVED', userId, row!, setting)),
      );
      return presentApplication(row!);
    });
  } catch (error) {
    // Two requests raced past the check above: the unique index let one in.
    if (!isUniqueViolation(error, 'applications_one_per_student')) throw error;
    const [first] = await deps.db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.needId, data.needId), eq(applications.studentId, viewer.id)));
    throw alreadyApplied(first?.id);
  }
}

const alreadyApplied = (applicationId: string | undefined) =>
  new AppError('ALREADY_APPLIED', 'You have already applied to this need', { applicationId });

interface MovedRow {
  id: string;
  from_state: ApplicationState;
  student_id: string;
}

/**
 * Moves applications to `to` from any of `from`, in one statement: the CTE locks the rows still in
 * an allowed state (re-checked after waiting for a concurrent change) and the UPDATE moves exactly
 * those, returning each one's previous state for the timeline.
 */
async function move(
  db: Database,
  where: SQL,
  from: readonly ApplicationState[],
  to: ApplicationState,
  reason: string | null,
): Promise<MovedRow[]> {
  const states = sql.join(
    from.map((s) => sql`${s}`),
    sql`, `,
  );
  return queryRows<MovedRow>(
    db,
    sql`
    with old as (
      select id, state from applications where ${where} and state in (${states}) for update
    )
    update applications a
    set state = ${to}, reject_reason = ${to === 'REJECTED' ? reason : null}, updated_at = now()
    from old where a.id = old.id
    returning a.id, a.student_id, old.state as from_state`,
  );
}

async function transition(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  action: ApplicationAction,
  reason: string | null = null,
): Promise<ApplicationDto> {
  if (!viewer) throw unauthenticated();
  const application = await load(deps.db, id);
  const setting = await settingOf(deps, deps.db, await loadNeed(deps.db, application.needId), application.studentId);
  const reviewer = setting.sideIds.includes(viewer.id);
  const rule = APPLICATION_TRANSITIONS[action];
  const allowed = rule.by === 'ORGANISATION' ? policy.review(viewer, reviewer) : policy.answer(viewer, application);
  if (!allowed) throw policy.read(viewer, application, reviewer) ? forbidden() : notFound('No such application');
  if (action === 'SHORTLIST' || action === 'OFFER') assertHiring(setting.need);

  return deps.db.transaction(async (tx) => {
    let accepted = 0;
    if (action === 'ACCEPT') {
      // Accepts on one need queue here, so the count below cannot be overtaken.
      const need = await lockNeed(tx, application.needId, 'update');
      assertHiring(need);
      accepted = await acceptedCount(tx, need.id);
      if (accepted >= need.positions) throw positionsFilled();
      setting.need = need;
    }
    const [moved] = await move(tx, sql`id = ${application.id}`, rule.from, rule.to, reason);
    if (!moved) {
      const [current] = await tx
        .select({ state: applications.state })
        .from(applications)
        .where(eq(applications.id, application.id));
      throw invalidState('an application', current?.state ?? application.state);
    }
    await tx.insert(applicationEvents).values({
      applicationId: application.id,
      fromState: moved.from_state,
      toState: rule.to,
      actorId: viewer.id,
      reason,
    });
    const recipients = rule.by === 'ORGANISATION' ? [application.studentId] : setting.sideIds;
    await notify(
      tx,
      recipients.map((userId) => notice(NOTICE[action], userId, application, setting, reason)),
    );
    if (action === 'ACCEPT' && accepted + 1 >= setting.need.positions) await fill(deps, tx, setting, application.id);
    return presentApplication(await load(tx, application.id));
  });
}

/** Applications accepted for a need; the caller holds the need's row lock when the count decides anything. */
export async function acceptedCount(db: Database, needId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.needId, needId), eq(applications.state, 'ACCEPTED')));
  return row?.n ?? 0;
}

/**
 * The need's positions were lowered to its accepted applications (by the needs module, under the
 * need's row lock): it is filled as when the last position is accepted, every open application
 * rejected and its student told.
 */
export async function fillNeedAtAccepted(deps: Deps, tx: Database, need: NeedDto): Promise<void> {
  await fill(deps, tx, await settingOf(deps, tx, need, need.postedBy), null);
}

/** Every position is taken: the need becomes FILLED, and everyone still waiting is told. */
async function fill(deps: Deps, tx: Database, setting: Setting, acceptedId: string | null) {
  await markNeedFilled(tx, setting.need.id);
  const rejected = await move(
    tx,
    acceptedId ? sql`need_id = ${setting.need.id} and id <> ${acceptedId}` : sql`need_id = ${setting.need.id}`,
    OPEN_APPLICATION_STATES,
    'REJECTED',
    NEED_FILLED_REASON,
  );
  if (!rejected.length) return;
  await tx.insert(applicationEvents).values(
    rejected.map((r) => ({
      applicationId: r.id,
      fromState: r.from_state,
      toState: 'REJECTED' as const,
      actorId: null,
      reason: NEED_FILLED_REASON,
    })),
  );
  const names = await usersByIds(
    { ...deps, db: tx },
    rejected.map((r) => r.student_id),
  );
  await notify(
    tx,
    rejected.map((r) =>
      notice(
        'NEED_FILLED',
        r.student_id,
        r,
        { ...setting, studentName: names.get(r.student_id)?.displayName ?? '' },
        NEED_FILLED_REASON,
      ),
    ),
  );
}

export const shortlistApplication = (deps: Deps, viewer: Viewer | null, id: string) =>
  transition(deps, viewer, id, 'SHORTLIST');
export const offerApplication = (deps: Deps, viewer: Viewer | null, id: string) =>
  transition(deps, viewer, id, 'OFFER');
export async function rejectApplication(deps: Deps, viewer: Viewer | null, id: string, input: unknown) {
  if (!viewer) throw unauthenticated();
  return transition(deps, viewer, id, 'REJECT', parseInput(rejectApplicationSchema, input).reason);
}
export const acceptApplication = (deps: Deps, viewer: Viewer | null, id: string) =>
  transition(deps, viewer, id, 'ACCEPT');
export const declineApplication = (deps: Deps, viewer: Viewer | null, id: string) =>
  transition(deps, viewer, id, 'DECLINE');
export const withdrawApplication = (deps: Deps, viewer: Viewer | null, id: string) =>
  transition(deps, viewer, id, 'WITHDRAW');

/** Whether the viewer is on each need's side (posted it, or belongs to its company), with one query. */
async function sideOfNeeds(db: Database, viewer: Viewer, list: NeedDto[]): Promise<boolean[]> {
  const orgIds = new Set(await userOrganisationIds(db, viewer.id));
  return list.map((n) => n.postedBy === viewer.id || (n.organisationId !== null && orgIds.has(n.organisationId)));
}

/** One application: the student's own, their need's side's, and staff's. Anyone else gets NOT_FOUND, as if it did not exist. */
export async function getApplication(deps: Deps, viewer: Viewer | null, id: string): Promise<ApplicationDto> {
  if (!viewer) throw unauthenticated();
  const application = await load(deps.db, id);
  const reviewer =
    application.studentId !== viewer.id &&
    (await sideOfNeeds(deps.db, viewer, [await loadNeed(deps.db, application.needId)]))[0]!;
  if (!policy.read(viewer, application, reviewer)) throw notFound('No such application');
  return presentApplication(application);
}

interface ListArgs {
  state?: ApplicationState | null;
  first?: number | null;
  after?: string | null;
}

/** The student's own applications, newest first. */
export async function myApplications(deps: Deps, viewer: Viewer | null, args: ListArgs) {
  if (!viewer) throw unauthenticated();
  const size = pageSize(args.first);
  const afterId = decodeIdCursor(args.after);
  const filters = and(
    eq(applications.studentId, viewer.id),
    args.state ? eq(applications.state, args.state) : undefined,
  );
  const after = afterId
    ? sql`(${applications.createdAt}, ${applications.id}) < (select a.created_at, a.id from ${applications} a where a.id = ${afterId})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(applications)
      .where(and(filters, after))
      .orderBy(desc(applications.createdAt), desc(applications.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(applications).where(filters),
  ]);
  return toConnection(rows.map(presentApplication), size, (a) => [a.id], total?.n ?? 0);
}

/** A need's applicants in arrival order, for its side and staff; NOT_FOUND for anyone else. */
export async function needApplications(deps: Deps, viewer: Viewer | null, needId: string, args: ListArgs) {
  if (!viewer) throw unauthenticated();
  const need = await loadNeed(deps.db, assertId(needId, 'No such need'));
  if (!policy.listApplicants(viewer, (await sideOfNeeds(deps.db, viewer, [need]))[0]!)) throw notFound('No such need');
  const size = pageSize(args.first);
  const afterId = decodeIdCursor(args.after);
  const filters = and(eq(applications.needId, need.id), args.state ? eq(applications.state, args.state) : undefined);
  const after = afterId
    ? sql`(${applications.createdAt}, ${applications.id}) > (select a.created_at, a.id from ${applications} a where a.id = ${afterId})`
    : undefined;
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(applications)
      .where(and(filters, after))
      .orderBy(asc(applications.createdAt), asc(applications.id))
      .limit(size + 1),
    deps.db.select({ n: count() }).from(applications).where(filters),
  ]);
  return toConnection(rows.map(presentApplication), size, (a) => [a.id], total?.n ?? 0);
}

// Fields of applications the caller may already see, for the GraphQL loaders: one query per field and list.

export async function needsOf(deps: Deps, list: ApplicationDto[]): Promise<NeedDto[]> {
  const byId = await needsByIds(
    deps.db,
    list.map((a) => a.needId),
  );
  return list.map((a) => byId.get(a.needId)!);
}

export async function studentNamesOf(deps: Deps, list: ApplicationDto[]): Promise<string[]> {
  const people = await usersByIds(
    deps,
    list.map((a) => a.studentId),
  );
  return list.map((a) => people.get(a.studentId)?.displayName ?? '');
}

/** The applicant's profile as it is now: applying shares it with the need's side, discoverable or not. */
export async function profilesOf(deps: Deps, list: ApplicationDto[]): Promise<(StudentProfileDto | null)[]> {
  const linked = list.filter((a) => a.profileUserId);
  const profiles = await profilesByUserIds(
    deps.db,
    linked.map((a) => a.profileUserId!),
  );
  const byUser = new Map(linked.map((a, i) => [a.profileUserId!, profiles[i] ?? null]));
  return list.map((a) => (a.profileUserId ? (byUser.get(a.profileUserId) ?? null) : null));
}

export async function eventsOf(deps: Deps, list: ApplicationDto[]): Promise<ApplicationEventDto[][]> {
  const rows = list.length
    ? await deps.db
        .select()
        .from(applicationEvents)
        .where(
          inArray(
            applicationEvents.applicationId,
            list.map((a) => a.id),
          ),
        )
        .orderBy(asc(applicationEvents.at), asc(applicationEvents.id))
    : [];
  return list.map((a) =>
    rows.filter((r) => r.applicationId === a.id).map((r) => presentApplicationEvent(r, a.studentId)),
  );
}

/** What the viewer may do to each application now (the UI shows these buttons). */
export async function actionsOf(
  deps: Deps,
  viewer: Viewer | null,
  list: ApplicationDto[],
): Promise<ApplicationAction[][]> {
  if (!viewer) return list.map(() => []);
  const needs = await needsOf(deps, list);
  const sides = await sideOfNeeds(deps.db, viewer, needs);
  return list.map((a, i) =>
    (Object.keys(APPLICATION_TRANSITIONS) as ApplicationAction[]).filter((action) => {
      const rule = APPLICATION_TRANSITIONS[action];
      if (!rule.from.includes(a.state)) return false;
      if (rule.by === 'APPLICANT')
        return policy.answer(viewer, a) && (action !== 'ACCEPT' || needs[i]!.state !== 'FILLED');
      const hiring = action === 'REJECT' || needs[i]!.state === 'OPEN' || needs[i]!.state === 'EXPIRED';
      return policy.review(viewer, sides[i]!) && hiring;
    }),
  );
}

/** Applications received per need: for the need's side and staff, null for everyone else. */
export async function applicationCounts(
  deps: Deps,
  viewer: Viewer | null,
  list: NeedDto[],
): Promise<(number | null)[]> {
  if (!viewer) return list.map(() => null);
  const sides = await sideOfNeeds(deps.db, viewer, list);
  const visible = list.filter((n, i) => policy.listApplicants(viewer, sides[i]!)).map((n) => n.id);
  const rows = visible.length
    ? await deps.db
        .select({ needId: applications.needId, n: count() })
        .from(applications)
        .where(inArray(applications.needId, visible))
        .groupBy(applications.needId)
    : [];
  return list.map((n) => (visible.includes(n.id) ? (rows.find((r) => r.needId === n.id)?.n ?? 0) : null));
}

/** The viewer's own application to each need, if any. */
export async function viewerApplications(
  deps: Deps,
  viewer: Viewer | null,
  list: NeedDto[],
): Promise<(ApplicationDto | null)[]> {
  if (!viewer || list.length === 0) return list.map(() => null);
  const rows = await deps.db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.studentId, viewer.id),
        inArray(
          applications.needId,
          list.map((n) => n.id),
        ),
      ),
    );
  return list.map((n) => {
    const row = rows.find((r) => r.needId === n.id);
    return row ? presentApplication(row) : null;
  });
}

/**
 * What a conversation about each application needs: its title (the need's) and its parties, the
 * student and the need's side. Unknown ids are left out.
 */
export async function applicationParties(
  db: Database,
  ids: string[],
): Promise<Map<string, { title: string; partyIds: string[] }>> {
  const rows = ids.length
    ? await db
        .select({ id: applications.id, needId: applications.needId, studentId: applications.studentId })
        .from(applications)
        .where(inArray(applications.id, ids))
    : [];
  const needs = await needsByIds(
    db,
    rows.map((r) => r.needId),
  );
  const members = await memberIdsOf(
    db,
    [...needs.values()].flatMap((n) => (n.organisationId ? [n.organisationId] : [])),
  );
  return new Map(
    rows.map((r) => {
      const need = needs.get(r.needId)!;
      const side = [need.postedBy, ...(need.organisationId ? (members.get(need.organisationId) ?? []) : [])];
      return [r.id, { title: need.title, partyIds: [...new Set([r.studentId, ...side])] }];
    }),
  );
}

/**
 * Which of these need and student pairs have an application (in any state), as `needId:studentId`
 * keys: applying shares the student's profile with the need's side.
 */
export async function appliedPairs(db: Database, pairs: { needId: string; studentId: string }[]): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db
    .select({ needId: applications.needId, studentId: applications.studentId })
    .from(applications)
    .where(
      and(
        inArray(applications.needId, [...new Set(pairs.map((p) => p.needId))]),
        inArray(applications.studentId, [...new Set(pairs.map((p) => p.studentId))]),
      ),
    );
  return new Set(rows.map((r) => `${r.needId}:${r.studentId}`));
}

/** SQL for the ids of the applications a user made or received (on their side of the need), as a subquery. */
export function applicationIdsOfParty(userId: string): SQL {
  return sql`select ${applications.id} from ${applications} where ${applications.studentId} = ${userId} or ${applications.needId} in (${needIdsManagedBy(userId)})`;
}
