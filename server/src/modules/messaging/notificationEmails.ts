/**
 * Notification e-mails: one message per notification (EMAIL) or one digest of several (DIGEST),
 * in the recipient's language with times in Europe/Helsinki. What another module adds to a
 * message (a booking's `.ics` and its cancel link) comes from `deps.emailAttachments`.
 */
import {
  municipalityName,
  type Locale,
  type NotificationType,
  type SessionChange,
  type SessionChangeField,
} from '@keskusvaraamo/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { pageUrl } from '../../lib/pageUrl.js';
import type { Block } from './layout.js';
import { notifications } from './tables.js';

type Data = Record<string, unknown>;
type Line = (d: Data, when: (iso: unknown) => string) => string;

const LOCALE_TAGS = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' } as const;
/** One formatter per language, made once (building one per message is costly). */
const WHEN = Object.fromEntries(
  Object.entries(LOCALE_TAGS).map(([locale, tag]) => [
    locale,
    new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Helsinki', dateStyle: 'full', timeStyle: 'short' }),
  ]),
) as Record<Locale, Intl.DateTimeFormat>;

export function formatWhen(locale: Locale, iso: unknown): string {
  const date = new Date(String(iso));
  return Number.isNaN(date.getTime()) ? '' : WHEN[locale].format(date);
}

const s = (v: unknown) => String(v ?? '');
/**
 * A proposal's student, who may not be named (no longer discoverable: the name is empty), is "a
 * student"; `capital` at the start of a sentence.
 */
const STUDENT = { fi: 'opiskelija', sv: 'en studerande', en: 'a student' } as const;
const student = (name: unknown, locale: Locale, capital = false) => {
  if (s(name)) return s(name);
  return capital ? STUDENT[locale].charAt(0).toUpperCase() + STUDENT[locale].slice(1) : STUDENT[locale];
};

/** An organisation's name with its business ID, when it has one. */
const named = (name: unknown, businessId: unknown) => (businessId ? `${s(name)} (${s(businessId)})` : s(name));

