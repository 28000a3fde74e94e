/**
 * Retention, by itself (SPEC flow 12): personal data is kept only as long as configured
 * (`config.retention`, documented in .env.example and the README), then anonymised or deleted:
 *
 * a. rejected and withdrawn applications, `applicationMonths` after they closed: letter and reason removed;
 * b. named participants of sessions that ended `participantMonths` ago: name and address removed;
 * c. accounts unused for `inactiveAccountMonths`: warned by e-mail once, then erased
 *    `inactiveAccountNoticeDays` after the warning unless used since (the same erasure as "delete
 *    my account", by the service: audit ACCOUNT_EXPIRED);
 * d. rows of the views log and the audit log past their months: deleted;
 * e. sent e-mail older than `sentMailDays`: deleted from the outbox.
 *
 * Once across instances: a run is one transaction that first takes a transaction-level advisory
 * lock (`pg_try_advisory_xact_lock`) and does nothing when another instance holds it. And every
 * step's writes are conditional on what is still due (an application not yet anonymised, an account
 * not yet warned), so a second run, or a run that overlaps another anyway, changes nothing more.
 * Each step runs in its own savepoint: one that fails is logged and the others still run. Counts
 * only are logged, never ids or addresses. The reports' facts hold no person, so no figure moves.
 */
import { and, asc, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Deps } from '../../deps.js';
import { pageUrl } from '../../lib/pageUrl.js';
import { lockUser, markInactiveAccountsWarned } from '../accounts/index.js';
import { users } from '../accounts/tables.js';
import { anonymiseClosedApplications } from '../applications/index.js';
import { deleteExpiredLogRows } from '../audit/index.js';
import { anonymisePastParticipants } from '../bookings/index.js';
import { deleteSentMail, enqueueEmail } from '../messaging/index.js';
import { eraseAccount } from './erasure.js';

/** The advisory lock key every instance's retention run takes ("kvRT"). */
export const RETENTION_LOCK_KEY = 0x6b765254;
/** Accounts warned or erased per run at most; the next hourly run takes the rest. */
export const ACCOUNTS_PER_RUN = 200;

export interface RetentionCounts {
  applicationsAnonymised: number;
  participantsAnonymised: number;
  accountsWarned: number;
  accountsErased: number;
  dataAccessEventsDeleted: number;
  auditEventsDeleted: number;
  sentMailDeleted: number;
}

/**
 * Runs every retention step once, unless another instance is running them (then null). Returns
 * what each step changed; a step that failed counts 0 (and is logged).
 */
export async function runRetention(deps: Deps): Promise<RetentionCounts | null> {
  const { retention } = deps.config;
  return deps.db.transaction(async (tx) => {
    const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK_KEY}) as locked`);
    const [row] = (result as unknown as { rows: { locked: boolean }[] }).rows;
    if (!row?.locked) return null;
    const inRun: Deps = { ...deps, db: tx };
    const step = async (name: string, work: (db: Database) => Promise<number>): Promise<number> => {
      try {
        return await tx.transaction((savepoint) => work(savepoint));
      } catch (error) {
        deps.log.warn({ err: error, step: name }, 'A retention step failed; it will run again');
        return 0;
      }
    };
    const applicationsAnonymised = await step('applications', (db) =>
      anonymiseClosedApplications(db, retention.applicationMonths),
    );
    const participantsAnonymised = await step('participants', (db) =>
      anonymisePastParticipants(db, retention.participantMonths),
    );
    const accountsWarned = await step('inactive accounts', (db) => warnInactiveAccounts({ ...inRun, db }));
    // Each account in its own savepoint (inside): one that fails does not stop the others.
    const accountsErased = await eraseInactiveAccounts(inRun);
    let logs = { dataAccessEvents: 0, auditEvents: 0 };
    await step('logs', async (db) => {
      logs = await deleteExpiredLogRows(db, {
        dataAccessLog: retention.dataAccessLogMonths,
        auditLog: retention.auditLogMonths,
      });
      return 0;
    });
    const sentMailDeleted = await step('sent mail', (db) => deleteSentMail(db, retention.sentMailDays));
    const counts: RetentionCounts = {
      applicationsAnonymised,
      participantsAnonymised,
      accountsWarned,
      accountsErased,
      dataAccessEventsDeleted: logs.dataAccessEvents,
      auditEventsDeleted: logs.auditEvents,
      sentMailDeleted,
    };
    return counts;
  });
}

/**
 * Warns each account unused for `inactiveAccountMonths` once: marks it warned and queues the
 * e-mail (with the sign-in link and the day of removal) in the caller's transaction, so an account
 * is marked exactly when its e-mail exists. Returns how many were warned.
 */
export async function warnInactiveAccounts(deps: Deps): Promise<number> {
  const { retention, publicUrl } = deps.config;
  const warned = await markInactiveAccountsWarned(deps.db, retention.inactiveAccountMonths, ACCOUNTS_PER_RUN);
  for (const account of warned) {
    const removalOn = new Date(account.warnedAt.getTime() + retention.inactiveAccountNoticeDays * 86_400_000);
    await enqueueEmail(deps.db, {
      to: account.email,
      userId: account.id,
      locale: account.locale,
      template: 'account-inactive',
      params: {
        name: account.displayName,
        signInLink: pageUrl({ publicUrl }, account.locale, '/sign-in'),
        removalOn: removalOn.toISOString(),
      },
    });
  }
  return warned.length;
}

/** Accounts warned `inactiveAccountNoticeDays` ago or longer and not used since the warning. */
const dueForErasure = (noticeDays: number) =>
  and(
    isNull(users.anonymisedAt),
    isNotNull(users.inactivityWarnedAt),
    lt(users.inactivityWarnedAt, sql`now() - make_interval(days => ${noticeDays}::int)`),
    // Using the account clears the warning; this holds even if a use and the warning crossed.
    lte(users.lastActiveAt, users.inactivityWarnedAt),
  )!;

/**
 * Erases the accounts whose notice period has passed without a use, each through the erasure
 * core (by the service, audit ACCOUNT_EXPIRED), in its own savepoint under the account's row
 * lock, re-checking under the lock that it is still due (a sign-in a moment ago keeps it).
 */
export async function eraseInactiveAccounts(deps: Deps): Promise<number> {
  const noticeDays = deps.config.retention.inactiveAccountNoticeDays;
  const due = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(dueForErasure(noticeDays))
    .orderBy(asc(users.inactivityWarnedAt), asc(users.id))
    .limit(ACCOUNTS_PER_RUN);
  let erased = 0;
  for (const { id } of due) {
    try {
      const done = await deps.db.transaction(async (tx) => {
        await lockUser(tx, id);
        const [still] = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(sql`${users.id} = ${id}`, dueForErasure(noticeDays)));
        if (!still) return false;
        return eraseAccount({ ...deps, db: tx }, id, { by: null, action: 'ACCOUNT_EXPIRED' });
      });
      if (done) erased++;
    } catch (error) {
      deps.log.warn({ err: error }, 'Erasing an inactive account failed; it will be tried again');
    }
  }
  return erased;
}
