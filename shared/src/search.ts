/**
 * The public search's filter. The server checks every search (and every saved one) with it; each
 * list is bounded by the values that exist, and every value is checked against the shared data.
 */
import { z } from 'zod';
import { dateString } from './marketplace.js';
import { SEARCH_KINDS, SEARCH_TEXT_MAX } from './marketplaceKinds.js';
import { isMunicipalityCode, MUNICIPALITIES } from './municipalities.js';
import { LOCALES } from './roles.js';
import { optionalSingleLineText } from './text.js';
import { isTopicId, TOPICS } from './topics.js';

/** How a saved search tells of new results: at once, in the daily digest, weekly, or not at all (only kept). */
export const SAVED_SEARCH_ALERTS = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NONE'] as const;
export type SavedSearchAlert = (typeof SAVED_SEARCH_ALERTS)[number];
export const isSavedSearchAlert = (value: unknown): value is SavedSearchAlert =>
  typeof value === 'string' && (SAVED_SEARCH_ALERTS as readonly string[]).includes(value);
/** The server keeps at most this many saved searches per person (LIMIT_REACHED beyond it). */
export const MAX_SAVED_SEARCHES = 50;
export const SAVED_SEARCH_NAME_MAX = 100;

export const WITHIN_KM_MAX = 2000;

/**
 * A list of choices: at most as many as there are values (each at most once in a sensible request),
 * and every one of them a value that exists. A problem is the list's, named by the list's field.
 */
const choices = (values: { max: number; has: (value: string) => boolean }, message: string) =>
  z
    .array(z.string({ error: message }))
    .max(values.max, { error: 'validation.tooManyChoices' })
    .refine((list) => list.every(values.has), { error: message })
    .nullish();

const among = (list: readonly string[]) => ({ max: list.length, has: (value: string) => list.includes(value) });

export const searchFilterSchema = z
  .object({
    text: optionalSingleLineText(SEARCH_TEXT_MAX),
    kinds: choices(among(SEARCH_KINDS), 'validation.choice'),
    topics: choices({ max: TOPICS.length, has: isTopicId }, 'validation.topic'),
    municipalityCodes: choices({ max: MUNICIPALITIES.length, has: isMunicipalityCode }, 'validation.municipality'),
    near: z
      .string({ error: 'validation.municipality' })
      .refine(isMunicipalityCode, { error: 'validation.municipality' })
      .nullish(),
    withinKm: z
      .number({ error: 'validation.number' })
      .int({ error: 'validation.number' })
      .min(1, { error: 'validation.atLeastOne' })
      .max(WITHIN_KM_MAX, { error: 'validation.tooLarge' })
      .nullish(),
    periodFrom: dateString.nullish(),
    periodTo: dateString.nullish(),
    remote: z.boolean().nullish(),
    freeSeats: z.boolean().nullish(),
    languages: choices(among(LOCALES), 'validation.choice'),
    maxPriceCents: z
      .number({ error: 'validation.number' })
      .int({ error: 'validation.number' })
      .min(0, { error: 'validation.notNegative' })
      .nullish(),
    organisationId: z.uuid({ error: 'validation.id' }).nullish(),
  })
  // A distance needs a place to measure from; said even when other fields are wrong too (`when`).
  .refine((filter) => filter.withinKm == null || Boolean(filter.near), {
    error: 'validation.required',
    path: ['near'],
    when: () => true,
  });
export type SearchFilterInput = z.input<typeof searchFilterSchema>;

/** The words that narrow an admin's or coordinator's list (users, organisations). */
export const listSearchSchema = z.object({ search: optionalSingleLineText(SEARCH_TEXT_MAX) });
