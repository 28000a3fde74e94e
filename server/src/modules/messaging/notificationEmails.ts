/**
 * Notification e-mails: one message per notification (EMAIL) or one digest of several (DIGEST),
 * in the recipient's language with times in Europe/Helsinki. What another module adds to a
 * message (a booking's `.ics` and its cancel link) comes from `deps.emailAttachments`.
 */
import type { Locale, NotificationType } from '@keskusvaraamo/shared';
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

/** Per type and language: the subject (also the digest line) and the body's first paragraph. */
const TEXTS: Record<NotificationType, Record<Locale, [Line, Line]>> = {
  BOOKING_CONFIRMED: {
    fi: [
      (d) => `Varaus vahvistettu: ${s(d.title)}`,
      (d, w) => `Varauksesi on vahvistettu: ${s(d.title)}, ${w(d.startsAt)}. Paikkoja: ${s(d.seats)}.`,
    ],
    sv: [
      (d) => `Bokningen är bekräftad: ${s(d.title)}`,
      (d, w) => `Din bokning är bekräftad: ${s(d.title)}, ${w(d.startsAt)}. Platser: ${s(d.seats)}.`,
    ],
    en: [
      (d) => `Booking confirmed: ${s(d.title)}`,
      (d, w) => `Your booking is confirmed: ${s(d.title)}, ${w(d.startsAt)}. Seats: ${s(d.seats)}.`,
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
      (d) => `Varaus peruttu: ${s(d.title)}`,
      (d, w) => `Varauksesi kurssille ${s(d.title)} (${w(d.startsAt)}) on peruttu.`,
    ],
    sv: [
      (d) => `Bokningen är avbokad: ${s(d.title)}`,
      (d, w) => `Din bokning till ${s(d.title)} (${w(d.startsAt)}) är avbokad.`,
    ],
    en: [
      (d) => `Booking cancelled: ${s(d.title)}`,
      (d, w) => `Your booking for ${s(d.title)} (${w(d.startsAt)}) has been cancelled.`,
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
      (d) => `Kurssi peruttu: ${s(d.title)}`,
      (d, w) => `Järjestäjä perui kurssin ${s(d.title)} (${w(d.startsAt)}). Varauksesi on peruttu.`,
    ],
    sv: [
      (d) => `Kursen är inställd: ${s(d.title)}`,
      (d, w) => `Arrangören ställde in ${s(d.title)} (${w(d.startsAt)}). Din bokning är avbokad.`,
    ],
    en: [
      (d) => `Session cancelled: ${s(d.title)}`,
      (d, w) => `The organiser cancelled ${s(d.title)} (${w(d.startsAt)}). Your booking is cancelled.`,
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
      (d) =>
        `Molemmat osapuolet hyväksyivät ehdotuksen: ${s(d.needTitle)} (${s(d.organisationName)}) ja ${student(d.targetTitle, 'fi')}. Sopikaa jatkosta ehdotuksen keskustelussa.`,
    ],
    sv: [
      (d) => `Samarbetet är klart: ${s(d.needTitle)} – ${student(d.targetTitle, 'sv')}`,
      (d) =>
        `Båda parter godkände förslaget: ${s(d.needTitle)} (${s(d.organisationName)}) och ${student(d.targetTitle, 'sv')}. Kom överens om fortsättningen i förslagets diskussion.`,
    ],
    en: [
      (d) => `Match made: ${s(d.needTitle)} – ${student(d.targetTitle, 'en')}`,
      (d) =>
        `Both sides accepted the proposal: ${s(d.needTitle)} (${s(d.organisationName)}) and ${student(d.targetTitle, 'en')}. Agree on what comes next in the proposal's conversation.`,
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
  paragraphs: string[];
}

/**
 * The port through which a module that owns what a notification reports adds to its e-mail, in
 * the recipient's language (bookings: the booking's calendar file and the link that cancels it).
 * The composition root (deps.ts) fills it in; messaging imports no such module.
 */
export type EmailAttachments = (
  deps: Pick<Deps, 'db' | 'config'>,
  notification: { type: NotificationType; data: Record<string, unknown> },
  locale: Locale,
) => Promise<EmailAddition>;

/** The notification's page, in the recipient's language. */
const link = (deps: Pick<Deps, 'config'>, data: Data, locale: Locale) =>
  pageUrl(deps.config, locale, s(data.path) || '/notifications');

/** One notification as an e-mail; null when it no longer exists (the account was deleted). */
export async function renderNotificationEmail(
  deps: Pick<Deps, 'db' | 'config' | 'emailAttachments'>,
  notificationId: string,
  locale: Locale,
): Promise<RenderedMessage | null> {
  const [row] = await deps.db.select().from(notifications).where(eq(notifications.id, notificationId));
  if (!row) return null;
  const type = row.type as NotificationType;
  const [subject, body] = TEXTS[type][locale];
  const when = (iso: unknown) => formatWhen(locale, iso);
  const addition = await deps.emailAttachments(deps, { type, data: row.data }, locale);
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
