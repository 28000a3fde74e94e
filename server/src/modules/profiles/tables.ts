import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { studyLevel } from '../../db/enums.js';
import { users } from '../accounts/tables.js';
import { topicMaskColumn, tsvector } from '../search/tables.js';

export const studentProfiles = pgTable(
  'student_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    institutionName: text('institution_name').notNull(),
    fieldOfStudy: text('field_of_study').notNull(),
    studyLevel: studyLevel('study_level').notNull(),
    topics: text('topics').array().notNull(),
    languages: text('languages').array().notNull(),
    availableFrom: date('available_from'),
    availableTo: date('available_to'),
    homeMunicipalityCode: text('home_municipality_code'),
    introduction: text('introduction'),
    /** Opt-in: only then may entrepreneurs and coordinators find the student in matching. */
    discoverable: boolean('discoverable').notNull().default(false),
    /** What matching ranks a student on for text, kept by PostgreSQL as the profile changes. */
    matchDocument: tsvector('match_document')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, field_of_study || ' ' || coalesce(introduction, ''))`),
    /** The topics as bits, for matching (see topicMaskColumn). */
    topicMask: topicMaskColumn(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'student_profiles_period',
      sql`${t.availableTo} is null or ${t.availableFrom} is null or ${t.availableTo} >= ${t.availableFrom}`,
    ),
    index('student_profiles_discoverable_idx')
      .on(t.userId)
      .where(sql`${t.discoverable}`),
    // Matching finds discoverable students who share a topic with a placement through this index.
    index('student_profiles_topics_idx')
      .using('gin', t.topics)
      .where(sql`${t.discoverable}`),
  ],
);
