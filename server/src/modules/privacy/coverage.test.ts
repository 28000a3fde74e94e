/**
 * "Download my data" covers every table that holds personal data, derived from the schema: a table
 * is personal when it has a foreign key to users.id or a column named like a person's id, address,
 * name or text (PERSONAL_COLUMN). Each must be exported or explained in EXPORT_COVERAGE, so a new
 * table with a user id fails here until the export takes it (or says why it need not).
 */
import { is } from 'drizzle-orm';
import { getTableConfig, pgTable, PgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.js';
import { users } from '../accounts/tables.js';
import { EXPORT_COVERAGE, personalColumns } from './export.js';

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
const nameOf = (table: PgTable) => getTableConfig(table).name;

describe('the export’s coverage of the schema', () => {
  it('finds the tables', () => {
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.map(nameOf)).toContain('users');
  });

  it('exports or explains every table that holds personal data', () => {
    const uncovered = tables
      .filter((table) => personalColumns(table).length > 0)
      .map(nameOf)
      .filter((name) => !EXPORT_COVERAGE[name]);
    expect(uncovered).toEqual([]);
  });

  it('names only tables that exist', () => {
    const names = new Set(tables.map(nameOf));
    expect(Object.keys(EXPORT_COVERAGE).filter((name) => !names.has(name))).toEqual([]);
  });

  it('gives a reason for every table it does not export', () => {
    for (const [name, coverage] of Object.entries(EXPORT_COVERAGE)) {
      if ('notPersonal' in coverage) expect(coverage.notPersonal.length, name).toBeGreaterThan(20);
      else expect(coverage.exported.length, name).toBeGreaterThan(0);
    }
  });

  it('classifies the personal tables it knows of as personal, for the reasons it should', () => {
    const byName = new Map(tables.map((table) => [nameOf(table), personalColumns(table)]));
    expect(byName.get('users')).toEqual(['display_name', 'email']);
    expect(byName.get('applications')).toEqual(expect.arrayContaining(['student_id', 'cover_letter']));
    expect(byName.get('booking_participants')).toEqual(['email', 'name']);
    expect(byName.get('messages')).toEqual(['author_id', 'body']);
    expect(byName.get('data_access_events')).toEqual(['subject_user_id', 'viewer_id']);
    expect(byName.get('audit_events')).toEqual(['actor_id']);
    expect(byName.get('email_outbox')).toEqual(expect.arrayContaining(['to_address', 'user_id', 'text_body']));
    expect(byName.get('search_items')).toEqual(['organisation_name']);
    // No one's data: anonymous facts, the session calendar, matches.
    expect(byName.get('report_bookings')).toEqual([]);
    expect(byName.get('course_sessions')).toEqual([]);
    expect(byName.get('matches')).toEqual([]);
  });

  it('would flag a new table with a user id, a foreign key to users or a person’s text', () => {
    const withUserId = pgTable('future_things', { id: uuid('id').primaryKey(), userId: uuid('user_id') });
    const withForeignKey = pgTable('future_links', {
      id: uuid('id').primaryKey(),
      ownerId: uuid('owner_id').references(() => users.id),
    });
    const withText = pgTable('future_notes', { id: uuid('id').primaryKey(), body: text('body') });
    const withAuthor = pgTable('future_reviews', { id: uuid('id').primaryKey(), reviewedBy: uuid('reviewed_by') });
    const plain = pgTable('future_counters', { id: uuid('id').primaryKey(), at: timestamp('at') });
    expect(personalColumns(withUserId)).toEqual(['user_id']);
    expect(personalColumns(withForeignKey)).toEqual(['owner_id']);
    expect(personalColumns(withText)).toEqual(['body']);
    expect(personalColumns(withAuthor)).toEqual(['reviewed_by']);
    expect(personalColumns(plain)).toEqual([]);
    // And the coverage check would fail on it: it is not in EXPORT_COVERAGE.
    expect(EXPORT_COVERAGE[nameOf(withUserId)]).toBeUndefined();
  });
});
