/**
 * Cluster reporting: the period a report covers, the period it is compared with, and every figure's
 * name and definition in the three languages. The server computes the figures, writes the CSV with
 * these labels and answers GraphQL; the web shows the same labels and definitions beside each
 * figure, so what the auditor reads is what the product computes. README "Cluster reporting" says
 * the same in English.
 */
import type { NeedKind, NeedState } from './marketplaceKinds.js';
import type { Locale } from './roles.js';

/** How a match was made: a proposal both sides accepted, an application accepted, a course booked for a COURSE need. */
export const MATCH_HOWS = ['PROPOSAL', 'APPLICATION', 'BOOKING'] as const;
export type MatchHow = (typeof MATCH_HOWS)[number];

/** The EU common indicators the cluster reports. */
export const REPORT_INDICATORS = ['RCO01', 'RCO10', 'RCR97', 'RCR98'] as const;
export type ReportIndicator = (typeof REPORT_INDICATORS)[number];

/** The regional centre: activity elsewhere is the "outside Rovaniemi" share. */
export const ROVANIEMI_CODE = '698';

/** Public figures below this (1–4) are shown as "fewer than 5", so that nobody can be identified. */
export const SMALL_COUNT_LIMIT = 5;

/** A report covers at most this many days (five years), and dates between these bounds. */
export const REPORT_MAX_DAYS = 1827;
/** The earliest and the latest day a report may cover. */
export const REPORT_EARLIEST_DAY = '2000-01-01';
export const REPORT_LATEST_DAY = '2100-12-31';

