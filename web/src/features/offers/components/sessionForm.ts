import { sessionSchema, type Locale } from '@keskusvaraamo/shared';
import { convertingResolver } from '../../../shared/forms';
import { centsToEuroText, parseEuros, parseWholeNumber } from '../../../shared/i18n';
import type { CourseSession, SessionInput } from '../operations';

/** A session as its form holds it: Helsinki wall-clock times, price as typed euros, seats as text. */
export interface SessionFormValues {
  startsAt: string;
  endsAt: string;
  registrationDeadline: string;
  place: string;
  municipalityCode: string;
  onlineUrl: string;
  seats: string;
  price: string;
  language: Locale;
  /** Optional: empty means until the start. */
  cancellationDeadline: string;
  /** Optional, with decisionAt: the session runs only with this many participants. */
  minParticipants: string;
  decisionAt: string;
  /** Optional: empty means the default (10, or the seats when fewer) for a new session, unchanged for an edited one. */
  maxSeatsPerBooker: string;
}

export const SESSION_FIELD_RENAMES = { priceCents: 'price' } as const;

export function emptySessionValues(locale: Locale, municipalityCode = ''): SessionFormValues {
  return {
    startsAt: '',
    endsAt: '',
    registrationDeadline: '',
    place: '',
    municipalityCode,
    onlineUrl: '',
    seats: '',
    price: '',
    language: locale,
    cancellationDeadline: '',
    minParticipants: '',
    decisionAt: '',
    maxSeatsPerBooker: '',
  };
}

export function sessionToValues(session: CourseSession, locale: Locale): SessionFormValues {
  return {
    startsAt: session.startsAtLocal,
    endsAt: session.endsAtLocal,
    registrationDeadline: session.registrationDeadlineLocal,
    place: session.place ?? '',
    municipalityCode: session.municipalityCode ?? '',
    onlineUrl: session.onlineUrl ?? '',
    seats: String(session.seats),
    price: centsToEuroText(session.priceCents, locale),
    language: session.language,
    // A deadline equal to the start is the default: the form leaves it empty.
    cancellationDeadline:
      session.cancellationDeadlineLocal && session.cancellationDeadlineLocal !== session.startsAtLocal
        ? session.cancellationDeadlineLocal
        : '',
    minParticipants: session.minParticipants === null ? '' : String(session.minParticipants),
    decisionAt: session.decisionAtLocal ?? '',
    maxSeatsPerBooker: String(session.maxSeatsPerBooker),
  };
}

export function toSessionInput(values: SessionFormValues, locale: Locale): unknown {
  return {
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    registrationDeadline: values.registrationDeadline,
    place: values.place || null,
    municipalityCode: values.municipalityCode || null,
    onlineUrl: values.onlineUrl.trim() || null,
    seats: parseWholeNumber(values.seats) ?? undefined,
    // A free course is typed as 0; an empty price is a missing answer.
    priceCents: parseEuros(values.price, locale) ?? undefined,
    language: values.language,
    cancellationDeadline: values.cancellationDeadline || null,
    minParticipants: parseWholeNumber(values.minParticipants),
    decisionAt: values.decisionAt || null,
    maxSeatsPerBooker: parseWholeNumber(values.maxSeatsPerBooker),
  };
}

export function sessionResolver(locale: Locale) {
  return convertingResolver<SessionFormValues, SessionInput>(
    (values) => toSessionInput(values, locale),
    sessionSchema,
    { rename: SESSION_FIELD_RENAMES },
  );
}
