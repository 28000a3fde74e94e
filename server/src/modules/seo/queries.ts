/**
 * What the sitemap lists, one query per kind: exactly what a visitor can open without signing in.
 * Published courses and student pools (not drafts, not archived ones), open needs (not drafts,
 * filled, expired or closed ones), and the organisations that have either. Each row is an id and
 * its last change, in UTC as the sitemap protocol writes it; pages are by id, in id order.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Database } from '../../db/client.js';
import { needs } from '../needs/tables.js';
import { courseSessions, offers } from '../offers/tables.js';
import { organisations } from '../organisations/tables.js';

export const SITEMAP_KINDS = ['offers', 'needs', 'organisations'] as const;
export type SitemapKind = (typeof SITEMAP_KINDS)[number];

export interface SitemapItem {
  id: string;
  /** `YYYY-MM-DDThh:mm:ssZ` */
  lastmod: string;
}

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const publishedOffer = sql`${offers.state} = 'PUBLISHED'`;
const openNeed = sql`${needs.state} = 'OPEN' and ${needs.publishedAt} is not null`;

/** Each kind's rows, as `select id, lastmod from … where …` without order or limit. */
const SOURCES: Record<SitemapKind, SQL> = {
  // A course changes with its sessions too: one added or cancelled moves its lastmod.
  offers: sql`select ${offers.id} as id, ${utc(sql`greatest(${offers.updatedAt}, (
      select greatest(max(${courseSessions.createdAt}), max(${courseSessions.cancelledAt}))
      from ${courseSessions} where ${courseSessions.offerId} = ${offers.id}))`)} as lastmod
    from ${offers} where ${publishedOffer}`,
  needs: sql`select ${needs.id} as id, ${utc(sql`${needs.updatedAt}`)} as lastmod from ${needs} where ${openNeed}`,
  organisations: sql`select ${organisations.id} as id, ${utc(sql`${organisations.updatedAt}`)} as lastmod
    from ${organisations}
    where exists (select 1 from ${offers} where ${offers.organisationId} = ${organisations.id} and ${publishedOffer})
       or exists (select 1 from ${needs} where ${needs.organisationId} = ${organisations.id} and ${openNeed})`,
};

/** One page of a kind's items, in id order. */
export function sitemapItems(db: Database, kind: SitemapKind, page: { offset: number; limit: number }) {
  return queryRows<SitemapItem>(
    db,
    sql`select id::text as id, lastmod from (${SOURCES[kind]}) items order by id limit ${page.limit} offset ${page.offset}`,
  );
}

/** How many items of each kind the sitemap lists. */
export async function sitemapCounts(db: Database): Promise<Record<SitemapKind, number>> {
  const [row] = await queryRows<Record<SitemapKind, string | number>>(
    db,
    sql`select (select count(*) from (${SOURCES.offers}) o) as offers,
               (select count(*) from (${SOURCES.needs}) n) as needs,
               (select count(*) from (${SOURCES.organisations}) g) as organisations`,
  );
  return { offers: Number(row!.offers), needs: Number(row!.needs), organisations: Number(row!.organisations) };
}
