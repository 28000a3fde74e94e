/**
 * Structured data (schema.org JSON-LD) for the public item pages, as pure functions of what those
 * pages already fetch: a course (`Course` with a `CourseInstance` per upcoming session) and an
 * internship or summer job (`JobPosting`, which job search engines read). Typed with schema-dts,
 * so a misspelt type or property is a type error; structuredData.test.ts also checks every type
 * and property against a vetted list from the schema.org vocabulary and Google's required fields.
 *
 * The inputs are the fields the course and need pages' queries have (features/offers and
 * features/needs), described here structurally: shared code imports no feature.
 */
import { fromAbsolute, parseDate, toCalendarDateTime, toZoned, Time } from '@internationalized/date';
import {
  localizedPath,
  municipalityByCode,
  type Locale,
  type NeedKind,
  type NeedState,
  type OfferKind,
  type OfferState,
  type PayKind,
} from '@keskusvaraamo/shared';
import { jsonForScript } from '../utils/jsonForScript';
import type {
  Course,
  CourseInstance,
  JobPosting,
  Offer as SchemaOffer,
  Organization,
  Place,
  PostalAddress,
  VirtualLocation,
  WithContext,
} from 'schema-dts';

/** The service's times are Finnish; dates in the structured data carry Helsinki's offset. */
const TIME_ZONE = 'Europe/Helsinki';

/** A course session as the course page has it (instants in UTC ISO). */
export interface JsonLdSession {
  id: string;
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  place: string | null;
  municipalityCode: string | null;
  onlineUrl: string | null;
  seatsFree: number;
  priceCents: number;
  language: Locale;
  takingRegistrations: boolean;
  cancelledAt: string | null;
}

/** A course or student pool as the course page has it. */
export interface JsonLdOffer {
  id: string;
  kind: OfferKind;
  state: OfferState;
  title: string;
  description: string;
  languages: Locale[];
  online: boolean;
  organisation: { id: string; name: string };
  sessions: JsonLdSession[];
}

/** A need as the need page has it. */
export interface JsonLdNeed {
  id: string;
  kind: NeedKind;
  state: NeedState;
  title: string;
  description: string;
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string;
  positions: number;
  payKind: PayKind | null;
  payAmountCents: number | null;
  applicationDeadline: string | null;
  organisation: { id: string; name: string } | null;
  publishedAt: string | null;
}

/** An instant (UTC ISO) as ISO 8601 with Helsinki's offset: `2027-01-15T09:00:00+02:00`. */
export function helsinkiIso(instant: string): string {
  return fromAbsolute(new Date(instant).getTime(), TIME_ZONE)
    .toString()
    .replace(/\.\d+(?=[+-])/, '')
    .replace(/\[.*\]$/, '');
}

/** The end of a calendar day (`YYYY-MM-DD`) in Helsinki: `2027-03-31T23:59:59+03:00`. */
export function endOfHelsinkiDay(date: string): string {
  return toZoned(toCalendarDateTime(parseDate(date), new Time(23, 59, 59)), TIME_ZONE)
    .toString()
    .replace(/\[.*\]$/, '');
}

const REGION: Record<Locale, string> = { fi: 'Lappi', sv: 'Lappland', en: 'Lapland' };

/** A municipality as a postal address: its name in the page's language (Finnish for English). */
function address(code: string, locale: Locale): PostalAddress {
  const m = municipalityByCode(code);
  const locality = m ? (locale === 'sv' ? m.names.sv : m.names.fi) : code;
  return { '@type': 'PostalAddress', addressLocality: locality, addressRegion: REGION[locale], addressCountry: 'FI' };
}

const absolute = (publicUrl: string, locale: Locale, path: string) => `${publicUrl}${localizedPath(locale, path)}`;

function organisation(org: { id: string; name: string }, locale: Locale, publicUrl: string): Organization {
  return { '@type': 'Organization', name: org.name, url: absolute(publicUrl, locale, `/organisations/${org.id}`) };
}

/** online: a link and no place; onsite: a place and no link; blended: both. */
function courseMode(session: JsonLdSession, offer: JsonLdOffer): 'online' | 'onsite' | 'blended' {
  const onsite = Boolean(session.place || session.municipalityCode);
  const online = Boolean(session.onlineUrl) || (offer.online && !onsite);
  if (onsite && online) return 'blended';
  return online ? 'online' : 'onsite';
}

function availability(session: JsonLdSession): SchemaOffer['availability'] {
  if (session.seatsFree <= 0) return 'https://schema.org/SoldOut';
  return session.takingRegistrations ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock';
}

