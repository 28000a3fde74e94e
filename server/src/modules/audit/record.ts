/**
 * Writing the two logs. Both are called inside the transaction (or request) of what they record,
 * and write nothing but ids, roles, kinds and the reason an admin gave.
 */
import type { AuditAction, AuditSubjectKind, DataAccessKind, DataAccessSource } from '@keskusvaraamo/shared';
import type { Database } from '../../db/client.js';
import { isStaff, type Viewer } from '../../lib/viewer.js';
import { auditEvents, dataAccessEvents } from './tables.js';

export interface AuditEntry {
  /** Who acted; null for the service itself (a retention job). */
  actor: Pick<Viewer, 'id' | 'roles'> | null;
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  /** Roles before and after, the reason given: plain facts, no one's texts. */
  details?: Record<string, unknown>;
}

/** Records a coordinator's or admin's action on a person or organisation (in the caller's transaction). */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: entry.actor?.id ?? null,
    actorRoles: entry.actor ? [...entry.actor.roles] : [],
    action: entry.action,
    subjectKind: entry.subjectKind,
    subjectId: entry.subjectId,
    details: entry.details ?? {},
  });
}

export interface DataAccess {
  /** The student whose data was opened. */
  subjectUserId: string;
  kind: DataAccessKind;
  source: DataAccessSource;
  /** The application, booking or proposal opened (null for the profile itself). */
  objectId?: string | null;
  /** The organisation the viewer acted for, when one (the need's company). */
  organisationId?: string | null;
}

/**
 * Logs that `viewer` opened students' personal data: one row per student and object, in one
 * statement. A person opening their own data is not logged. Callers decide who is logged (staff
 * always; a company for a discoverable student's profile from matching) — `isStaff` is exported
 * for that — and call this after the read succeeded, with what was actually returned.
 */
export async function recordDataAccess(db: Database, viewer: Pick<Viewer, 'id' | 'roles'>, reads: DataAccess[]) {
  const rows = dedupe(reads.filter((read) => read.subjectUserId !== viewer.id));
  if (!rows.length) return;
  await db.insert(dataAccessEvents).values(
    rows.map((read) => ({
      subjectUserId: read.subjectUserId,
      viewerId: viewer.id,
      viewerRoles: [...viewer.roles],
      viewerOrganisationId: read.organisationId ?? null,
      kind: read.kind,
      source: read.source,
      objectId: read.objectId ?? null,
    })),
  );
}

const dedupe = (reads: DataAccess[]) => {
  const seen = new Set<string>();
  return reads.filter((read) => {
    const key = `${read.subjectUserId}|${read.kind}|${read.source}|${read.objectId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

export { isStaff };