export const REPORT_PRESETS = ['THIS_YEAR', 'LAST_YEAR', 'QUARTER', 'LAST_12_MONTHS', 'CUSTOM'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

/** Calendar dates, "YYYY-MM-DD", both days included, in Helsinki time. */
export interface ReportPeriod {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => toIso(new Date(toDate(iso).getTime() + n * DAY));
/** The same day `n` months on, or the month's last day when it has no such day (31.3. − 1 month = 28.2.). */
const addMonths = (iso: string, n: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return toIso(first);
};
/** Days in the period, both ends included. */
export const periodDays = (p: ReportPeriod) =>
  Math.round((toDate(p.to).getTime() - toDate(p.from).getTime()) / DAY) + 1;

/** Whether [from, to] is `months` whole calendar months starting on a month's first day. */
function wholeMonths(p: ReportPeriod): number | null {
  if (!p.from.endsWith('-01') || addDays(p.to, 1).slice(8) !== '01') return null;
  const [fy, fm] = p.from.split('-').map(Number) as [number, number];
  const end = addDays(p.to, 1);
  const [ty, tm] = end.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * The period a report is compared with: the same length immediately before. Whole calendar months,
 * quarters and years are compared with the same number of calendar months before (a year with the
 * year before, Q2 with Q1, whatever their lengths in days); any other period with the same number
 * of days before it.
 */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  const months = wholeMonths(p);
  if (months) return { from: addMonths(p.from, -months), to: addDays(p.from, -1) };
  const days = periodDays(p);
  return { from: addDays(p.from, -days), to: addDays(p.from, -1) };
}

/** The quarter (1–4) a date falls in. */
export const quarterOf = (iso: string) => Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;

/**
 * The period of a preset, counted from `today` (a Helsinki date). A quarter needs its year and
 * number; CUSTOM has no period of its own.
 */
export function presetPeriod(
  preset: Exclude<ReportPreset, 'CUSTOM'>,
  today: string,
  quarter?: { year: number; quarter: number },
): ReportPeriod {
  const year = Number(today.slice(0, 4));
  switch (preset) {
    case 'THIS_YEAR':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'LAST_YEAR':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'QUARTER': {
      const q = quarter ?? { year, quarter: quarterOf(today) };
      const from = `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
      return { from, to: addDays(addMonths(from, 3), -1) };
    }
    case 'LAST_12_MONTHS':
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

/** The figures of the coordinator's report, in the order the report and the CSV show them. */
export const REPORT_FIGURES = [
  'needsPosted',
  'needsByKindAndState',
  'newNeedsPerMonth',
  'matchesMade',
  'matchesByHow',
  'medianDaysToFirstMatch',
  'medianDaysToFilled',
  'coursesHeld',
  'sessionsHeld',
  'seatsBooked',
  'participantsAttended',
  'attendanceRate',
  'sessionsCancelledTooFew',
  'placementsFilled',
  'companiesServed',
  'peopleServed',
  'shareOutsideRovaniemi',
  'activeCompanies',
  'activeEducationalOrganisations',
  'verifiedMembers',
  'newMembers',
  'RCO01',
  'RCO10',
  'RCR97',
  'RCR98',
  'unmetDemand',
] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

interface FigureText {
  label: string;
  /** How the product computes it, in a sentence or two: what an auditor checks. */
  definition: string;
}

/**
 * Labels and definitions. "In the period" means between 00:00 on the first day and 24:00 on the last,
 * Helsinki time. Every figure is computed from anonymous facts recorded when things happened, so a
 * period's figures do not change when a person's data is later deleted or anonymised.
 */
export const REPORT_TEXTS: Record<Locale, Record<ReportFigure, FigureText>> = {
  en: {
    needsPosted: {
      label: 'Needs posted',
      definition: 'Needs published (moved from draft to open) in the period, all kinds.',
    },
    needsByKindAndState: {
      label: 'Needs by kind and state',
      definition:
        'Needs published in the period, by kind and by their state at the end of the period (open, filled, closed or expired).',
    },
    newNeedsPerMonth: {
      label: 'New needs per month',
      definition: 'Needs published in each calendar month of the period, by kind.',
    },
    matchesMade: {
      label: 'Matches made',
      definition:
        'Proposals accepted by both sides, applications accepted by the student, and course seats booked for a course need, made in the period.',
    },
    matchesByHow: {
      label: 'Matches by how they were made',
      definition: 'Matches made in the period: proposal accepted, application accepted, or course booked for a need.',
    },
    medianDaysToFirstMatch: {
      label: 'Median days from posting to first match',
      definition:
        'For needs whose first match was made in the period: the median of the days from publication to that first match.',
    },
    medianDaysToFilled: {
      label: 'Median days from posting to filled',
      definition:
        'For needs that became filled in the period: the median of the days from publication to the moment every position was taken.',
    },
    coursesHeld: {
      label: 'Courses held',
      definition: 'Courses with at least one session held in the period.',
    },
    sessionsHeld: {
      label: 'Sessions held',
      definition: 'Course sessions that started in the period, have ended and were not cancelled.',
    },
    seatsBooked: {
      label: 'Seats booked',
      definition: 'Seats in confirmed bookings on the sessions held in the period.',
    },
    participantsAttended: {
      label: 'Participants attended',
      definition: 'Participants the organiser marked present on the sessions held in the period.',
    },
    attendanceRate: {
      label: 'Attendance rate',
      definition:
        'Participants marked present divided by the participants of the confirmed bookings whose attendance was marked, on the sessions held in the period.',
    },
    sessionsCancelledTooFew: {
      label: 'Sessions cancelled for too few participants',
      definition:
        'Sessions cancelled in the period because their minimum number of participants was not reached by the decision date.',
    },
    placementsFilled: {
      label: 'Placements filled',
      definition:
        'Internship, summer job and thesis positions taken in the period: applications accepted by the student and student proposals accepted by both sides.',
    },
    companiesServed: {
      label: 'Companies served',
      definition:
        'Companies that, in the period, got a match for a need or had staff booked on a session held; by the company’s municipality.',
    },
    peopleServed: {
      label: 'People served',
      definition:
        'Seats booked on the sessions held in the period plus placements filled in the period; by the municipality of the session or the placement (online sessions by the booking company’s municipality).',
    },
    shareOutsideRovaniemi: {
      label: 'Share of activity outside Rovaniemi',
      definition:
        'Of the needs posted, sessions held and matches made in the period that have a municipality, the share located outside Rovaniemi.',
    },
    activeCompanies: {
      label: 'Active companies',
      definition: 'Companies that posted a need, got a match or had staff on a session held in the period.',
    },
    activeEducationalOrganisations: {
      label: 'Active educational organisations',
      definition:
        'Educational organisations and training bodies that held a session, or were matched through a course or student pool, in the period.',
    },
    verifiedMembers: {
      label: 'Verified cluster members',
      definition: 'Organisations verified as cluster members by a coordinator, as at the end of the period.',
    },
    newMembers: {
      label: 'New members',
      definition: 'Organisations verified as cluster members in the period.',
    },
    RCO01: {
      label: 'RCO01 Enterprises supported',
      definition:
        'Distinct companies that, in the period, got a match for a need or had staff attend (marked present) a session held.',
    },
    RCO10: {
      label: 'RCO10 Enterprises cooperating with research organisations',
      definition:
        'Distinct companies that, in the period, were matched with an educational organisation (its course or student pool, or one of its students placed) or had staff attend a session of an educational organisation’s course.',
    },
    RCR97: {
      label: 'RCR97 Apprenticeships supported in SMEs',
      definition:
        'Placements (internships, summer jobs, theses) filled in the period in companies, all of which are counted as SMEs.',
    },
    RCR98: {
      label: 'RCR98 SME staff completing training',
      definition:
        'Participants booked by a company and marked present on sessions held in the period (a person on two sessions counts twice).',
    },
    unmetDemand: {
      label: 'Unmet demand',
      definition:
        'Open course and placement needs, by topic and municipality, that no published course with a session ahead (for course needs) or published student pool of the same kind (for placements) shares a topic with.',
    },
  },
  fi: {
    needsPosted: {
      label: 'Julkaistut tarpeet',
      definition: 'Jaksolla julkaistut (luonnoksesta avoimeksi) tarpeet, kaikki lajit.',
    },
    needsByKindAndState: {
      label: 'Tarpeet lajin ja tilan mukaan',
      definition:
        'Jaksolla julkaistut tarpeet lajeittain ja sen mukaan, missä tilassa ne olivat jakson lopussa (avoin, täytetty, suljettu tai vanhentunut).',
    },
    newNeedsPerMonth: {
      label: 'Uudet tarpeet kuukausittain',
      definition: 'Kunakin jakson kalenterikuukautena julkaistut tarpeet lajeittain.',
    },
    matchesMade: {
      label: 'Syntyneet yhteydet',
      definition:
        'Jaksolla molempien osapuolten hyväksymät ehdotukset, opiskelijan hyväksymät hakemukset ja kurssitarpeelle varatut kurssipaikat.',
    },
    matchesByHow: {
      label: 'Yhteydet syntytavan mukaan',
      definition: 'Jaksolla syntyneet yhteydet: hyväksytty ehdotus, hyväksytty hakemus tai tarpeelle varattu kurssi.',
    },
    medianDaysToFirstMatch: {
      label: 'Mediaani päivinä julkaisusta ensimmäiseen yhteyteen',
      definition:
        'Tarpeista, joiden ensimmäinen yhteys syntyi jaksolla: julkaisusta ensimmäiseen yhteyteen kuluneiden päivien mediaani.',
    },
    medianDaysToFilled: {
      label: 'Mediaani päivinä julkaisusta täyttymiseen',
      definition:
        'Jaksolla täyttyneistä tarpeista: julkaisusta siihen, kun kaikki paikat oli täytetty, kuluneiden päivien mediaani.',
    },
    coursesHeld: {
      label: 'Järjestetyt kurssit',
      definition: 'Kurssit, joilla oli jaksolla vähintään yksi toteutunut toteutuskerta.',
    },
    sessionsHeld: {
      label: 'Toteutuneet toteutuskerrat',
      definition: 'Jaksolla alkaneet, päättyneet ja peruuttamattomat toteutuskerrat.',
    },
    seatsBooked: {
      label: 'Varatut paikat',
      definition: 'Vahvistettujen varausten paikat jaksolla toteutuneilla toteutuskerroilla.',
    },
    participantsAttended: {
      label: 'Osallistuneet',
      definition: 'Osallistujat, jotka järjestäjä merkitsi läsnä oleviksi jaksolla toteutuneilla toteutuskerroilla.',
    },
    attendanceRate: {
      label: 'Osallistumisaste',
      definition:
        'Läsnä oleviksi merkityt jaettuna niiden vahvistettujen varausten osallistujilla, joiden läsnäolo on merkitty, jakson toteutuneilla toteutuskerroilla.',
    },
    sessionsCancelledTooFew: {
      label: 'Liian vähien osallistujien vuoksi perutut',
      definition:
        'Jaksolla perutut toteutuskerrat, joiden vähimmäisosallistujamäärä ei täyttynyt päätöspäivään mennessä.',
    },
    placementsFilled: {
      label: 'Täytetyt harjoittelu-, kesätyö- ja opinnäytepaikat',
      definition:
        'Jaksolla täytetyt paikat: opiskelijan hyväksymät hakemukset ja molempien hyväksymät opiskelijaehdotukset.',
    },
    companiesServed: {
      label: 'Palvellut yritykset',
      definition:
        'Yritykset, jotka jaksolla saivat tarpeelleen yhteyden tai joiden henkilöstölle oli varattu paikka toteutuneella kurssilla; yrityksen kunnan mukaan.',
    },
    peopleServed: {
      label: 'Palvellut henkilöt',
      definition:
        'Jakson toteutuneiden toteutuskertojen varatut paikat ja jaksolla täytetyt paikat; toteutuskerran tai paikan kunnan mukaan (verkkokurssit varanneen yrityksen kunnan mukaan).',
    },
    shareOutsideRovaniemi: {
      label: 'Toiminnan osuus Rovaniemen ulkopuolella',
      definition:
        'Jakson julkaistuista tarpeista, toteutuneista toteutuskerroista ja syntyneistä yhteyksistä, joilla on kunta, Rovaniemen ulkopuolella olevien osuus.',
    },
    activeCompanies: {
      label: 'Aktiiviset yritykset',
      definition:
        'Yritykset, jotka jaksolla julkaisivat tarpeen, saivat yhteyden tai joiden henkilöstöä oli toteutuneella kurssilla.',
    },
    activeEducationalOrganisations: {
      label: 'Aktiiviset oppilaitokset',
      definition:
        'Oppilaitokset ja koulutusorganisaatiot, joilla oli jaksolla toteutunut toteutuskerta tai jotka saivat yhteyden kurssin tai opiskelijaryhmän kautta.',
    },
    verifiedMembers: {
      label: 'Vahvistetut klusterin jäsenet',
      definition: 'Koordinaattorin klusterin jäseniksi vahvistamat organisaatiot jakson lopussa.',
    },
    newMembers: { label: 'Uudet jäsenet', definition: 'Jaksolla klusterin jäseniksi vahvistetut organisaatiot.' },
    RCO01: {
      label: 'RCO01 Tuetut yritykset',
      definition:
        'Eri yritykset, jotka jaksolla saivat tarpeelleen yhteyden tai joiden henkilöstöä merkittiin läsnä olevaksi toteutuneella kurssilla.',
    },
    RCO10: {
      label: 'RCO10 Tutkimusorganisaatioiden kanssa yhteistyötä tekevät yritykset',
      definition:
        'Eri yritykset, jotka jaksolla saivat yhteyden oppilaitokseen (sen kurssi tai opiskelijaryhmä tai sen opiskelija paikkaan) tai joiden henkilöstö osallistui oppilaitoksen kurssille.',
    },
    RCR97: {
      label: 'RCR97 Pk-yrityksissä tuetut harjoittelupaikat',
      definition:
        'Jaksolla yrityksissä täytetyt harjoittelu-, kesätyö- ja opinnäytepaikat; kaikki yritykset lasketaan pk-yrityksiksi.',
    },
    RCR98: {
      label: 'RCR98 Koulutuksen suorittanut pk-yritysten henkilöstö',
      definition:
        'Yrityksen varaamat osallistujat, jotka merkittiin läsnä oleviksi jakson toteutuneilla toteutuskerroilla (kahdella kerralla ollut lasketaan kahdesti).',
    },
    unmetDemand: {
      label: 'Vastaamaton kysyntä',
      definition:
        'Avoimet kurssi- ja paikkatarpeet aiheittain ja kunnittain, joiden kanssa yhteistä aihetta ei ole yhdelläkään julkaistulla kurssilla, jolla on tuleva toteutuskerta (kurssitarpeet), eikä saman lajin julkaistulla opiskelijaryhmällä (paikat).',
    },
  },
  sv: {
    needsPosted: {
      label: 'Publicerade behov',
      definition: 'Behov som publicerades (från utkast till öppet) under perioden, alla slag.',
    },
    needsByKindAndState: {
      label: 'Behov efter slag och läge',
      definition:
        'Behov som publicerades under perioden, efter slag och efter läget vid periodens slut (öppet, tillsatt, stängt eller utgånget).',
    },
    newNeedsPerMonth: {
      label: 'Nya behov per månad',
      definition: 'Behov som publicerades varje kalendermånad under perioden, efter slag.',
    },
    matchesMade: {
      label: 'Matchningar',
      definition:
        'Förslag som båda parter godkänt, ansökningar som studeranden godkänt och kursplatser bokade för ett kursbehov, under perioden.',
    },
    matchesByHow: {
      label: 'Matchningar efter hur de uppstod',
      definition: 'Matchningar under perioden: godkänt förslag, godkänd ansökan eller kurs bokad för ett behov.',
    },
    medianDaysToFirstMatch: {
      label: 'Median dagar från publicering till första matchning',
      definition:
        'För behov vars första matchning gjordes under perioden: medianen av dagarna från publicering till den första matchningen.',
    },
    medianDaysToFilled: {
      label: 'Median dagar från publicering till tillsatt',
      definition:
        'För behov som blev tillsatta under perioden: medianen av dagarna från publicering till att alla platser var tagna.',
    },
    coursesHeld: { label: 'Genomförda kurser', definition: 'Kurser med minst ett genomfört tillfälle under perioden.' },
    sessionsHeld: {
      label: 'Genomförda kurstillfällen',
      definition: 'Kurstillfällen som började under perioden, har slutat och inte ställdes in.',
    },
    seatsBooked: {
      label: 'Bokade platser',
      definition: 'Platser i bekräftade bokningar på tillfällen som genomfördes under perioden.',
    },
    participantsAttended: {
      label: 'Deltagare närvarande',
      definition: 'Deltagare som arrangören markerade som närvarande på tillfällen som genomfördes under perioden.',
    },
    attendanceRate: {
      label: 'Närvarograd',
      definition:
        'Närvarande delat med deltagarna i de bekräftade bokningar där närvaron markerades, på periodens genomförda tillfällen.',
    },
    sessionsCancelledTooFew: {
      label: 'Tillfällen inställda för för få deltagare',
      definition:
        'Tillfällen som ställdes in under perioden för att minimiantalet deltagare inte nåddes före beslutsdagen.',
    },
    placementsFilled: {
      label: 'Tillsatta praktik-, sommarjobbs- och examensarbetsplatser',
      definition:
        'Platser som tillsattes under perioden: ansökningar som studeranden godkänt och studerandeförslag som båda parter godkänt.',
    },
    companiesServed: {
      label: 'Företag som fått service',
      definition:
        'Företag som under perioden fick en matchning för ett behov eller hade personal bokad på ett genomfört tillfälle; efter företagets kommun.',
    },
    peopleServed: {
      label: 'Personer som fått service',
      definition:
        'Bokade platser på periodens genomförda tillfällen och platser tillsatta under perioden; efter tillfällets eller platsens kommun (webbkurser efter det bokande företagets kommun).',
    },
    shareOutsideRovaniemi: {
      label: 'Andel av verksamheten utanför Rovaniemi',
      definition:
        'Av periodens publicerade behov, genomförda tillfällen och matchningar som har en kommun, andelen utanför Rovaniemi.',
    },
    activeCompanies: {
      label: 'Aktiva företag',
      definition:
        'Företag som publicerade ett behov, fick en matchning eller hade personal på ett genomfört tillfälle under perioden.',
    },
    activeEducationalOrganisations: {
      label: 'Aktiva läroanstalter',
      definition:
        'Läroanstalter och utbildningsorganisationer som höll ett tillfälle eller matchades via en kurs eller studerandegrupp under perioden.',
    },
    verifiedMembers: {
      label: 'Verifierade klustermedlemmar',
      definition: 'Organisationer som en koordinator verifierat som klustermedlemmar, vid periodens slut.',
    },
    newMembers: {
      label: 'Nya medlemmar',
      definition: 'Organisationer som verifierades som klustermedlemmar under perioden.',
    },
    RCO01: {
      label: 'RCO01 Företag som får stöd',
      definition:
        'Olika företag som under perioden fick en matchning för ett behov eller hade personal markerad närvarande på ett genomfört tillfälle.',
    },
    RCO10: {
      label: 'RCO10 Företag som samarbetar med forskningsorganisationer',
      definition:
        'Olika företag som under perioden matchades med en läroanstalt (dess kurs eller studerandegrupp, eller en av dess studerande på en plats) eller hade personal närvarande på en läroanstalts kurs.',
    },
    RCR97: {
      label: 'RCR97 Praktikplatser med stöd i små och medelstora företag',
      definition:
        'Platser (praktik, sommarjobb, examensarbete) tillsatta under perioden i företag, som alla räknas som små och medelstora.',
    },
    RCR98: {
      label: 'RCR98 Personal i små och medelstora företag som genomgått utbildning',
      definition:
        'Deltagare bokade av ett företag och markerade närvarande på periodens genomförda tillfällen (den som deltog två gånger räknas två gånger).',
    },
    unmetDemand: {
      label: 'Obesvarad efterfrågan',
      definition:
        'Öppna kurs- och platsbehov, efter ämne och kommun, som ingen publicerad kurs med ett kommande tillfälle (kursbehov) eller publicerad studerandegrupp av samma slag (platser) har ett gemensamt ämne med.',
    },
  },
};

interface BreakdownTexts {
  /** The export's column headings; `current` and `previous` are followed by the period's dates. */
  columns: {
    section: string;
    figure: string;
    breakdown: string;
    current: string;
    previous: string;
    definition: string;
  };
  sections: Record<'needs' | 'matches' | 'courses' | 'placements' | 'reach' | 'organisations' | 'indicators', string>;
  kinds: Record<NeedKind, string>;
  /** The state a need was in at the end of the period (never a draft). */
  states: Record<Exclude<NeedState, 'DRAFT'>, string>;
  hows: Record<MatchHow, string>;
  /** Reach with no municipality: online sessions that no company's municipality places. */
  noMunicipality: string;
  /** The spreadsheet's sheet name (at most 31 characters). */
  sheet: string;
}

/**
 * The few words the exports need beside REPORT_TEXTS: column headings, sections and the breakdowns
 * (need kinds and states as the web app names them, how a match was made).
 */
export const REPORT_BREAKDOWN_TEXTS: Record<Locale, BreakdownTexts> = {
  en: {
    columns: {
      section: 'Section',
      figure: 'Figure',
      breakdown: 'Breakdown',
      current: 'Period',
      previous: 'Previous period',
      definition: 'Definition',
    },
    sections: {
      needs: 'Needs',
      matches: 'Matches',
      courses: 'Courses',
      placements: 'Placements',
      reach: 'Reach',
      organisations: 'Organisations',
      indicators: 'EU indicators',
    },
    kinds: { COURSE: 'Training', INTERNSHIP: 'Internship', SUMMER_JOB: 'Summer job', THESIS: 'Thesis' },
    states: { OPEN: 'Open', FILLED: 'Filled', CLOSED: 'Closed', EXPIRED: 'Expired' },
    hows: { PROPOSAL: 'Proposal accepted', APPLICATION: 'Application accepted', BOOKING: 'Course booked for a need' },
    noMunicipality: 'No municipality (online)',
    sheet: 'Cluster report',
  },
  fi: {
    columns: {
      section: 'Osio',
      figure: 'Luku',
      breakdown: 'Erittely',
      current: 'Jakso',
      previous: 'Edellinen jakso',
      definition: 'Määritelmä',
    },
    sections: {
      needs: 'Tarpeet',
      matches: 'Yhteydet',
      courses: 'Koulutukset',
      placements: 'Harjoittelut ja työt',
      reach: 'Tavoittavuus',
      organisations: 'Organisaatiot',
      indicators: 'EU-indikaattorit',
    },
    kinds: { COURSE: 'Koulutus', INTERNSHIP: 'Harjoittelu', SUMMER_JOB: 'Kesätyö', THESIS: 'Opinnäytetyö' },
    states: { OPEN: 'Avoinna', FILLED: 'Täytetty', CLOSED: 'Suljettu', EXPIRED: 'Vanhentunut' },
    hows: {
      PROPOSAL: 'Ehdotus hyväksytty',
      APPLICATION: 'Hakemus hyväksytty',
      BOOKING: 'Kurssi varattu tarpeeseen',
    },
    noMunicipality: 'Ei kuntaa (verkossa)',
    sheet: 'Klusteriraportti',
  },
  sv: {
    columns: {
      section: 'Avsnitt',
      figure: 'Tal',
      breakdown: 'Fördelning',
      current: 'Period',
      previous: 'Föregående period',
      definition: 'Definition',
    },
    sections: {
      needs: 'Behov',
      matches: 'Matchningar',
      courses: 'Utbildningar',
      placements: 'Praktik och jobb',
      reach: 'Räckvidd',
      organisations: 'Organisationer',
      indicators: 'EU-indikatorer',
    },
    kinds: { COURSE: 'Utbildning', INTERNSHIP: 'Praktik', SUMMER_JOB: 'Sommarjobb', THESIS: 'Examensarbete' },
    states: { OPEN: 'Öppet', FILLED: 'Tillsatt', CLOSED: 'Stängt', EXPIRED: 'Utgånget' },
    hows: {
      PROPOSAL: 'Förslag godkänt',
      APPLICATION: 'Ansökan godkänd',
      BOOKING: 'Kurs bokad för ett behov',
    },
    noMunicipality: 'Ingen kommun (på webben)',
    sheet: 'Klusterrapport',
  },
};