function courseInstance(
  session: JsonLdSession,
  offer: JsonLdOffer,
  locale: Locale,
  url: string,
): CourseInstance & { '@type': 'CourseInstance' } {
  const mode = courseMode(session, offer);
  const place: Place = {
    '@type': 'Place',
    ...(session.place ? { name: session.place } : {}),
    ...(session.municipalityCode ? { address: address(session.municipalityCode, locale) } : {}),
  };
  // The join link is for participants: the virtual location points at the course page.
  const virtual: VirtualLocation = { '@type': 'VirtualLocation', url };
  const location = mode === 'onsite' ? place : mode === 'online' ? virtual : [place, virtual];
  return {
    '@type': 'CourseInstance',
    courseMode: mode,
    startDate: helsinkiIso(session.startsAt),
    endDate: helsinkiIso(session.endsAt),
    inLanguage: session.language,
    location,
    offers: {
      '@type': 'Offer',
      price: (session.priceCents / 100).toFixed(2),
      priceCurrency: 'EUR',
      availability: availability(session),
      validThrough: helsinkiIso(session.registrationDeadline),
      category: session.priceCents === 0 ? 'Free' : 'Paid',
      url,
    },
  };
}

/**
 * A course as schema.org's `Course`, with a `CourseInstance` for each session that has not
 * started and is not cancelled; null for a student pool or a draft (neither is a public course).
 */
export function courseJsonLd(
  offer: JsonLdOffer,
  locale: Locale,
  publicUrl: string,
  now: Date = new Date(),
): WithContext<Course> | null {
  if (offer.kind !== 'COURSE' || offer.state === 'DRAFT') return null;
  const url = absolute(publicUrl, locale, `/offers/${offer.id}`);
  const upcoming = offer.sessions
    .filter((s) => !s.cancelledAt && new Date(s.startsAt) > now)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: offer.title,
    description: offer.description,
    url,
    inLanguage: offer.languages,
    provider: organisation(offer.organisation, locale, publicUrl),
    hasCourseInstance: upcoming.map((s) => courseInstance(s, offer, locale, url)),
  };
}

const EMPLOYMENT_TYPES: Partial<Record<NeedKind, 'INTERN' | 'TEMPORARY'>> = {
  INTERNSHIP: 'INTERN',
  SUMMER_JOB: 'TEMPORARY',
};

/** Plain text as the HTML Google reads in `description`: escaped, paragraphs and line breaks kept. */
function textAsHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim().replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/**
 * An open internship or summer job as schema.org's `JobPosting`, with Google's required fields
 * (title, description, datePosted, hiringOrganization, jobLocation or a remote job's location
 * requirement) and validThrough, employmentType and baseSalary where the need has them. Null for a
 * thesis or a course need (not a job), for a need that is not open, and for one without a company
 * (a posting must name who hires).
 */
export function jobPostingJsonLd(need: JsonLdNeed, locale: Locale, publicUrl: string): WithContext<JobPosting> | null {
  const employmentType = EMPLOYMENT_TYPES[need.kind];
  if (!employmentType || need.state !== 'OPEN' || !need.organisation || !need.publishedAt) return null;
  const posting: WithContext<JobPosting> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: need.title,
    description: textAsHtml(need.description),
    datePosted: helsinkiIso(need.publishedAt),
    hiringOrganization: organisation(need.organisation, locale, publicUrl),
    employmentType,
    jobStartDate: need.periodStart,
    totalJobOpenings: need.positions,
    url: absolute(publicUrl, locale, `/needs/${need.id}`),
    identifier: { '@type': 'PropertyValue', name: 'Osaamisen keskusvaraamo', value: need.id },
    ...(need.applicationDeadline ? { validThrough: endOfHelsinkiDay(need.applicationDeadline) } : {}),
    ...(need.municipalityCode
      ? { jobLocation: { '@type': 'Place', address: address(need.municipalityCode, locale) } }
      : {}),
    ...(need.remote
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: { '@type': 'Country', name: 'Finland' },
        }
      : {}),
    ...(need.payKind === 'PAID' && need.payAmountCents
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: 'EUR',
            value: { '@type': 'QuantitativeValue', value: need.payAmountCents / 100, unitText: 'MONTH' },
          },
        }
      : {}),
  };
  return posting;
}

/**
 * JSON-LD for an inline `<script type="application/ld+json">`: every `<` as `\u003c`, so that no
 * text (a title with `</script>`, a comment opener) can end the script or start markup early;
 * U+2028 and U+2029 too, for old JavaScript parsers. JSON readers decode it back as it was.
 */
export const serializeJsonLd = (data: object): string => jsonForScript(data);
