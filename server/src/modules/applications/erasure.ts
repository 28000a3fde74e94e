/**
 * Applications' part of erasing a person, and of the retention of closed applications. A student
 * who is erased first withdraws their open applications through the ordinary withdraw transition
 * (the company is told, the timeline shows it); then every application of theirs loses its cover
 * letter and rejection reason. The application's state and times stay: the cluster's figures and
 * the company's own record of who applied when rest on them. Messages on an application's thread
 * are erased per author by conversations, not here.
 */
import { ERASED_TEXT, NEED_FILLED_REASON, OPEN_APPLICATION_STATES, type ApplicationState } from '@keskusvaraamo/shared';
import { and, count, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../../lib/viewer.js';
import { withdrawApplication } from './commands.js';
import { applicationEvents, applications } from './tables.js';

const CLOSED: ApplicationState[] = ['REJECTED', 'WITHDRAWN'];

/** The student's applications still open (submitted, shortlisted or offered), for the erasure preview. */
export async function openApplicationsCount(db: Database, studentId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.studentId, studentId), inArray(applications.state, [...OPEN_APPLICATION_STATES])));
  return row?.n ?? 0;
}

/**
 * Withdraws every open application of the student, each through the withdraw transition as the
 * student (in `db`, the caller's transaction; each in a savepoint). One that moved meanwhile (an
 * offer accepted a moment ago by the company's side is still open; a rejection is not) is skipped.
 * Returns how many were withdrawn.
 */
export async function withdrawOpenApplicationsOf(deps: Deps, db: Database, student: Viewer): Promise<number> {
  const open = await db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.studentId, student.id), inArray(applications.state, [...OPEN_APPLICATION_STATES])));
  let withdrawn = 0;
  for (const { id } of open) {
    try {
      await withdrawApplication({ ...deps, db }, student, id);
      withdrawn++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'INVALID_STATE')) throw error;
    }
  }
  return withdrawn;
}

/** The ids of every application of the student (privacy asks messaging to remove their name from these notifications). */
export async function applicationIdsOfStudent(db: Database, studentId: string): Promise<string[]> {
  const rows = await db.select({ id: applications.id }).from(applications).where(eq(applications.studentId, studentId));
  return rows.map((r) => r.id);
}

/** Removes the letter and reasons of the applications `where` picks; returns how many changed. */
async function anonymise(db: Database, where: SQL): Promise<number> {
  const changed = await db
    .update(applications)
    .set({ coverLetter: ERASED_TEXT, rejectReason: null, anonymisedAt: sql`now()` })
    .where(and(where, isNull(applications.anonymisedAt)))
    .returning({ id: applications.id });
  if (!changed.length) return 0;
  // The timeline repeats a rejection's reason; the system's own marker (the need was filled) is no one's text.
  await db
    .update(applicationEvents)
    .set({ reason: null })
    .where(
      and(
        inArray(
          applicationEvents.applicationId,
          changed.map((c) => c.id),
        ),
        ne(applicationEvents.reason, NEED_FILLED_REASON),
      ),
    );
  return changed.length;
}

/** Anonymises every application of the student (idempotent); returns how many changed. */
export function anonymiseApplicationsOf(db: Database, studentId: string): Promise<number> {
  return anonymise(db, eq(applications.studentId, studentId));
}

/**
 * Retention: anonymises rejected and withdrawn applications that closed more than `months` ago
 * (their last change, `updated_at`, is when they closed). Returns how many changed.
 */
export function anonymiseClosedApplications(db: Database, months: number): Promise<number> {
  return anonymise(
    db,
    and(
      inArray(applications.state, CLOSED),
      lt(applications.updatedAt, sql`now() - make_interval(months => ${months})`),
    )!,
  );
}
