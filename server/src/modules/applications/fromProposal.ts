/**
 * Applications made by a match: when both sides accept a coordinator's proposal of a student for a
 * placement, the proposals module asks for the student's application to it, in the transaction
 * that makes the match. The student has said yes to the company and the company to the student, so
 * the application starts SUBMITTED, on the company's board at once, with the student and the
 * company able to talk in its conversation. One per student and need, as always: an application
 * the student made already is left as it is.
 */
import { isPlacementKind } from '@keskusvaraamo/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import type { Viewer } from '../../lib/viewer.js';
import { lockLiveAccount } from '../accounts/index.js';
import { lockNeed, needsByIds } from '../needs/index.js';
import { profilesByUserIds } from '../profiles/index.js';
import { applicationPolicy as policy } from './policy.js';
import { presentApplication, type ApplicationDto } from './presenter.js';
import { settingOf, sideOfNeeds } from './setting.js';
import { applicationEvents, applications } from './tables.js';

/** What a match did about the student's application: made it, found one, or could make none (and why). */
export type MatchApplication =
  | { outcome: 'CREATED' | 'EXISTING'; applicationId: string }
  | { outcome: 'NOT_HIRING' | 'OWN_SIDE' | 'ACCOUNT_GONE'; applicationId: null };

/**
 * The student's application to the need, made for the match `proposalId` unless one exists, in
 * `tx` (the match's transaction). The application's rules hold: a placement that is still hiring
 * (open, or past its deadline but not filled or closed), not the student's own side's, a live
 * account. Nobody is notified here: the match's notices lead both sides to it.
 */
export async function applyForMatch(
  deps: Deps,
  tx: Database,
  match: { needId: string; studentId: string; proposalId: string },
): Promise<MatchApplication> {
  // The account before the need, as applying and erasure take them.
  if (!(await lockLiveAccount(tx, match.studentId))) return { outcome: 'ACCOUNT_GONE', applicationId: null };
  // Shared: the need cannot be filled, and its open applications rejected, while this one joins them.
  const need = await lockNeed(tx, match.needId, 'share');
  const [existing] = await tx
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.needId, need.id), eq(applications.studentId, match.studentId)));
  if (existing) return { outcome: 'EXISTING', applicationId: existing.id };
  if (!isPlacementKind(need.kind) || !policy.hiring(need)) return { outcome: 'NOT_HIRING', applicationId: null };
  const setting = await settingOf(deps, tx, need, match.studentId);
  if (setting.sideIds.includes(match.studentId)) return { outcome: 'OWN_SIDE', applicationId: null };
  const [profile] = await profilesByUserIds(tx, [match.studentId]);
  // The student may be applying at this moment (the locks above are shared): the one-per-student-and-
  // need index decides, and the other's application, once committed, is theirs to keep.
  const [row] = await tx
    .insert(applications)
    .values({
      needId: need.id,
      studentId: match.studentId,
      profileUserId: profile ? match.studentId : null,
      coverLetter: '',
      proposalId: match.proposalId,
    })
    .onConflictDoNothing()
    .returning({ id: applications.id });
  if (!row) {
    const [theirs] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.needId, need.id), eq(applications.studentId, match.studentId)));
    return { outcome: 'EXISTING', applicationId: theirs!.id };
  }
  // The submission on the timeline is the system's: the match made it, not one of the two alone.
  await tx.insert(applicationEvents).values({ applicationId: row!.id, toState: 'SUBMITTED', actorId: null });
  return { outcome: 'CREATED', applicationId: row!.id };
}

/**
 * Each pair's application (the student's to the need), where the viewer may read it: the student,
 * the need's side and staff; null otherwise, or when there is none. For a proposal's page.
 */
export async function applicationsOfPairs(
  deps: Deps,
  viewer: Viewer | null,
  pairs: { needId: string; studentId: string }[],
): Promise<(ApplicationDto | null)[]> {
  if (!viewer || pairs.length === 0) return pairs.map(() => null);
  const rows = await deps.db
    .select()
    .from(applications)
    .where(
      and(
        inArray(applications.needId, [...new Set(pairs.map((p) => p.needId))]),
        inArray(applications.studentId, [...new Set(pairs.map((p) => p.studentId))]),
      ),
    );
  const byPair = new Map(rows.map((r) => [`${r.needId}:${r.studentId}`, r]));
  const found = pairs.map((p) => byPair.get(`${p.needId}:${p.studentId}`) ?? null);
  const needIds = [...new Set(found.flatMap((r) => (r ? [r.needId] : [])))];
  const needs = await needsByIds(deps.db, needIds);
  const sides = await sideOfNeeds(
    deps.db,
    viewer,
    needIds.map((id) => needs.get(id)!),
  );
  const reviewerOf = new Map(needIds.map((id, i) => [id, sides[i]!]));
  return found.map((row) =>
    row && policy.read(viewer, row, reviewerOf.get(row.needId) ?? false) ? presentApplication(row) : null,
  );
}
