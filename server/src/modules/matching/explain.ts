/**
 * A match's breakdown as a plain sentence, in the reader's language:
 * "Shared topics: Solar PV, Energy storage; related: Pellets, 42 km away, 6 weeks within your
 *  dates, in Finnish." Only what is true of the match is said: remote or online only when it
 * happens so (not because the need would also take it), the same municipality rather than
 * "0 km", and a session's room when it has less than the need's people.
 */
import { topicById, type Locale, type ScoredMatch } from '@keskusvaraamo/shared';

type Words = {
  shared: (n: number, list: string) => string;
  related: (list: string) => string;
  noTopics: string;
  km: (n: number) => string;
  sameMunicipality: string;
  remote: string;
  overlap: (days: number) => string;
  noOverlap: string;
  languages: Record<Locale, string>;
  inLanguage: (list: string) => string;
  seatsFor: (n: number) => string;
  and: string;
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const weeksOrDays = (d: number, weeks: (w: number) => string, days: (d: number) => string) =>
  d >= 14 ? weeks(Math.round(d / 7)) : days(d);

const WORDS: Record<Locale, Words> = {
  fi: {
    shared: (n, list) => `${plural(n, 'Yhteinen aihe', 'Yhteiset aiheet')}: ${list}`,
    related: (list) => `läheisiä aiheita: ${list}`,
    noTopics: 'Ei yhteisiä aiheita',
    km: (n) => `${n} km:n päässä`,
    sameMunicipality: 'samassa kunnassa',
    remote: 'etänä tai verkossa, ei matkaa',
    overlap: (d) =>
      weeksOrDays(
        d,
        (w) => `${w} viikkoa toivotulla ajalla`,
        (n) => `${n} ${plural(n, 'päivä', 'päivää')} toivotulla ajalla`,
      ),
    noOverlap: 'ei toivotulla ajalla',
    languages: { fi: 'suomeksi', sv: 'ruotsiksi', en: 'englanniksi' },
    inLanguage: (list) => list,
    seatsFor: (n) => `tilaa vain ${n} ${plural(n, 'hengelle', 'hengelle')}`,
    and: 'ja',
  },
  sv: {
    shared: (n, list) => `${plural(n, 'Gemensamt ämne', 'Gemensamma ämnen')}: ${list}`,
    related: (list) => `närliggande ämnen: ${list}`,
    noTopics: 'Inga gemensamma ämnen',
    km: (n) => `${n} km bort`,
    sameMunicipality: 'i samma kommun',
    remote: 'på distans eller online, ingen resa',
    overlap: (d) =>
      weeksOrDays(
        d,
        (w) => `${w} veckor inom önskad tid`,
        (n) => `${n} ${plural(n, 'dag', 'dagar')} inom önskad tid`,
      ),
    noOverlap: 'inte inom önskad tid',
    languages: { fi: 'finska', sv: 'svenska', en: 'engelska' },
    inLanguage: (list) => `på ${list}`,
    seatsFor: (n) => `plats för bara ${n}`,
    and: 'och',
  },
  en: {
    shared: (n, list) => `${plural(n, 'Shared topic', 'Shared topics')}: ${list}`,
    related: (list) => `related: ${list}`,
    noTopics: 'No shared topics',
    km: (n) => `${n} km away`,
    sameMunicipality: 'in the same municipality',
    remote: 'remote or online, no travel',
    overlap: (d) =>
      weeksOrDays(
        d,
        (w) => `${w} weeks within your dates`,
        (n) => `${n} ${plural(n, 'day', 'days')} within your dates`,
      ),
    noOverlap: 'outside your dates',
    languages: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
    inLanguage: (list) => `in ${list}`,
    seatsFor: (n) => `room for only ${n}`,
    and: 'and',
  },
};

const label = (id: string, locale: Locale) => topicById(id)?.labels[locale] ?? id;

/** "A, B and C" in the reader's language. */
function list(items: string[], and: string): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}` : (items[0] ?? '');
}

export function explainMatch(match: Pick<ScoredMatch, 'breakdown'>, locale: Locale): string {
  const w = WORDS[locale];
  const b = match.breakdown;
  const topics = b.sharedTopics.length
    ? w.shared(b.sharedTopics.length, b.sharedTopics.map((t) => label(t, locale)).join(', '))
    : w.noTopics;
  const related = b.relatedTopics.length
    ? `; ${w.related(b.relatedTopics.map((t) => label(t, locale)).join(', '))}`
    : '';
  const parts = [topics + related];
  if (b.remoteWork) parts.push(w.remote);
  else if (b.distanceKm === 0) parts.push(w.sameMunicipality);
  else if (b.distanceKm !== null) parts.push(w.km(b.distanceKm));
  if (b.overlapDays !== null) parts.push(b.overlapDays > 0 ? w.overlap(b.overlapDays) : w.noOverlap);
  if (b.sharedLanguages.length)
    parts.push(
      w.inLanguage(
        list(
          b.sharedLanguages.map((l) => w.languages[l]),
          w.and,
        ),
      ),
    );
  if (b.points.seats < 0 && b.seatsFree !== null) parts.push(w.seatsFor(b.seatsFree));
  return `${parts.join(', ')}.`;
}