/** Where a session is, after a comma: its place, municipality (by name) and online link, as known. */
function placeOf(d: Data, locale: Locale): string {
  const code = s(d.municipalityCode);
  const parts = [s(d.place), code ? municipalityName(code, locale) : '', s(d.onlineUrl)].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

/** "3 paikkaa", "3 platser är reserverade", "3 seats are held": one seat or more. */
const SEATS = {
  fi: ['paikka', 'paikkaa'],
  sv: ['plats är reserverad', 'platser är reserverade'],
  en: ['seat is held', 'seats are held'],
} as const;
const seats = (d: Data, locale: Locale) => `${s(d.count)} ${SEATS[locale][d.count === 1 ? 0 : 1]}`;

/** What follows a match (`event`, see proposals' followUp.ts), as the MATCH_MADE message's last sentence. */
const MATCH_NEXT: Record<Locale, Record<string, (d: Data, w: (iso: unknown) => string) => string>> = {
  fi: {
    APPLICATION_CREATED: () =>
      'Opiskelijan hakemus on nyt yrityksen hakijoissa, ja opiskelija ja yritys voivat keskustella hakemuksen keskustelussa.',
    APPLICATION_EXISTS: () =>
      'Opiskelija oli jo hakenut tähän; opiskelija ja yritys voivat keskustella hakemuksen keskustelussa.',
    SEATS_HELD: (d, w) =>
      `Sinulle on varattu ${seats(d, 'fi')} tarpeesi koulutukseen. Vahvista ne viimeistään ${w(d.offeredUntil)}, muuten ne vapautuvat muille.`,
    SEATS_HELD_FOR_POSTER: (d, w) =>
      `Tarpeen ilmoittajalle on varattu ${seats(d, 'fi')}, jotka hän vahvistaa viimeistään ${w(d.offeredUntil)}.`,
    NO_SEATS: () => 'Vapaita paikkoja ei ollut varattavaksi: valitkaa kurssin sivulta toinen toteutus tai jonottakaa.',
    REGISTRATION_CLOSED: () => 'Toteutuksen ilmoittautuminen on päättynyt: valitkaa kurssin sivulta toinen toteutus.',
    SEATS_PER_BOOKER: () => 'Sinulla on jo toteutukselta niin monta paikkaa kuin yksi varaaja voi pitää.',
    BOOK: () => 'Varatkaa kurssi tarpeelle kurssin sivulta.',
    '': () => 'Sopikaa jatkosta ehdotuksen keskustelussa.',
  },
  sv: {
    APPLICATION_CREATED: () =>
      'Den studerandes ansökan finns nu bland företagets sökande, och den studerande och företaget kan diskutera i ansökans diskussion.',
    APPLICATION_EXISTS: () =>
      'Den studerande hade redan sökt hit; den studerande och företaget kan diskutera i ansökans diskussion.',
    SEATS_HELD: (d, w) =>
      `${seats(d, 'sv')} åt dig för ditt behov. Bekräfta dem senast ${w(d.offeredUntil)}, annars går de till andra.`,
    SEATS_HELD_FOR_POSTER: (d, w) =>
      `${seats(d, 'sv')} åt den som lade ut behovet, att bekräftas senast ${w(d.offeredUntil)}.`,
    NO_SEATS: () => 'Det fanns inga lediga platser att reservera: välj ett annat tillfälle eller köa på kursens sida.',
    REGISTRATION_CLOSED: () => 'Anmälan till tillfället har stängt: välj ett annat tillfälle på kursens sida.',
    SEATS_PER_BOOKER: () => 'Du har redan så många platser på tillfället som en bokare får ha.',
    BOOK: () => 'Boka kursen för behovet på kursens sida.',
    '': () => 'Kom överens om fortsättningen i förslagets diskussion.',
  },
  en: {
    APPLICATION_CREATED: () =>
      "The student's application is now among the company's applicants, and the student and the company can talk in the application's conversation.",
    APPLICATION_EXISTS: () =>
      "The student had applied already; the student and the company can talk in the application's conversation.",
    SEATS_HELD: (d, w) =>
      `${seats(d, 'en')} for you for your need. Claim them by ${w(d.offeredUntil)}, or they pass to others.`,
    SEATS_HELD_FOR_POSTER: (d, w) => `${seats(d, 'en')} for the need's poster, to be claimed by ${w(d.offeredUntil)}.`,
    NO_SEATS: () => "No seats were free to hold: choose another session or join the waitlist on the course's page.",
    REGISTRATION_CLOSED: () => "The session's registration has closed: choose another session on the course's page.",
    SEATS_PER_BOOKER: () => 'You already hold as many seats on the session as one booker may.',
    BOOK: () => "Book the course for the need on the course's page.",
    '': () => "Agree on what comes next in the proposal's conversation.",
  },
};
const matchNext = (d: Data, w: (iso: unknown) => string, locale: Locale) =>
  (MATCH_NEXT[locale][s(d.event)] ?? MATCH_NEXT[locale]['']!)(d, w);

const CHANGE_LABELS: Record<Locale, Record<SessionChangeField, string> & { none: string }> = {
  fi: {
    STARTS_AT: 'Alkaa',
    ENDS_AT: 'Päättyy',
    PLACE: 'Paikka',
    MUNICIPALITY: 'Kunta',
    ONLINE_URL: 'Verkkolinkki',
    none: '(ei)',
  },
  sv: {
    STARTS_AT: 'Börjar',
    ENDS_AT: 'Slutar',
    PLACE: 'Plats',
    MUNICIPALITY: 'Kommun',
    ONLINE_URL: 'Onlinelänk',
    none: '(ingen)',
  },
  en: {
    STARTS_AT: 'Starts',
    ENDS_AT: 'Ends',
    PLACE: 'Place',
    MUNICIPALITY: 'Municipality',
    ONLINE_URL: 'Online link',
    none: '(none)',
  },
};

/** A session's changes, one line each: "- Starts: before → after" (times in Europe/Helsinki). */
function changeLines(d: Data, locale: Locale, when: (iso: unknown) => string): string {
  const labels = CHANGE_LABELS[locale];
  const changes = (Array.isArray(d.changes) ? d.changes : []) as SessionChange[];
  const value = (field: SessionChangeField, v: string | null) => {
    if (!v) return labels.none;
    if (field === 'STARTS_AT' || field === 'ENDS_AT') return when(v);
    if (field === 'MUNICIPALITY') return municipalityName(v, locale);
    return v;
  };
  return changes
    .filter((c) => c.field in labels)
    .map((c) => `- ${labels[c.field]}: ${value(c.field, c.before)} → ${value(c.field, c.after)}`)
    .join('\n');
}

/** A session's fill, for its organisers: "Seats taken now: 5 of 20." */
function fill(d: Data, locale: Locale): string {
  if (typeof d.seatsTaken !== 'number') return '';
  return {
    fi: `Varattuja paikkoja nyt ${d.seatsTaken}/${s(d.seatsTotal)}.`,
    sv: `Bokade platser nu ${d.seatsTaken}/${s(d.seatsTotal)}.`,
    en: `Seats taken now: ${d.seatsTaken} of ${s(d.seatsTotal)}.`,
  }[locale];
}

/** What happened on a waitlist (WAITLIST_EVENTS), for its course's organisers. */
const WAITLIST: Record<Locale, Record<string, string>> = {
  fi: {
    JOINED: 'Varaus liittyi jonoon',
    OFFERED: 'Jonossa seuraavalle tarjottiin vapautunutta paikkaa',
    PROMOTED: 'Jonossa ollut varaus vahvistettiin vapautuneelle paikalle',
    CLAIMED: 'Tarjottu paikka vahvistettiin',
    CLAIM_EXPIRED: 'Tarjottua paikkaa ei vahvistettu ajoissa, ja se siirtyi jonossa seuraavalle',
    DECLINED: 'Tarjotusta paikasta kieltäydyttiin',
    LEFT: 'Jonossa ollut varaus peruttiin',
  },
  sv: {
    JOINED: 'En bokning ställde sig i kön',
    OFFERED: 'En ledig plats erbjöds till nästa i kön',
    PROMOTED: 'En bokning i kön bekräftades på en ledig plats',
    CLAIMED: 'En erbjuden plats bekräftades',
    CLAIM_EXPIRED: 'En erbjuden plats bekräftades inte i tid och gick till nästa i kön',
    DECLINED: 'En erbjuden plats avböjdes',
    LEFT: 'En bokning i kön avbokades',
  },
  en: {
    JOINED: 'A booking joined the waitlist',
    OFFERED: 'A freed seat was offered to the next in line',
    PROMOTED: 'A waitlisted booking was confirmed on a freed seat',
    CLAIMED: 'An offered seat was claimed',
    CLAIM_EXPIRED: 'An offered seat was not claimed in time and passed to the next in line',
    DECLINED: 'An offered seat was declined',
    LEFT: 'A waitlisted booking was cancelled',
  },
};

/** A reminder's place line: the place and municipality, or the online link. */
function whereLine(d: Data, locale: Locale): string {
  const code = s(d.municipalityCode);
  const place = [s(d.place), code ? municipalityName(code, locale) : ''].filter(Boolean).join(', ');
  const label = { fi: ['Paikka', 'Verkossa'], sv: ['Plats', 'Online'], en: ['Place', 'Online'] }[locale];
  return [place ? `${label[0]}: ${place}` : '', d.onlineUrl ? `${label[1]}:\n${s(d.onlineUrl)}` : '']
    .filter(Boolean)
    .join('\n');
}

/** The weekly summary's longest-waiting needs, one line each: "- Title (12 days)". */
function oldestLines(d: Data, days: (n: number) => string, heading: string): string {
  const list = (Array.isArray(d.oldest) ? d.oldest : []) as { title?: unknown; daysWaiting?: unknown }[];
  if (!list.length) return '';
  return [heading, ...list.map((n) => `- ${s(n.title)} (${days(Number(n.daysWaiting) || 0)})`)].join('\n');
}

/** Per type and language: the subject (also the digest line) and the body's first paragraph. */
const TEXTS: Record<NotificationType, Record<Locale, [Line, Line]>> = {
  BOOKING_CONFIRMED: {
    fi: [
      (d) =>
        d.role === 'PARTICIPANT' ? `Sinulle on varattu paikka: ${s(d.title)}` : `Varaus vahvistettu: ${s(d.title)}`,
      (d, w) =>
        d.role === 'PARTICIPANT'
          ? `Sinulle on varattu paikka kurssille ${s(d.title)}, ${w(d.startsAt)}${placeOf(d, 'fi')}. Liitteenä oleva kalenteritiedosto lisää sen kalenteriisi.`
          : `Varauksesi on vahvistettu: ${s(d.title)}, ${w(d.startsAt)}. Paikkoja: ${s(d.seats)}.`,
    ],
    sv: [
      (d) =>
        d.role === 'PARTICIPANT' ? `En plats är bokad åt dig: ${s(d.title)}` : `Bokningen är bekräftad: ${s(d.title)}`,
      (d, w) =>
        d.role === 'PARTICIPANT'
          ? `En plats är bokad åt dig på ${s(d.title)}, ${w(d.startsAt)}${placeOf(d, 'sv')}. Den bifogade kalenderfilen lägger in den i din kalender.`
          : `Din bokning är bekräftad: ${s(d.title)}, ${w(d.startsAt)}. Platser: ${s(d.seats)}.`,
    ],
    en: [
      (d) =>
        d.role === 'PARTICIPANT' ? `A seat is booked for you: ${s(d.title)}` : `Booking confirmed: ${s(d.title)}`,
      (d, w) =>
        d.role === 'PARTICIPANT'
          ? `A seat is booked for you on ${s(d.title)}, ${w(d.startsAt)}${placeOf(d, 'en')}. The attached calendar file adds it to your calendar.`
          : `Your booking is confirmed: ${s(d.title)}, ${w(d.startsAt)}. Seats: ${s(d.seats)}.`,
    ],
  },
  BOOKING_WAITLISTED: {
    fi: [
      (d) => `Jonossa: ${s(d.title)}`,
      (d, w) => `Olet jonossa kurssille ${s(d.title)} (${w(d.startsAt)}). Kerromme heti, kun paikka vapautuu.`,
    ],
    sv: [
      (d) => `I kön: ${s(d.title)}`,
      (d, w) => `Du står i kö till ${s(d.title)} (${w(d.startsAt)}). Vi meddelar genast när en plats blir ledig.`,
    ],
    en: [
      (d) => `On the waitlist: ${s(d.title)}`,
      (d, w) =>
        `You are on the waitlist for ${s(d.title)} (${w(d.startsAt)}). We will tell you as soon as a seat frees.`,
    ],
  },
  BOOKING_OFFERED: {
    fi: [
      (d) => `Paikka vapautui: ${s(d.title)}`,
      (d, w) =>
        `Jonosta vapautui sinulle paikka kurssille ${s(d.title)} (${w(d.startsAt)}). Vahvista se viimeistään ${w(d.offeredUntil)}, muuten paikka siirtyy seuraavalle.`,
    ],
    sv: [
      (d) => `En plats blev ledig: ${s(d.title)}`,
      (d, w) =>
        `En plats på ${s(d.title)} (${w(d.startsAt)}) är reserverad för dig. Bekräfta den senast ${w(d.offeredUntil)}, annars går den till nästa i kön.`,
    ],
    en: [
      (d) => `A seat is yours to claim: ${s(d.title)}`,
      (d, w) =>
        `A seat on ${s(d.title)} (${w(d.startsAt)}) is held for you. Claim it by ${w(d.offeredUntil)}, or it passes to the next in line.`,
    ],
  },
  BOOKING_PROMOTED: {
    fi: [
      (d) => `Pääsit jonosta: ${s(d.title)}`,
      (d, w) => `Paikka vapautui ja varauksesi kurssille ${s(d.title)} (${w(d.startsAt)}) on nyt vahvistettu.`,
    ],
    sv: [
      (d) => `Du fick en plats: ${s(d.title)}`,
      (d, w) => `En plats blev ledig och din bokning till ${s(d.title)} (${w(d.startsAt)}) är nu bekräftad.`,
    ],
    en: [
      (d) => `You are off the waitlist: ${s(d.title)}`,
      (d, w) => `A seat freed and your booking for ${s(d.title)} (${w(d.startsAt)}) is now confirmed.`,
    ],
  },
  BOOKING_CANCELLED: {
    fi: [
      (d) => (d.seatCancelled ? `Paikkasi peruttiin: ${s(d.title)}` : `Varaus peruttu: ${s(d.title)}`),
      (d, w) =>
        [
          d.seatCancelled
            ? `Paikkasi kurssilla ${s(d.title)} (${w(d.startsAt)}) on peruttu.`
            : d.role === 'PARTICIPANT'
              ? `Varaus kurssille ${s(d.title)} (${w(d.startsAt)}), jossa olit osallistujana, on peruttu.`
              : `Varauksesi kurssille ${s(d.title)} (${w(d.startsAt)}) on peruttu.`,
          d.role === 'PARTICIPANT' && d.previousState === 'CONFIRMED'
            ? 'Liitteenä oleva kalenteritiedosto poistaa tapahtuman kalenteristasi.'
            : '',
        ]
          .filter(Boolean)
          .join(' '),
    ],
    sv: [
      (d) => (d.seatCancelled ? `Din plats är avbokad: ${s(d.title)}` : `Bokningen är avbokad: ${s(d.title)}`),
      (d, w) =>
        [
          d.seatCancelled
            ? `Din plats på ${s(d.title)} (${w(d.startsAt)}) är avbokad.`
            : d.role === 'PARTICIPANT'
              ? `Bokningen till ${s(d.title)} (${w(d.startsAt)}) där du var deltagare är avbokad.`
              : `Din bokning till ${s(d.title)} (${w(d.startsAt)}) är avbokad.`,
          d.role === 'PARTICIPANT' && d.previousState === 'CONFIRMED'
            ? 'Den bifogade kalenderfilen tar bort händelsen ur din kalender.'
            : '',
        ]
          .filter(Boolean)
          .join(' '),
    ],
    en: [
      (d) => (d.seatCancelled ? `Your seat is cancelled: ${s(d.title)}` : `Booking cancelled: ${s(d.title)}`),
      (d, w) =>
        [
          d.seatCancelled
            ? `Your seat on ${s(d.title)} (${w(d.startsAt)}) has been cancelled.`
            : d.role === 'PARTICIPANT'
              ? `The booking for ${s(d.title)} (${w(d.startsAt)}) you were a participant of has been cancelled.`
              : `Your booking for ${s(d.title)} (${w(d.startsAt)}) has been cancelled.`,
          d.role === 'PARTICIPANT' && d.previousState === 'CONFIRMED'
            ? 'The attached calendar file removes the event from your calendar.'
            : '',
        ]
          .filter(Boolean)
          .join(' '),
    ],
  },
  BOOKING_CHANGED: {
    fi: [
      (d) => `Varaukseesi tuli muutos: ${s(d.title)}`,
      (d, w) =>
        d.event === 'SEAT_REPLACED'
          ? `Järjestäjä vaihtoi yhden osallistujan varauksessasi kurssille ${s(d.title)} (${w(d.startsAt)}).`
          : `Yksi osallistuja perui paikkansa varauksessasi kurssille ${s(d.title)} (${w(d.startsAt)}). Varauksessasi on nyt ${s(d.seats)} paikkaa; vapautunut paikka on muiden varattavissa.`,
    ],
    sv: [
      (d) => `Din bokning har ändrats: ${s(d.title)}`,
      (d, w) =>
        d.event === 'SEAT_REPLACED'
          ? `Arrangören bytte en deltagare i din bokning till ${s(d.title)} (${w(d.startsAt)}).`
          : `En deltagare avbokade sin plats i din bokning till ${s(d.title)} (${w(d.startsAt)}). Din bokning har nu ${s(d.seats)} platser; den lediga platsen kan bokas av andra.`,
    ],
    en: [
      (d) => `Your booking changed: ${s(d.title)}`,
      (d, w) =>
        d.event === 'SEAT_REPLACED'
          ? `The organiser replaced a participant in your booking for ${s(d.title)} (${w(d.startsAt)}).`
          : `A participant cancelled their seat in your booking for ${s(d.title)} (${w(d.startsAt)}). Your booking now has ${s(d.seats)} seat(s); the freed seat is open to others.`,
    ],
  },
  BOOKING_CLAIM_EXPIRED: {
    fi: [
      (d) => `Varaamaton paikka siirtyi: ${s(d.title)}`,
      (d) =>
        `Sinulle varattua paikkaa kurssille ${s(d.title)} ei vahvistettu ajoissa, joten se siirtyi jonossa seuraavalle.`,
    ],
    sv: [
      (d) => `Platsen gick vidare: ${s(d.title)}`,
      (d) => `Platsen på ${s(d.title)} som var reserverad för dig bekräftades inte i tid och gick till nästa i kön.`,
    ],
    en: [
      (d) => `Unclaimed seat passed on: ${s(d.title)}`,
      (d) => `The seat held for you on ${s(d.title)} was not claimed in time and passed to the next in line.`,
    ],
  },
  SESSION_CANCELLED: {
    fi: [
      (d) =>
        d.cancelReason === 'MINIMUM_NOT_REACHED'
          ? `Kurssi peruttu, osallistujia liian vähän: ${s(d.title)}`
          : `Kurssi peruttu: ${s(d.title)}`,
      (d, w) =>
        [
          d.cancelReason === 'MINIMUM_NOT_REACHED'
            ? `Kurssi ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'fi')}) on peruttu, koska sen vähimmäisosallistujamäärä (${s(d.minParticipants)}) ei täyttynyt päätösaikaan ${w(d.decisionAt)} mennessä.`
            : `Järjestäjä perui kurssin ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'fi')}).`,
          d.role === 'PARTICIPANT' ? 'Varaus, jossa olit osallistujana, on peruttu.' : 'Varauksesi on peruttu.',
          d.previousState === 'CONFIRMED' ? 'Liitteenä oleva kalenteritiedosto poistaa tapahtuman kalenteristasi.' : '',
        ]
          .filter(Boolean)
          .join(' '),
    ],
    sv: [
      (d) =>
        d.cancelReason === 'MINIMUM_NOT_REACHED'
          ? `Kursen är inställd, för få deltagare: ${s(d.title)}`
          : `Kursen är inställd: ${s(d.title)}`,
      (d, w) =>
        [
          d.cancelReason === 'MINIMUM_NOT_REACHED'
            ? `Kursen ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'sv')}) är inställd eftersom minimiantalet deltagare (${s(d.minParticipants)}) inte nåddes före beslutstiden ${w(d.decisionAt)}.`
            : `Arrangören ställde in ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'sv')}).`,
          d.role === 'PARTICIPANT' ? 'Bokningen där du var deltagare är avbokad.' : 'Din bokning är avbokad.',
          d.previousState === 'CONFIRMED' ? 'Den bifogade kalenderfilen tar bort händelsen ur din kalender.' : '',
        ]
          .filter(Boolean)
          .join(' '),
    ],
    en: [
      (d) =>
        d.cancelReason === 'MINIMUM_NOT_REACHED'
          ? `Session cancelled, too few participants: ${s(d.title)}`
          : `Session cancelled: ${s(d.title)}`,
      (d, w) =>
        [
          d.cancelReason === 'MINIMUM_NOT_REACHED'
            ? `${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'en')}) is cancelled because it did not reach its minimum of ${s(d.minParticipants)} participants by the decision time, ${w(d.decisionAt)}.`
            : `The organiser cancelled ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'en')}).`,
          d.role === 'PARTICIPANT'
            ? 'The booking you were a participant of is cancelled.'
            : 'Your booking is cancelled.',
          d.previousState === 'CONFIRMED' ? 'The attached calendar file removes the event from your calendar.' : '',
        ]
          .filter(Boolean)
          .join(' '),
    ],
  },
  SESSION_CHANGED: {
    fi: [
      (d) => `Kurssin aika tai paikka muuttui: ${s(d.title)}`,
      (d, w) =>
        `Järjestäjä muutti kurssia ${s(d.title)}:\n${changeLines(d, 'fi', w)}\n\n${
          d.role === 'PARTICIPANT'
            ? d.state === 'CONFIRMED'
              ? 'Sinut on ilmoitettu kurssille osallistujaksi. Liitteenä oleva kalenteritiedosto päivittää tapahtuman kalenterissasi.'
              : 'Sinut on ilmoitettu kurssille osallistujaksi varauksella, joka odottaa vielä paikkaa.'
            : d.state === 'CONFIRMED'
              ? 'Varauksesi on voimassa uudella ajalla ja paikalla; liitteenä oleva kalenteritiedosto päivittää tapahtuman kalenterissasi. Jos et pääse, peru varaus, niin paikka vapautuu seuraavalle.'
              : d.state === 'OFFERED'
                ? `Sinulle varattu paikka koskee uutta aikaa ja paikkaa. Vahvista se viimeistään ${w(d.offeredUntil)}, jos pääset.`
                : 'Olet edelleen jonossa; jos paikka vapautuu, se on uudella ajalla ja paikalla.'
        }`,
    ],
    sv: [
      (d) => `Kursens tid eller plats har ändrats: ${s(d.title)}`,
      (d, w) =>
        `Arrangören ändrade ${s(d.title)}:\n${changeLines(d, 'sv', w)}\n\n${
          d.role === 'PARTICIPANT'
            ? d.state === 'CONFIRMED'
              ? 'Du är anmäld som deltagare. Den bifogade kalenderfilen uppdaterar händelsen i din kalender.'
              : 'Du är anmäld som deltagare i en bokning som ännu väntar på en plats.'
            : d.state === 'CONFIRMED'
              ? 'Din bokning gäller med den nya tiden och platsen; den bifogade kalenderfilen uppdaterar händelsen i din kalender. Om du inte kan komma, avboka så att platsen går till nästa i kön.'
              : d.state === 'OFFERED'
                ? `Platsen som är reserverad för dig gäller den nya tiden och platsen. Bekräfta den senast ${w(d.offeredUntil)}, om du kan komma.`
                : 'Du står kvar i kön; en plats som blir ledig gäller den nya tiden och platsen.'
        }`,
    ],
    en: [
      (d) => `Time or place changed: ${s(d.title)}`,
      (d, w) =>
        `The organiser changed ${s(d.title)}:\n${changeLines(d, 'en', w)}\n\n${
          d.role === 'PARTICIPANT'
            ? d.state === 'CONFIRMED'
              ? 'You are booked on it as a participant. The attached calendar file updates the event in your calendar.'
              : 'You are named as a participant in a booking that is still waiting for a seat.'
            : d.state === 'CONFIRMED'
              ? 'Your booking stands at the new time and place; the attached calendar file updates the event in your calendar. If you cannot come, cancel so that the seat goes to the next in line.'
              : d.state === 'OFFERED'
                ? `The seat held for you is at the new time and place. Claim it by ${w(d.offeredUntil)}, if you can come.`
                : 'You are still on the waitlist; a seat that frees will be at the new time and place.'
        }`,
    ],
  },
  SESSION_REMINDER: {
    fi: [
      (d, w) => `Muistutus: ${s(d.title)} ${w(d.startsAt)}`,
      (d, w) =>
        [
          `${d.role === 'PARTICIPANT' ? 'Sinut on ilmoitettu osallistujaksi kurssille' : 'Olet varannut kurssin'} ${s(d.title)}.`,
          `Aika: ${w(d.startsAt)}${d.endsAt ? ` – ${w(d.endsAt)}` : ''}.`,
          whereLine(d, 'fi'),
          d.mapUrl ? `Kartta:\n${s(d.mapUrl)}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
    ],
    sv: [
      (d, w) => `Påminnelse: ${s(d.title)} ${w(d.startsAt)}`,
      (d, w) =>
        [
          `${d.role === 'PARTICIPANT' ? 'Du är anmäld som deltagare till' : 'Du har bokat'} ${s(d.title)}.`,
          `Tid: ${w(d.startsAt)}${d.endsAt ? ` – ${w(d.endsAt)}` : ''}.`,
          whereLine(d, 'sv'),
          d.mapUrl ? `Karta:\n${s(d.mapUrl)}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
    ],
    en: [
      (d, w) => `Reminder: ${s(d.title)} on ${w(d.startsAt)}`,
      (d, w) =>
        [
          `${d.role === 'PARTICIPANT' ? 'You are booked as a participant on' : 'You have booked'} ${s(d.title)}.`,
          `When: ${w(d.startsAt)}${d.endsAt ? ` – ${w(d.endsAt)}` : ''}.`,
          whereLine(d, 'en'),
          d.mapUrl ? `Map:\n${s(d.mapUrl)}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
    ],
  },
  BOOKING_OFFER_EXPIRING: {
    fi: [
      (d, w) => `Vahvista paikkasi ${w(d.offeredUntil)} mennessä: ${s(d.title)}`,
      (d, w) =>
        `Sinulle varattu paikka kurssilla ${s(d.title)} (${w(d.startsAt)}) odottaa yhä vahvistustasi. Vahvista se viimeistään ${w(d.offeredUntil)}, muuten paikka siirtyy jonossa seuraavalle. Jos et pääse, kieltäydy paikasta, niin se vapautuu heti.`,
    ],
    sv: [
      (d, w) => `Bekräfta din plats senast ${w(d.offeredUntil)}: ${s(d.title)}`,
      (d, w) =>
        `Platsen som är reserverad för dig på ${s(d.title)} (${w(d.startsAt)}) väntar fortfarande på din bekräftelse. Bekräfta den senast ${w(d.offeredUntil)}, annars går den till nästa i kön. Om du inte kan komma, avböj platsen så blir den ledig genast.`,
    ],
    en: [
      (d, w) => `Claim your seat by ${w(d.offeredUntil)}: ${s(d.title)}`,
      (d, w) =>
        `The seat held for you on ${s(d.title)} (${w(d.startsAt)}) is still waiting for you. Claim it by ${w(d.offeredUntil)}, or it passes to the next in line. If you cannot come, decline it and it frees at once.`,
    ],
  },
  SESSION_MESSAGE: {
    fi: [
      (d) => `Viesti kurssin järjestäjältä: ${s(d.title)}`,
      (d, w) =>
        `${s(d.organisationName) || 'Järjestäjä'} kirjoittaa kurssin ${s(d.title)} (${w(d.startsAt)}) osallistujille:\n\n${s(d.message)}`,
    ],
    sv: [
      (d) => `Meddelande från kursens arrangör: ${s(d.title)}`,
      (d, w) =>
        `${s(d.organisationName) || 'Arrangören'} skriver till deltagarna i ${s(d.title)} (${w(d.startsAt)}):\n\n${s(d.message)}`,
    ],
    en: [
      (d) => `A message from the organiser: ${s(d.title)}`,
      (d, w) =>
        `${s(d.organisationName) || 'The organiser'} writes to everyone booked on ${s(d.title)} (${w(d.startsAt)}):\n\n${s(d.message)}`,
    ],
  },
  COURSE_BOOKING_RECEIVED: {
    fi: [
      (d) => `Uusi varaus: ${s(d.title)}`,
      (d, w) => `Kurssillenne ${s(d.title)} (${w(d.startsAt)}) varattiin ${s(d.count)} paikkaa. ${fill(d, 'fi')}`,
    ],
    sv: [
      (d) => `Ny bokning: ${s(d.title)}`,
      (d, w) => `${s(d.count)} platser bokades på er kurs ${s(d.title)} (${w(d.startsAt)}). ${fill(d, 'sv')}`,
    ],
    en: [
      (d) => `New booking: ${s(d.title)}`,
      (d, w) => `${s(d.count)} seat(s) were booked on your course ${s(d.title)} (${w(d.startsAt)}). ${fill(d, 'en')}`,
    ],
  },
  COURSE_BOOKING_CANCELLED: {
    fi: [
      (d) => `Varaus peruttu: ${s(d.title)}`,
      (d, w) =>
        `${d.event === 'BY_ORGANISER' ? 'Organisaationne peruutti varauksen' : d.event === 'BY_BOOKER' ? 'Varaaja perui varauksensa' : 'Varaus peruttiin'} (${s(d.count)} paikkaa) kurssilta ${s(d.title)} (${w(d.startsAt)}). ${fill(d, 'fi')}`,
    ],
    sv: [
      (d) => `Bokning avbokad: ${s(d.title)}`,
      (d, w) =>
        `${d.event === 'BY_ORGANISER' ? 'Er organisation avbokade en bokning' : d.event === 'BY_BOOKER' ? 'En bokare avbokade sin bokning' : 'En bokning avbokades'} (${s(d.count)} platser) på ${s(d.title)} (${w(d.startsAt)}). ${fill(d, 'sv')}`,
    ],
    en: [
      (d) => `Booking cancelled: ${s(d.title)}`,
      (d, w) =>
        `${d.event === 'BY_ORGANISER' ? 'Your organisation cancelled a booking' : d.event === 'BY_BOOKER' ? 'A booker cancelled their booking' : 'A booking was cancelled'} (${s(d.count)} seat(s)) on ${s(d.title)} (${w(d.startsAt)}). ${fill(d, 'en')}`,
    ],
  },
  COURSE_WAITLIST_CHANGED: {
    fi: [
      (d) => `Jono muuttui: ${s(d.title)}`,
      (d, w) =>
        `${WAITLIST.fi[s(d.event)] ?? 'Jono muuttui'} (${s(d.count)} paikkaa): ${s(d.title)}, ${w(d.startsAt)}. ${fill(d, 'fi')}`,
    ],
    sv: [
      (d) => `Kön ändrades: ${s(d.title)}`,
      (d, w) =>
        `${WAITLIST.sv[s(d.event)] ?? 'Kön ändrades'} (${s(d.count)} platser): ${s(d.title)}, ${w(d.startsAt)}. ${fill(d, 'sv')}`,
    ],
    en: [
      (d) => `Waitlist changed: ${s(d.title)}`,
      (d, w) =>
        `${WAITLIST.en[s(d.event)] ?? 'The waitlist changed'} (${s(d.count)} seat(s)): ${s(d.title)}, ${w(d.startsAt)}. ${fill(d, 'en')}`,
    ],
  },
  COURSE_SESSION_CANCELLED: {
    fi: [
      (d) =>
        d.cancelReason === 'MINIMUM_NOT_REACHED'
          ? `Kurssi peruttiin automaattisesti: ${s(d.title)}`
          : `Kurssi peruttu: ${s(d.title)}`,
      (d, w) =>
        `${
          d.cancelReason === 'MINIMUM_NOT_REACHED'
            ? `Kurssinne ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'fi')}) peruttiin automaattisesti, koska sen vähimmäisosallistujamäärä (${s(d.minParticipants)}) ei täyttynyt päätösaikaan ${w(d.decisionAt)} mennessä: varattuja paikkoja oli ${s(d.seatsTaken)}.`
            : `Kurssinne ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'fi')}) peruttiin.`
        } Varauksia peruttiin ${s(d.count)}, ja varaajille ja osallistujille ilmoitettiin.`,
    ],
    sv: [
      (d) =>
        d.cancelReason === 'MINIMUM_NOT_REACHED'
          ? `Kursen ställdes in automatiskt: ${s(d.title)}`
          : `Kursen är inställd: ${s(d.title)}`,
      (d, w) =>
        `${
          d.cancelReason === 'MINIMUM_NOT_REACHED'
            ? `Er kurs ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'sv')}) ställdes in automatiskt eftersom minimiantalet deltagare (${s(d.minParticipants)}) inte nåddes före beslutstiden ${w(d.decisionAt)}: ${s(d.seatsTaken)} platser var bokade.`
            : `Er kurs ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'sv')}) är inställd.`
        } ${s(d.count)} bokningar avbokades, och bokarna och deltagarna har meddelats.`,
    ],
    en: [
      (d) =>
        d.cancelReason === 'MINIMUM_NOT_REACHED'
          ? `Session cancelled automatically: ${s(d.title)}`
          : `Session cancelled: ${s(d.title)}`,
      (d, w) =>
        `${
          d.cancelReason === 'MINIMUM_NOT_REACHED'
            ? `Your session ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'en')}) was cancelled automatically because it did not reach its minimum of ${s(d.minParticipants)} participants by the decision time, ${w(d.decisionAt)}: ${s(d.seatsTaken)} seat(s) were booked.`
            : `Your session ${s(d.title)} (${w(d.startsAt)}${placeOf(d, 'en')}) was cancelled.`
        } ${s(d.count)} booking(s) were cancelled, and their bookers and participants have been told.`,
    ],
  },
  APPLICATION_RECEIVED: {
    fi: [(d) => `Uusi hakemus: ${s(d.needTitle)}`, (d) => `${s(d.studentName)} haki tehtävään ${s(d.needTitle)}.`],
    sv: [(d) => `Ny ansökan: ${s(d.needTitle)}`, (d) => `${s(d.studentName)} sökte ${s(d.needTitle)}.`],
    en: [(d) => `New application: ${s(d.needTitle)}`, (d) => `${s(d.studentName)} applied for ${s(d.needTitle)}.`],
  },
  APPLICATION_SHORTLISTED: {
    fi: [
      (d) => `Pääsit jatkoon: ${s(d.needTitle)}`,
      (d) => `${s(d.organisationName)} valitsi hakemuksesi jatkoon tehtävään ${s(d.needTitle)}.`,
    ],
    sv: [
      (d) => `Du gick vidare: ${s(d.needTitle)}`,
      (d) => `${s(d.organisationName)} tog din ansökan till ${s(d.needTitle)} vidare.`,
    ],
    en: [
      (d) => `Shortlisted: ${s(d.needTitle)}`,
      (d) => `${s(d.organisationName)} shortlisted your application for ${s(d.needTitle)}.`,
    ],
  },
  APPLICATION_OFFERED: {
    fi: [
      (d) => `Sinulle tarjotaan paikkaa: ${s(d.needTitle)}`,
      (d) =>
        `${s(d.organisationName)} tarjoaa sinulle paikkaa ${s(d.needTitle)}. Hyväksy tai hylkää tarjous palvelussa.`,
    ],
    sv: [
      (d) => `Du erbjuds platsen: ${s(d.needTitle)}`,
      (d) => `${s(d.organisationName)} erbjuder dig platsen ${s(d.needTitle)}. Tacka ja eller nej i tjänsten.`,
    ],
    en: [
      (d) => `You have an offer: ${s(d.needTitle)}`,
      (d) => `${s(d.organisationName)} offers you the place ${s(d.needTitle)}. Accept or decline it in the service.`,
    ],
  },
  APPLICATION_REJECTED: {
    fi: [
      (d) => `Hakemuksesi ei edennyt: ${s(d.needTitle)}`,
      (d) =>
        `${s(d.organisationName)} ei valinnut hakemustasi tehtävään ${s(d.needTitle)}.${d.reason ? ` Perustelu: ${s(d.reason)}` : ''}`,
    ],
    sv: [
      (d) => `Din ansökan gick inte vidare: ${s(d.needTitle)}`,
      (d) =>
        `${s(d.organisationName)} valde inte din ansökan till ${s(d.needTitle)}.${d.reason ? ` Motivering: ${s(d.reason)}` : ''}`,
    ],
    en: [
      (d) => `Application not taken forward: ${s(d.needTitle)}`,
      (d) =>
        `${s(d.organisationName)} did not take your application for ${s(d.needTitle)} forward.${d.reason ? ` Reason: ${s(d.reason)}` : ''}`,
    ],
  },
  APPLICATION_ACCEPTED: {
    fi: [
      (d) => `Tarjous hyväksytty: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} hyväksyi tarjouksenne: ${s(d.needTitle)}.`,
    ],
    sv: [
      (d) => `Erbjudandet antogs: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} tackade ja till ert erbjudande: ${s(d.needTitle)}.`,
    ],
    en: [
      (d) => `Offer accepted: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} accepted your offer: ${s(d.needTitle)}.`,
    ],
  },
  APPLICATION_DECLINED: {
    fi: [
      (d) => `Tarjous hylätty: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} ei ottanut vastaan tarjoustanne: ${s(d.needTitle)}.`,
    ],
    sv: [
      (d) => `Erbjudandet avböjdes: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} tackade nej till ert erbjudande: ${s(d.needTitle)}.`,
    ],
    en: [
      (d) => `Offer declined: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} declined your offer: ${s(d.needTitle)}.`,
    ],
  },
  APPLICATION_WITHDRAWN: {
    fi: [
      (d) => `Hakemus peruttu: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} perui hakemuksensa tehtävään ${s(d.needTitle)}.`,
    ],
    sv: [
      (d) => `Ansökan återkallades: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} återkallade sin ansökan till ${s(d.needTitle)}.`,
    ],
    en: [
      (d) => `Application withdrawn: ${s(d.needTitle)}`,
      (d) => `${s(d.studentName)} withdrew their application for ${s(d.needTitle)}.`,
    ],
  },
  NEED_FILLED: {
    fi: [
      (d) => `Paikat täytetty: ${s(d.needTitle)}`,
      (d) => `Kaikki paikat tehtävään ${s(d.needTitle)} on nyt täytetty. Kiitos hakemuksestasi!`,
    ],
    sv: [
      (d) => `Platserna är tillsatta: ${s(d.needTitle)}`,
      (d) => `Alla platser för ${s(d.needTitle)} är nu tillsatta. Tack för din ansökan!`,
    ],
    en: [
      (d) => `Positions filled: ${s(d.needTitle)}`,
      (d) => `All positions for ${s(d.needTitle)} are now filled. Thank you for applying!`,
    ],
  },
  MESSAGE_RECEIVED: {
    fi: [(d) => `Uusi viesti: ${s(d.subject)}`, (d) => `${s(d.authorName)} kirjoitti:\n\n${s(d.excerpt)}`],
    sv: [(d) => `Nytt meddelande: ${s(d.subject)}`, (d) => `${s(d.authorName)} skrev:\n\n${s(d.excerpt)}`],
    en: [(d) => `New message: ${s(d.subject)}`, (d) => `${s(d.authorName)} wrote:\n\n${s(d.excerpt)}`],
  },
  SAVED_SEARCH_RESULTS: {
    fi: [
      (d) => `Uusia tuloksia: ${s(d.name)} (${s(d.count)})`,
      (d) => `Tallennettu haku ${s(d.name)} löysi uutta:\n${titles(d)}`,
    ],
    sv: [
      (d) => `Nya träffar: ${s(d.name)} (${s(d.count)})`,
      (d) => `Den sparade sökningen ${s(d.name)} hittade nytt:\n${titles(d)}`,
    ],
    en: [
      (d) => `New results: ${s(d.name)} (${s(d.count)})`,
      (d) => `Your saved search ${s(d.name)} found something new:\n${titles(d)}`,
    ],
  },
  PROPOSAL_RECEIVED: {
    fi: [
      (d) => `Yhteistyöehdotus: ${s(d.needTitle)} – ${student(d.targetTitle, 'fi')}`,
      (d) =>
        `${student(d.actorName, 'fi', true)} ehdottaa yhteistyötä: ${s(d.needTitle)} (${s(d.organisationName)}) ja ${student(d.targetTitle, 'fi')}.${note(d)}\n\nHyväksy tai hylkää ehdotus palvelussa.`,
    ],
    sv: [
      (d) => `Förslag till samarbete: ${s(d.needTitle)} – ${student(d.targetTitle, 'sv')}`,
      (d) =>
        `${student(d.actorName, 'sv', true)} föreslår ett samarbete: ${s(d.needTitle)} (${s(d.organisationName)}) och ${student(d.targetTitle, 'sv')}.${note(d)}\n\nGodkänn eller avböj förslaget i tjänsten.`,
    ],
    en: [
      (d) => `Proposed match: ${s(d.needTitle)} – ${student(d.targetTitle, 'en')}`,
      (d) =>
        `${student(d.actorName, 'en', true)} proposes a match: ${s(d.needTitle)} (${s(d.organisationName)}) and ${student(d.targetTitle, 'en')}.${note(d)}\n\nAccept or decline the proposal in the service.`,
    ],
  },
  PROPOSAL_ACCEPTED: {
    fi: [
      (d) => `Ehdotus hyväksytty: ${s(d.needTitle)} – ${student(d.targetTitle, 'fi')}`,
      (d) =>
        `${student(d.actorName, 'fi', true)} hyväksyi yhteistyöehdotuksen: ${s(d.needTitle)} ja ${student(d.targetTitle, 'fi')}. Ehdotus odottaa vielä toisen osapuolen vastausta.`,
    ],
    sv: [
      (d) => `Förslaget godkändes: ${s(d.needTitle)} – ${student(d.targetTitle, 'sv')}`,
      (d) =>
        `${student(d.actorName, 'sv', true)} godkände förslaget till samarbete: ${s(d.needTitle)} och ${student(d.targetTitle, 'sv')}. Förslaget väntar ännu på den andra partens svar.`,
    ],
    en: [
      (d) => `Proposal accepted: ${s(d.needTitle)} – ${student(d.targetTitle, 'en')}`,
      (d) =>
        `${student(d.actorName, 'en', true)} accepted the proposed match: ${s(d.needTitle)} and ${student(d.targetTitle, 'en')}. It now waits for the other side's answer.`,
    ],
  },
  PROPOSAL_DECLINED: {
    fi: [
      (d) => `Ehdotus hylätty: ${s(d.needTitle)} – ${student(d.targetTitle, 'fi')}`,
      (d) =>
        `${student(d.actorName, 'fi', true)} hylkäsi yhteistyöehdotuksen: ${s(d.needTitle)} ja ${student(d.targetTitle, 'fi')}.`,
    ],
    sv: [
      (d) => `Förslaget avböjdes: ${s(d.needTitle)} – ${student(d.targetTitle, 'sv')}`,
      (d) =>
        `${student(d.actorName, 'sv', true)} avböjde förslaget till samarbete: ${s(d.needTitle)} och ${student(d.targetTitle, 'sv')}.`,
    ],
    en: [
      (d) => `Proposal declined: ${s(d.needTitle)} – ${student(d.targetTitle, 'en')}`,
      (d) =>
        `${student(d.actorName, 'en', true)} declined the proposed match: ${s(d.needTitle)} and ${student(d.targetTitle, 'en')}.`,
    ],
  },
  PROPOSAL_WITHDRAWN: {
    fi: [
      (d) => `Ehdotus peruttu: ${s(d.needTitle)} – ${student(d.targetTitle, 'fi')}`,
      (d) =>
        `${student(d.actorName, 'fi', true)} perui yhteistyöehdotuksen: ${s(d.needTitle)} ja ${student(d.targetTitle, 'fi')}.`,
    ],
    sv: [
      (d) => `Förslaget drogs tillbaka: ${s(d.needTitle)} – ${student(d.targetTitle, 'sv')}`,
      (d) =>
        `${student(d.actorName, 'sv', true)} drog tillbaka förslaget till samarbete: ${s(d.needTitle)} och ${student(d.targetTitle, 'sv')}.`,
    ],
    en: [
      (d) => `Proposal withdrawn: ${s(d.needTitle)} – ${student(d.targetTitle, 'en')}`,
      (d) =>
        `${student(d.actorName, 'en', true)} withdrew the proposed match: ${s(d.needTitle)} and ${student(d.targetTitle, 'en')}.`,
    ],
  },
  MATCH_MADE: {
    fi: [
      (d) => `Yhteistyö sovittu: ${s(d.needTitle)} – ${student(d.targetTitle, 'fi')}`,
      (d, w) =>
        `Molemmat osapuolet hyväksyivät ehdotuksen: ${s(d.needTitle)} (${s(d.organisationName)}) ja ${student(d.targetTitle, 'fi')}. ${matchNext(d, w, 'fi')}`,
    ],
    sv: [
      (d) => `Samarbetet är klart: ${s(d.needTitle)} – ${student(d.targetTitle, 'sv')}`,
      (d, w) =>
        `Båda parter godkände förslaget: ${s(d.needTitle)} (${s(d.organisationName)}) och ${student(d.targetTitle, 'sv')}. ${matchNext(d, w, 'sv')}`,
    ],
    en: [
      (d) => `Match made: ${s(d.needTitle)} – ${student(d.targetTitle, 'en')}`,
      (d, w) =>
        `Both sides accepted the proposal: ${s(d.needTitle)} (${s(d.organisationName)}) and ${student(d.targetTitle, 'en')}. ${matchNext(d, w, 'en')}`,
    ],
  },
  ORGANISATION_RENAMED: {
    fi: [
      (d) => `Tarkista ja vahvista uudelleen: ${s(d.title)}`,
      (d) =>
        `Vahvistettu organisaatio ${named(d.previousName, d.previousBusinessId)} muutti nimeään tai Y-tunnustaan: nyt ${named(d.title, d.businessId)}. Vahvistus poistettiin; tarkista organisaatio ja vahvista se uudelleen.`,
    ],
    sv: [
      (d) => `Kontrollera och verifiera igen: ${s(d.title)}`,
      (d) =>
        `Den verifierade organisationen ${named(d.previousName, d.previousBusinessId)} ändrade sitt namn eller FO-nummer: nu ${named(d.title, d.businessId)}. Verifieringen togs bort; kontrollera organisationen och verifiera den igen.`,
    ],
    en: [
      (d) => `Check and verify again: ${s(d.title)}`,
      (d) =>
        `The verified organisation ${named(d.previousName, d.previousBusinessId)} changed its name or business ID: it is now ${named(d.title, d.businessId)}. Its verification was removed; check the organisation and verify it again.`,
    ],
  },
  WEEKLY_SUMMARY: {
    fi: [
      (d) => `Viikkokooste: ${s(d.queueCount)} tarvetta odottaa välitystä`,
      (d) =>
        [
          `Välitysjonossa on ${s(d.queueCount)} tarvetta, joille ei ole vielä löytynyt tekijää. Avoimia ehdotuksia on ${s(d.openProposals)}.`,
          `Viime viikolla julkaistiin ${s(d.newNeeds)} uutta tarvetta ja syntyi ${s(d.matchesMade)} sopimusta.`,
          oldestLines(d, (days) => `${days} päivää`, 'Kauimmin odottaneet:'),
        ]
          .filter(Boolean)
          .join('\n\n'),
    ],
    sv: [
      (d) => `Veckosammandrag: ${s(d.queueCount)} behov väntar på förmedling`,
      (d) =>
        [
          `I förmedlingskön finns ${s(d.queueCount)} behov som ännu inte har någon match. Öppna förslag: ${s(d.openProposals)}.`,
          `Förra veckan publicerades ${s(d.newNeeds)} nya behov och ${s(d.matchesMade)} matchningar gjordes.`,
          oldestLines(d, (days) => `${days} dagar`, 'De som väntat längst:'),
        ]
          .filter(Boolean)
          .join('\n\n'),
    ],
    en: [
      (d) => `Weekly summary: ${s(d.queueCount)} needs waiting for brokering`,
      (d) =>
        [
          `The brokering queue holds ${s(d.queueCount)} needs with no match yet. Open proposals: ${s(d.openProposals)}.`,
          `Last week ${s(d.newNeeds)} new needs were published and ${s(d.matchesMade)} matches were made.`,
          oldestLines(d, (days) => `${days} days`, 'Waiting longest:'),
        ]
          .filter(Boolean)
          .join('\n\n'),
    ],
  },
};

