import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_ACTIONS, AUDIT_SUBJECT_KINDS, DATA_ACCESS_KINDS, DATA_ACCESS_SOURCES } from '@keskusvaraamo/shared';
import { sqlList } from '../../db/sqlList.js';

/**
 * What coordinators and admins did to people and organisations (role changes, verification,
 * deactivation, erasure). Ids without foreign keys: the log outlives what it names, and an erased
 * actor is still an anonymised row in users. Admins read it; kept AUDIT_LOG_RETENTION_MONTHS.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who acted; null for the service itself (a retention job). */
    actorId: uuid('actor_id'),
    /** The actor's roles at the time. */
    actorRoles: text('actor_roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    subjectKind: text('subject_kind', { enum: AUDIT_SUBJECT_KINDS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Action-specific facts: roles before and after, the reason given. No one's texts beyond the reason. */
    details: jsonb('details')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    check('audit_events_action_known', sql`${t.action} in ${sqlList(AUDIT_ACTIONS)}`),
    check('audit_events_subject_kind_known', sql`${t.subjectKind} in ${sqlList(AUDIT_SUBJECT_KINDS)}`),
    index('audit_events_at_idx').on(t.at.desc(), t.id.desc()),
    index('audit_events_subject_idx').on(t.subjectId, t.at.desc()),
  ],
);

/**
 * Every time staff (coordinators, admins) opened a student's personal data, and every time a
 * company opened a discoverable student's profile from matching. The student reads their own
 * rows; admins read anyone's. Kept DATA_ACCESS_LOG_RETENTION_MONTHS, then deleted.
 */
export const dataAccessEvents = pgTable(
  'data_access_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Whose data was opened. */
    subjectUserId: uuid('subject_user_id').notNull(),
    /** Who opened it. */
    viewerId: uuid('viewer_id').notNull(),
    /** The viewer's roles at the time. */
    viewerRoles: text('viewer_roles')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The organisation the viewer acted for (the need's company, the course's educator), when one. */
    viewerOrganisationId: uuid('viewer_organisation_id'),
    kind: text('kind', { enum: DATA_ACCESS_KINDS }).notNull(),
    source: text('source', { enum: DATA_ACCESS_SOURCES }).notNull(),
    /** The object opened: the application, the booking, the proposal… (null for the profile itself). */
    objectId: uuid('object_id'),
  },
  (t) => [
    check('data_access_events_kind_known', sql`${t.kind} in ${sqlList(DATA_ACCESS_KINDS)}`),
    check('data_access_events_source_known', sql`${t.source} in ${sqlList(DATA_ACCESS_SOURCES)}`),
    index('data_access_events_subject_idx').on(t.subjectUserId, t.at.desc(), t.id.desc()),
    index('data_access_events_at_idx').on(t.at),
  ],
);
