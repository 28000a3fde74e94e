/**
 * Reading the audit log (audit's `audit_events`) for admins: who did what to which person or
 * organisation, with the actor's and subject's names as they are now (an erased person's as
 * removed), the reason given and the roles before and after. Newest first, keyset paged.
 */
import {
  AUDIT_ACTIONS,
  ERASED_TEXT,
  type AuditAction,
  type AuditSubjectKind,
  type UserRole,
} from '@keskusvaraamo/shared';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import { keyset } from '../../lib/pagination.js';
import type { Viewer } from '../../lib/viewer.js';
import { users } from '../accounts/tables.js';
import { auditEvents } from '../audit/tables.js';
import { organisations } from '../organisations/tables.js';
import { privacyPolicy as policy } from './policy.js';

export interface AuditEventDto {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: UserRole[];
  action: AuditAction;
  subjectKind: AuditSubjectKind;
  subjectId: string;
  subjectName: string | null;
  reason: string | null;
  rolesBefore: UserRole[] | null;
  rolesAfter: UserRole[] | null;
}

const filtersSchema = z.object({
  action: z.enum(AUDIT_ACTIONS, { error: 'validation.choice' }).nullish(),
  subjectId: z.uuid({ error: 'validation.id' }).nullish(),
});

interface Args {
  action?: string | null;
  subjectId?: string | null;
  first?: number | null;
  after?: string | null;
}

const actors = alias(users, 'actors');
const subjects = alias(users, 'subjects');

/** A person's name now: an erased person's is removed, whatever the row still holds. */
const nameOf = (person: typeof actors | typeof subjects) =>
  sql<
    string | null
  >`case when ${person.id} is null then null when ${person.anonymisedAt} is null then ${person.displayName} else ${ERASED_TEXT} end`;

export async function auditLog(deps: Deps, viewer: Viewer | null, args: Args) {
  if (!viewer) throw unauthenticated();
  if (!policy.readAuditLog(viewer)) throw forbidden();
  const filters = parseInput(filtersSchema, { action: args.action, subjectId: args.subjectId });
  const page = keyset(args, [
    { column: auditEvents.at, type: 'timestamp', descending: true },
    { column: auditEvents.id, type: 'uuid', descending: true },
  ]);
  const rows = await deps.db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorId: auditEvents.actorId,
      actorName: nameOf(actors),
      actorRoles: auditEvents.actorRoles,
      action: auditEvents.action,
      subjectKind: auditEvents.subjectKind,
      subjectId: auditEvents.subjectId,
      subjectName: sql<
        string | null
      >`case when ${auditEvents.subjectKind} = 'ORGANISATION' then ${organisations.name} else ${nameOf(subjects)} end`,
      details: auditEvents.details,
      cursor: page.cursor,
    })
    .from(auditEvents)
    .leftJoin(actors, eq(actors.id, auditEvents.actorId))
    .leftJoin(subjects, and(eq(auditEvents.subjectKind, 'USER'), eq(subjects.id, auditEvents.subjectId)))
    .leftJoin(
      organisations,
      and(eq(auditEvents.subjectKind, 'ORGANISATION'), eq(organisations.id, auditEvents.subjectId)),
    )
    .where(
      and(
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        filters.subjectId ? eq(auditEvents.subjectId, filters.subjectId) : undefined,
        page.where,
      ),
    )
    .orderBy(...page.orderBy)
    .limit(page.limit);
  // The type has no totalCount: nobody needs one, so none is counted.
  const { nodes, pageInfo } = page.connection(rows, 0, (r): AuditEventDto => {
    const details = r.details ?? {};
    return {
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorName: r.actorName,
      actorRoles: r.actorRoles as UserRole[],
      action: r.action,
      subjectKind: r.subjectKind,
      subjectId: r.subjectId,
      subjectName: r.subjectName,
      reason: typeof details.reason === 'string' ? details.reason : null,
      rolesBefore: roles(details.rolesBefore),
      rolesAfter: roles(details.rolesAfter),
    };
  });
  return { nodes, pageInfo };
}

const roles = (value: unknown): UserRole[] | null =>
  Array.isArray(value) && value.every((role) => typeof role === 'string') ? (value as UserRole[]) : null;
