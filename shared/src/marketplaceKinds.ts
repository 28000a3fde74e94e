/**
 * The marketplace's kinds, states and sorts: plain constants, in a module of their own without
 * zod, so that a page that only names them (the search page, a result card) does not load the
 * input schemas of marketplace.ts.
 */
export const NEED_KINDS = ['COURSE', 'INTERNSHIP', 'SUMMER_JOB', 'THESIS'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
/** Needs that students see and apply to. */
export const PLACEMENT_KINDS = ['INTERNSHIP', 'SUMMER_JOB', 'THESIS'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
export const isPlacementKind = (kind: string): kind is PlacementKind =>
  (PLACEMENT_KINDS as readonly string[]).includes(kind);

export const NEED_STATES = ['DRAFT', 'OPEN', 'FILLED', 'CLOSED', 'EXPIRED'] as const;
export type NeedState = (typeof NEED_STATES)[number];

export const OFFER_KINDS = ['COURSE', 'STUDENT_POOL'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const OFFER_STATES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

export const STUDY_LEVELS = ['VOCATIONAL', 'BACHELOR', 'MASTER'] as const;
export type StudyLevel = (typeof STUDY_LEVELS)[number];
export const PAY_KINDS = ['PAID', 'UNPAID'] as const;
export type PayKind = (typeof PAY_KINDS)[number];

/** What one search covers: published courses, open placements and student pools. */
export const SEARCH_KINDS = ['COURSE', 'INTERNSHIP', 'SUMMER_JOB', 'THESIS', 'STUDENT_POOL'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SEARCH_SORTS = ['RELEVANCE', 'SOONEST', 'NEWEST', 'NEAREST'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const MAX_TOPICS = 10;

/** The longest search text (words), here so that a search box can bound its input without zod. */
export const SEARCH_TEXT_MAX = 200;