/** The proposer's note, quoted, when the notification carries it. */
function note(d: Data): string {
  return d.excerpt ? `\n\n"${s(d.excerpt)}"` : '';
}

function titles(d: Data): string {
  const items = Array.isArray(d.titles) ? d.titles : [];
  return items.map((t) => `- ${s(t)}`).join('\n');
}

const OPEN: Record<Locale, string> = { fi: 'Avaa palvelussa', sv: 'Öppna i tjänsten', en: 'Open in the service' };
const DIGEST_SUBJECT: Record<Locale, (n: number) => string> = {
  fi: (n) => `Päivän kooste: ${n} ilmoitusta`,
  sv: (n) => `Dagens sammandrag: ${n} aviseringar`,
  en: (n) => `Your daily digest: ${n} notifications`,
};
const DIGEST_INTRO: Record<Locale, string> = {
  fi: 'Tässä koosteessa ovat ilmoituksesi edellisen koosteen jälkeen:',
  sv: 'Här är dina aviseringar sedan förra sammandraget:',
  en: 'Here are your notifications since the last digest:',
};

/** A file an e-mail carries. */
export interface EmailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface RenderedMessage {
  subject: string;
  /** The body (layout.ts renders it as text and as HTML). */
  blocks: Block[];
  attachments: EmailAttachment[];
  /** The notification type (or DIGEST) a one-click unsubscribe turns off. */
  unsubscribe: NotificationType | 'DIGEST';
}

