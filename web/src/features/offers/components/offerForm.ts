import {
  DEFAULT_REMINDER_HOURS,
  offerSchema,
  sessionSchema,
  type Locale,
  type OfferKind,
  type PlacementKind,
  type StudyLevel,
} from '@keskusvaraamo/shared';
import { z } from 'zod';
import { convertingResolver } from '../../../shared/forms';
import { parseWholeNumber } from '../../../shared/i18n';
import type { Offer, OfferInput, SessionInput } from '../operations';
import { SESSION_FIELD_RENAMES, toSessionInput, type SessionFormValues } from './sessionForm';

/** What the offer form holds; a new course also carries its first sessions. */
export interface OfferFormValues {
  kind: OfferKind | '';
  organisationId: string;
  title: string;
  description: string;
  language: Locale;
  topics: string[];
  municipalityCode: string;
  online: boolean;
  languages: Locale[];
  claimWindowHours: string;
  /** A course's reminder before each session, in hours (REMINDER_HOURS as text; '0' for none). */
  reminderHours: string;
  studentCount: string;
  periodStart: string;
  periodEnd: string;
  placementKinds: PlacementKind[];
  studyLevel: StudyLevel | '';
  fieldOfStudy: string;
  sessions: SessionFormValues[];
}

export interface OfferFormOutput {
  input: OfferInput;
  sessions: SessionInput[];
}

export function emptyOfferValues(
  locale: Locale,
  kind: OfferKind | '',
  organisationId: string,
  firstSession: SessionFormValues,
): OfferFormValues {
  return {
    kind,
    organisationId,
    title: '',
    description: '',
    language: locale,
    topics: [],
    municipalityCode: '',
    online: false,
    languages: [locale],
    claimWindowHours: '24',
    reminderHours: String(DEFAULT_REMINDER_HOURS),
    studentCount: '',
    periodStart: '',
    periodEnd: '',
    placementKinds: [],
    studyLevel: '',
    fieldOfStudy: '',
    sessions: kind === 'COURSE' ? [firstSession] : [],
  };
}

export function offerToValues(offer: Offer): OfferFormValues {
  return {
    kind: offer.kind,
    organisationId: offer.organisation.id,
    title: offer.title,
    description: offer.description,
    language: offer.language,
    topics: offer.topics,
    municipalityCode: offer.municipalityCode ?? '',
    online: offer.online,
    languages: offer.languages,
    claimWindowHours: String(offer.claimWindowHours),
    reminderHours: String(offer.reminderHours),
    studentCount: offer.studentCount === null ? '' : String(offer.studentCount),
    periodStart: offer.periodStart ?? '',
    periodEnd: offer.periodEnd ?? '',
    placementKinds: offer.placementKinds.filter((k): k is PlacementKind => k !== 'COURSE'),
    studyLevel: offer.studyLevel ?? '',
    fieldOfStudy: offer.fieldOfStudy ?? '',
    sessions: [],
  };
}

function toOfferInput(values: OfferFormValues): unknown {
  const pool = values.kind === 'STUDENT_POOL';
  return {
    kind: values.kind === '' ? undefined : values.kind,
    organisationId: values.organisationId || undefined,
    title: values.title,
    description: values.description,
    language: values.language,
    topics: values.topics,
    municipalityCode: values.municipalityCode || null,
    online: values.online,
    languages: values.languages,
    claimWindowHours: parseWholeNumber(values.claimWindowHours) ?? undefined,
    reminderHours: parseWholeNumber(values.reminderHours) ?? undefined,
    studentCount: pool ? parseWholeNumber(values.studentCount) : null,
    periodStart: pool ? values.periodStart || null : null,
    periodEnd: pool ? values.periodEnd || null : null,
    placementKinds: pool ? values.placementKinds : [],
    studyLevel: pool ? values.studyLevel || null : null,
    fieldOfStudy: pool ? values.fieldOfStudy : null,
  };
}

const offerFormSchema = z.object({ input: offerSchema, sessions: z.array(sessionSchema) });

export function offerResolver(locale: Locale) {
  return convertingResolver<OfferFormValues, OfferFormOutput>(
    (values) => ({
      input: toOfferInput(values),
      sessions: values.kind === 'COURSE' ? values.sessions.map((s) => toSessionInput(s, locale)) : [],
    }),
    offerFormSchema,
    { rename: SESSION_FIELD_RENAMES, dropPrefix: 'input' },
  );
}
