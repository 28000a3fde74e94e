/**
 * Matching's results, as the server ranks them and the API (GraphQL type Match) gives them: one
 * shape for the server's ranking and the web's lists.
 */
import type { NeedKind, OfferKind } from './marketplaceKinds.js';
import type { Locale } from './roles.js';

/** What a match points to: a course or student pool, one session of a course, a discoverable student, or a need. */
export const MATCH_KINDS = ['OFFER', 'SESSION', 'STUDENT', 'NEED'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** What a match is, more closely: the need's or the offer's kind, or SESSION or STUDENT. */
export type MatchItemKind = NeedKind | OfferKind | 'SESSION' | 'STUDENT';

/** A suggested match, best first in its list. Dates are YYYY-MM-DD, instants UTC ISO strings. */
export interface Match {
  kind: MatchKind;
  id: string;
  itemKind: MatchItemKind;
  title: string;
  /** The organisation, or for a student their institution and field. */
  subtitle: string | null;
  /** For a session: its course. */
  offerId: string | null;
  startsAt: string | null;
  municipalityCode: string | null;
  remote: boolean;
  periodStart: string | null;
  periodEnd: string | null;
  /** 0–100. */
  score: number;
}

/** Why a match scored what it did (GraphQL type MatchBreakdown). */
export interface MatchBreakdown {
  /** Topic ids both have. */
  sharedTopics: string[];
  /** Topic ids of the match in the same group as one of ours. */
  relatedTopics: string[];
  /**
   * Between municipal centres: from the subject's to where the thing happens (the course, the
   * workplace); 0 when that is remote or online (no travel); null when unknown.
   */
  distanceKm: number | null;
  /** It happens remotely: an online course, remote work. */
  remoteWork: boolean;
  /** A session's free seats (null for anything else). */
  seatsFree: number | null;
  /** Days the periods overlap; null when either has none. */
  overlapDays: number | null;
  sharedLanguages: Locale[];
  /** The parts' points; `seats` (0 or less) is what a session with room for fewer than the need's people loses. */
  points: { topics: number; period: number; distance: number; language: number; text: number; seats: number };
}

/** A match with its breakdown: what the server's ranking returns. */
export interface ScoredMatch extends Match {
  breakdown: MatchBreakdown;
}
