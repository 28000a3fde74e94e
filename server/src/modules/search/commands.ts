/**
 * Writes to the index. The needs, offers and profiles modules push their public items here with
 * `indexDocument` / `removeFromIndex` inside the transaction of the change; search never reads
 * their tables, so it depends on no module.
 */
import { topicById, type Locale, type SearchKind } from '@keskusvaraamo/shared';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { searchItems } from './tables.js';

/** What a module hands to the index for one public item. */
export interface SearchDocument {
  id: string;
  kind: SearchKind;
  title: string;
  description: string;
  language: Locale;
  organisationId: string | null;
  organisationName: string | null;
  topics: string[];
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  languages: string[];
  priceCents: number | null;
  seatsFree: number | null;
  nextStartsAt: Date | null;
  applicationDeadline: string | null;
  startsOn: Date | null;
  visibleUntil: Date | null;
  publishedAt: Date;
  /** When the document goes stale and its module must index it again; null if never. */
  refreshAt: Date | null;
}

const TEXT_CONFIG: Record<Locale, string> = { fi: 'finnish', sv: 'swedish', en: 'english' };
const EXCERPT_LENGTH = 240;

function excerptOf(description: string): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_LENGTH - 40))}…`;
}

/** Adds or replaces an item in the index. Call inside the transaction of the change. */
export async function indexDocument(db: Database, doc: SearchDocument): Promise<void> {
  const config = TEXT_CONFIG[doc.language];
  const document = sql`setweight(to_tsvector(${config}::regconfig, ${doc.title}), 'A')
    || setweight(to_tsvector(${config}::regconfig, ${doc.description}), 'B')
    || setweight(to_tsvector('simple', ${doc.organisationName ?? ''}), 'C')`;
  const values = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    excerpt: excerptOf(doc.description),
    language: doc.language,
    document,
    topics: doc.topics,
    facetTopics: [...new Set(doc.topics.flatMap((id) => [id, topicById(id)?.parent ?? id]))],
    municipalityCode: doc.municipalityCode,
    remote: doc.remote,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    languages: doc.languages,
    organisationId: doc.organisationId,
    organisationName: doc.organisationName,
    priceCents: doc.priceCents,
    seatsFree: doc.seatsFree,
    nextStartsAt: doc.nextStartsAt,
    applicationDeadline: doc.applicationDeadline,
    startsOn: doc.startsOn,
    visibleUntil: doc.visibleUntil,
    publishedAt: doc.publishedAt,
    refreshAt: doc.refreshAt,
  };
  await db.insert(searchItems).values(values).onConflictDoUpdate({ target: searchItems.id, set: values });
}

// Already due: nothing to write (a busy course is booked many times a minute).
const notYetDue = sql`(${searchItems.refreshAt} is null or ${searchItems.refreshAt} > now())`;

/** Asks for a document to be indexed again by the next refresh (within a minute). */
export async function markStale(db: Database, id: string): Promise<void> {
  await db
    .update(searchItems)
    .set({ refreshAt: sql`now()` })
    .where(and(eq(searchItems.id, id), notYetDue));
}

/**
 * `markStale` as an UPDATE for another module's one-statement write (a CTE body): the documents
 * whose id is `idColumn` of `source` (a CTE of that statement) become due for the next refresh.
 */
export function markStaleFrom(source: SQL, idColumn: SQL): SQL {
  return sql`update ${searchItems} set refresh_at = now() from ${source}
    where ${searchItems.id} = ${idColumn} and ${notYetDue}`;
}

/**
 * An organisation's new name on its items: shown in results, and searched (weight C) instead of the
 * old one; the title's and description's words (weights A and B) stay. Call inside the transaction
 * of the rename.
 */
export async function renameOrganisationInIndex(db: Database, organisationId: string, name: string): Promise<void> {
  await db
    .update(searchItems)
    .set({
      organisationName: name,
      document: sql`ts_filter(${searchItems.document}, '{a,b}') || setweight(to_tsvector('simple', ${name}), 'C')`,
    })
    .where(eq(searchItems.organisationId, organisationId));
}

/** Takes an item out of the index (unpublished, closed, removed). Call inside the transaction of the change. */
export async function removeFromIndex(db: Database, id: string): Promise<void> {
  await db.delete(searchItems).where(eq(searchItems.id, id));
}
