import {
  isPlacementKind,
  needSchema,
  type Locale,
  type NeedKind,
  type PayKind,
  type StudyLevel,
} from '@keskusvaraamo/shared';
import type { Resolver } from 'react-hook-form';
import { convertingResolver } from '../../../shared/forms';
import { centsToEuroText, helsinkiToday, parseEuros, parseWholeNumber } from '../../../shared/i18n';
import type { Need, NeedInput } from '../operations';

/** What the need form holds: the API's NeedInput with money as typed euros and counts as text. */
export interface NeedFormValues {
  kind: NeedKind | '';
  /** '' posts as a person, without a company. */
  organisationId: string;
  title: string;
  description: string;
  language: Locale;
  topics: string[];
  municipalityCode: string;
  remote: boolean;
  periodStart: string;
  periodEnd: string;
  positions: string;
  payKind: PayKind | '';
  payAmount: string;
  budget: string;
  thesisLevel: StudyLevel | '';
  languages: Locale[];
  applicationDeadline: string;
}

export type NeedField = keyof NeedFormValues;

/** The API's names for fields the form keeps differently. */
export const NEED_FIELD_RENAMES = { payAmountCents: 'payAmount', budgetCents: 'budget' } as const;

/** The guided form's steps; the last one reviews and saves. */
export const NEED_STEPS = ['kind', 'what', 'where', 'people', 'review'] as const;
export type NeedStep = (typeof NEED_STEPS)[number];

export const NEED_STEP_FIELDS: Record<NeedStep, NeedField[]> = {
  kind: ['kind', 'organisationId'],
  what: ['title', 'description', 'language', 'topics'],
  where: ['municipalityCode', 'remote', 'periodStart', 'periodEnd'],
  people: ['positions', 'payKind', 'payAmount', 'budget', 'thesisLevel', 'languages', 'applicationDeadline'],
  review: [],
};

export function stepOfField(field: string): NeedStep {
  return NEED_STEPS.find((step) => (NEED_STEP_FIELDS[step] as string[]).includes(field)) ?? 'review';
}

/**
 * A new need starts with what most needs have (one position, the reader's language), so that
 * checking one step does not trip over the later steps' fields.
 */
export function emptyNeedValues(locale: Locale): NeedFormValues {
  return {
    kind: '',
    organisationId: '',
    title: '',
    description: '',
    language: locale,
    topics: [],
    municipalityCode: '',
    remote: false,
    periodStart: '',
    periodEnd: '',
    positions: '1',
    payKind: '',
    payAmount: '',
    budget: '',
    thesisLevel: '',
    languages: [locale],
    applicationDeadline: '',
  };
}

export function needToValues(need: Need, locale: Locale): NeedFormValues {
  return {
    kind: need.kind,
    organisationId: need.organisation?.id ?? '',
    title: need.title,
    description: need.description,
    language: need.language,
    topics: need.topics,
    municipalityCode: need.municipalityCode ?? '',
    remote: need.remote,
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
    positions: String(need.positions),
    payKind: need.payKind ?? '',
    payAmount: centsToEuroText(need.payAmountCents, locale),
    budget: centsToEuroText(need.budgetCents, locale),
    thesisLevel: need.thesisLevel ?? '',
    languages: need.languages,
    applicationDeadline: need.applicationDeadline ?? '',
  };
}

/** The form's values as the API's input, before the shared schema checks them. */
export function toNeedInput(values: NeedFormValues, locale: Locale): unknown {
  const placement = values.kind !== '' && isPlacementKind(values.kind);
  return {
    kind: values.kind === '' ? undefined : values.kind,
    organisationId: values.organisationId || null,
    title: values.title,
    description: values.description,
    language: values.language,
    topics: values.topics,
    municipalityCode: values.municipalityCode || null,
    remote: values.remote,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    positions: parseWholeNumber(values.positions) ?? undefined,
    payKind: placement ? values.payKind || null : null,
    payAmountCents: placement && values.payKind === 'PAID' ? parseEuros(values.payAmount, locale) : null,
    budgetCents: values.kind === 'COURSE' ? parseEuros(values.budget, locale) : null,
    thesisLevel: values.kind === 'THESIS' ? values.thesisLevel || null : null,
    languages: values.languages,
    applicationDeadline: values.applicationDeadline || null,
  };
}

/**
 * The need form's checks: the shared schema's, and a deadline not in the past (Helsinki's day), at
 * the step where it is entered rather than on saving (the server refuses it then too). A need
 * being edited keeps its own deadline even once it has passed: only a changed one must be ahead.
 */
export function needResolver(
  locale: Locale,
  current: { applicationDeadline: string | null } | null = null,
  today: () => string = helsinkiToday,
): Resolver<NeedFormValues, unknown, NeedInput> {
  const checked = convertingResolver<NeedFormValues, NeedInput>((values) => toNeedInput(values, locale), needSchema, {
    rename: NEED_FIELD_RENAMES,
  });
  return async (values, context, options) => {
    const result = await checked(values, context, options);
    const deadline = values.applicationDeadline;
    if (!deadline || deadline === current?.applicationDeadline || deadline >= today()) return result;
    return {
      values: {},
      errors: { ...result.errors, applicationDeadline: { type: 'custom', message: 'validation.inPast' } },
    };
  };
}
