import { SEARCH_KINDS } from '@keskusvaraamo/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const searchKind = pgEnum('search_kind', SEARCH_KINDS);

/** PostgreSQL's tsvector (drizzle has no column type for it). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A row's topics as bits, bit i for TOPICS[i] (shared/src/data/topics.json, in its order), kept by
 * PostgreSQL from the `topics` column through the immutable SQL function `topic_mask`, which a
 * migration writes from the taxonomy. Matching scores a candidate's shared and related topics with
 * two ANDs and bit counts instead of a containment test per topic: that was most of a ranking's
 * time. A change to the taxonomy needs a migration that writes the function anew and recomputes
 * these columns (the matching tests fail until then).
 */
export const topicMaskColumn = () =>
  bigint('topic_mask', { mode: 'number' })
    .notNull()
    .generatedAlwaysAs(sql`topic_mask(topics)`);

/**
 * The public search index: one row per published course or pool and per open placement,
 * written by the needs and offers services in the same transaction as the change itself.
 * Everything a search filters, sorts or shows is here, so a search reads one table.
 */
export const searchItems = pgTable(
  'search_items',
  {
    /** The need's or offer's id. */
    id: uuid('id').primaryKey(),
    kind: searchKind('kind').notNull(),
    title: text('title').notNull(),
    excerpt: text('excerpt').notNull(),
    language: text('language').notNull(),
    /** Title (weight A) and description (B), stemmed in the item's own language. */
    document: tsvector('document').notNull(),
    topics: text('topics').array().notNull(),
    topicMask: topicMaskColumn(),
    /** The topics and their groups, for facet counts ("anything in bioenergy"). */
    facetTopics: text('facet_topics')
      .array()
      .notNull()
      .default(sql`'{}'`),
    municipalityCode: text('municipality_code'),
    remote: boolean('remote').notNull(),
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    languages: text('languages').array().notNull(),
    /** The organisation that published it (its public page lists it). */
    organisationId: uuid('organisation_id'),
    organisationName: text('organisation_name'),
    /** Courses: over sessions still taking registrations. */
    priceCents: integer('price_cents'),
    seatsFree: integer('seats_free'),
    nextStartsAt: timestamp('next_starts_at', { withTimezone: true }),
    applicationDeadline: date('application_deadline'),
    /** Sorting key for SOONEST: the next session, or the period start. */
    startsOn: timestamp('starts_on', { withTimezone: true }),
    /** The item leaves the results after this instant: last registration deadline, or end of the application deadline day. */
    visibleUntil: timestamp('visible_until', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** When the row goes stale (a course session's registration closes) and must be written again. */
    refreshAt: timestamp('refresh_at', { withTimezone: true }),
  },
  (t) => [
    index('search_items_document_idx').using('gin', t.document),
    index('search_items_topics_idx').using('gin', t.topics),
    // Matching reads one kind at a time (a COURSE need's courses, a placement need's pools, a
    // pool's placements of its kinds): through these its candidates are the rows of that kind
    // only, instead of every kind's rows sharing a topic, each read from the table to be dropped.
    ...SEARCH_KINDS.map((kind) =>
      index(`search_items_${kind.toLowerCase()}_topics_idx`)
        .using('gin', t.topics)
        .where(sql.raw(`kind = '${kind}'`)),
    ),
    index('search_items_published_idx').on(t.publishedAt, t.id),
    index('search_items_starts_idx').on(t.startsOn, t.id),
    index('search_items_kind_idx').on(t.kind),
    index('search_items_municipality_idx').on(t.municipalityCode),
    index('search_items_organisation_idx').on(t.organisationId),
    index('search_items_refresh_idx').on(t.refreshAt),
  ],
);