/**
 * What another module adds to one notification's e-mail: files, and paragraphs after its link (a
 * paragraph's line that is only an address is a link in the HTML).
 */
export interface EmailAddition {
  attachments: EmailAttachment[];
  paragraphs: Block[];
}

/**
 * The port through which a module that owns what a notification reports adds to its e-mail, in
 * the recipient's language (bookings: the booking's calendar file and the link that cancels it).
 * The composition root (deps.ts) fills it in; messaging imports no such module.
 */
export type EmailAttachments = (
  deps: Pick<Deps, 'db' | 'config'>,
  notification: { type: NotificationType; data: Record<string, unknown>; recipient: string },
  locale: Locale,
) => Promise<EmailAddition>;

/** The notification's page, in the recipient's language. */
const link = (deps: Pick<Deps, 'config'>, data: Data, locale: Locale) =>
  pageUrl(deps.config, locale, s(data.path) || '/notifications');

/**
 * What an outbox message of the `notification` template reports: the notification it names, or
 * the notice it carries itself (an e-mail-only notice, `mailNotices`); null when the notification
 * no longer exists (the account was deleted) or the notice is not one this version knows.
 */
async function noticeOf(
  deps: Pick<Deps, 'db'>,
  outbox: { params: Record<string, unknown> },
): Promise<{ type: NotificationType; data: Data } | null> {
  const notice = outbox.params.notice as { type?: unknown; data?: unknown } | undefined;
  if (notice && typeof notice.type === 'string' && notice.type in TEXTS && notice.data) {
    return { type: notice.type as NotificationType, data: notice.data as Data };
  }
  const id = outbox.params.notificationId;
  if (typeof id !== 'string') return null;
  const [row] = await deps.db.select().from(notifications).where(eq(notifications.id, id));
  return row ? { type: row.type as NotificationType, data: row.data } : null;
}

