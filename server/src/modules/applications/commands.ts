/**
 * Application use cases that change state: a student applies to an open placement with a cover
 * letter; the need's side (its poster and its company's members) shortlists, offers or rejects;
 * the student accepts, declines or withdraws. Every transition is one conditional UPDATE (… WHERE
 * state IN (allowed)), so of two racing changes one wins and the other gets INVALID_STATE.
 * Accepting holds the need's row lock while it counts the accepted applications, so accepts on one
 * need run one at a time; the one that takes the last position makes the need FILLED and rejects
 * every other open application, in the same transaction. Each change writes its timeline event and
 * notifications in the transaction that makes it.
 */
import {
  APPLICATION_TRANSITIONS,
  applySchema,
  isPlacementKind,
  NEED_FILLED_REASON,
  OPEN_APPLICATION_STATES,
  rejectApplicationSchema,
  type ApplicationAction,
  type ApplicationState,
  type NotificationType,
} from '@keskusvaraamo/shared';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import { isUniqueViolation, queryRows, type Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError, forbidden, invalidState, notFound, parseInput, unauthenticated } from '../../errors.js';
import { todayInHelsinki } from '../../lib/helsinki.js';
import type { Viewer } from '../../lib/viewer.js';
import { lockLiveAccount, usersByIds } from '../accounts/index.js';
import { notify } from '../messaging/index.js';
import { getNeed, lockNeed, markNeedFilled, updateNeed, type NeedDto, type NeedHiring } from '../needs/index.js';
import { profilesByUserIds } from '../profiles/index.js';
import { applicationPolicy as policy } from './policy.js';
import { presentApplication, type ApplicationDto } from './presenter.js';
import { loadApplication, loadNeed, notice, settingOf, type Setting } from './setting.js';
import { applicationEvents, applications } from './tables.js';

const applicationsClosed = () => new AppError('APPLICATIONS_CLOSED', 'This need is not taking applications');
const positionsFilled = () => new AppError('POSITIONS_FILLED', 'Every position has been filled');
const alreadyApplied = (applicationId: string | undefined) =>
  new AppError('ALREADY_APPLIED', 'You have already applied to this need', { applicationId });

/** The notification each transition sends: to the student for the company's moves, and the other way round. */
const NOTICE: Record<ApplicationAction, NotificationType> = {
  SHORTLIST: 'APPLICATION_SHORTLISTED',
  OFFER: 'APPLICATION_OFFERED',
  REJECT: 'APPLICATION_REJECTED',
  ACCEPT: 'APPLICATION_ACCEPTED',
  DECLINE: 'APPLICATION_DECLINED',
  WITHDRAW: 'APPLICATION_WITHDRAWN',
};

/** The company may shortlist and offer while the need is open or past its deadline, not once it is filled or closed. */
function assertHiring(need: NeedDto) {
  if (need.state === 'FILLED') throw positionsFilled();
  if (!policy.hiring(need)) throw invalidState('a need', need.state);
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
      // The account first, as erasure locks it before needs: an account erased meanwhile applies to nothing.
      if (!(await lockLiveAccount(tx, viewer.id))) throw unauthenticated();
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
      if (!policy.applyTo(viewer, setting.sideIds.includes(viewer.id))) {
        throw forbidden('You cannot apply to your own need');
      }
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
  const application = await loadApplication(deps.db, id);
  const setting = await settingOf(deps, deps.db, await loadNeed(deps.db, application.needId), application.studentId);
  const reviewer = setting.sideIds.includes(viewer.id);
  const rule = APPLICATION_TRANSITIONS[action];
  if (!policy.act(viewer, action, application, reviewer)) {
    throw policy.read(viewer, application, reviewer) ? forbidden() : notFound('No such application');
  }
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
    return presentApplication(await loadApplication(tx, application.id));
  });
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

/** Applications accepted for a need; the caller holds the need's row lock when the count decides anything. */
async function acceptedCount(db: Database, needId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.needId, needId), eq(applications.state, 'ACCEPTED')));
  return row?.n ?? 0;
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

/** What editing a need asks of its applications (see needs' `NeedHiring`). */
const hiringOf = (deps: Deps): NeedHiring => ({
  acceptedCount,
  // The positions were lowered to the accepted applications, under the need's row lock: it is
  // filled as when the last position is accepted, every open application rejected and its student told.
  fillAtAccepted: async (tx, need) => fill(deps, tx, await settingOf(deps, tx, need, need.postedBy), null),
});

/**
 * Edits a need (the API's `updateNeed`): the needs module's use case, with the accepted
 * applications bounding its positions.
 */
export const editNeed = (deps: Deps, viewer: Viewer | null, id: string, input: unknown) =>
  updateNeed(deps, viewer, id, input, hiringOf(deps));