/** One notification (or e-mail-only notice) as an e-mail to `outbox.toAddress`; null when it is gone. */
export async function renderNotificationEmail(
  deps: Pick<Deps, 'db' | 'config' | 'emailAttachments'>,
  outbox: { params: Record<string, unknown>; toAddress: string },
  locale: Locale,
): Promise<RenderedMessage | null> {
  const row = await noticeOf(deps, outbox);
  if (!row) return null;
  const type = row.type;
  const [subject, body] = TEXTS[type][locale];
  const when = (iso: unknown) => formatWhen(locale, iso);
  const addition = await deps.emailAttachments(deps, { type, data: row.data, recipient: outbox.toAddress }, locale);
  return {
    subject: subject(row.data, when),
    blocks: [body(row.data, when), { action: OPEN[locale], url: link(deps, row.data, locale) }, ...addition.paragraphs],
    attachments: addition.attachments,
    unsubscribe: type,
  };
}

/** The daily digest: one line and link per notification, oldest first. */
export async function renderDigestEmail(
  deps: Pick<Deps, 'db' | 'config'>,
  userId: string,
  notificationIds: string[],
  locale: Locale,
): Promise<RenderedMessage | null> {
  const rows = notificationIds.length
    ? await deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), inArray(notifications.id, notificationIds)))
        .orderBy(asc(notifications.createdAt))
    : [];
  if (!rows.length) return null;
  const when = (iso: unknown) => formatWhen(locale, iso);
  const links = rows.map((r) => {
    const [subject] = TEXTS[r.type as NotificationType][locale];
    return { text: subject(r.data, when), url: link(deps, r.data, locale) };
  });
  return {
    subject: DIGEST_SUBJECT[locale](rows.length),
    blocks: [DIGEST_INTRO[locale], { links }],
    attachments: [],
    unsubscribe: 'DIGEST',
  };
}
