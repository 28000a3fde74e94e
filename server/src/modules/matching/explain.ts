/**
 * A match's breakdown in plain words, in the reader's language:
 * "3 shared topics: Solar PV, Energy storage, Electrical installation · related: Pellets · 42 km ·
 *  6 weeks overlap · in Finnish".
 */
import { topicById, type Locale, type ScoredMatch } from '@keskusvaraamo/shared';

type Words = {
  shared: (n: number, list: string) => string;
  related: (list: string) => string;
  noTopics: string;
  km: (n: number) => string;
  remote: string;
  overlap: (days: number) => string;
  noOverlap: string;
  languages: Record<Locale, string>;
  inLanguage: (list: string) => string;
};

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

const WORDS: Record<Locale, Words> = {
  fi: {
    shared: (n, list) => `${n} ${plural(n, 'yhteinen aihe', 'yhteistä aihetta')}: ${list}`,
    related: (list) => `läheisiä aiheita: ${list}`,
    noTopics: 'ei yhteisiä aiheita',
    km: (n) => `${n} km`,
    remote: 'etänä',
    overlap: (d) =>
      d >= 14 ? `${Math.round(d / 7)} viikkoa päällekkäin` : `${d} ${plural(d, 'päivä', 'päivää')} päällekkäin`,
    noOverlap: 'ajankohdat eivät osu yhteen',
    languages: { fi: 'suomeksi', sv: 'ruotsiksi', en: 'englanniksi' },
    inLanguage: (list) => list,
  },
  sv: {
    shared: (n, list) => `${n} ${plural(n, 'gemensamt ämne', 'gemensamma ämnen')}: ${list}`,
    related: (list) => `närliggande ämnen: ${list}`,
    noTopics: 'inga gemensamma ämnen',
    km: (n) => `${n} km`,
    remote: 'på distans',
    overlap: (d) => (d >= 14 ? `${Math.round(d / 7)} veckor samtidigt` : `${d} ${plural(d, 'dag', 'dagar')} samtidigt`),
    noOverlap: 'tiderna överlappar inte',
    languages: { fi: 'finska', sv: 'svenska', en: 'engelska' },
    inLanguage: (list) => `på ${list}`,
  },
  en: {
    shared: (n, list) => `${n} shared ${plural(n, 'topic', 'topics')}: ${list}`,
    related: (list) => `related: ${list}`,
    noTopics: 'no shared topics',
    km: (n) => `${n} km`,
    remote: 'remote',
    overlap: (d) => (d >= 14 ? `${Math.round(d / 7)} weeks overlap` : `${d} ${plural(d, 'day', 'days')} overlap`),
    noOverlap: 'the periods do not overlap',
    languages: { fi: 'Finnish', sv: 'Swedish', en: 'English' },
    inLanguage: (list) => `in ${list}`,
  },
};

const label = (id: string, locale: Locale) => topicById(id)?.labels[locale] ?? id;

export function explainMatch(match: Pick<ScoredMatch, 'breakdown' | 'remote'>, locale: Locale): string {
  const w = WORDS[locale];
  const b = match.breakdown;
  const parts: string[] = [];
  parts.push(
    b.sharedTopics.length
      ? w.shared(b.sharedTopics.length, b.sharedTopics.map((t) => label(t, locale)).join(', '))
      : w.noTopics,
  );
  if (b.relatedTopics.length) parts.push(w.related(b.relatedTopics.map((t) => label(t, locale)).join(', ')));
  if (match.remote || b.distanceKm === 0) parts.push(match.remote ? w.remote : w.km(0));
  else if (b.distanceKm !== null) parts.push(w.km(b.distanceKm));
  if (b.overlapDays !== null) parts.push(b.overlapDays > 0 ? w.overlap(b.overlapDays) : w.noOverlap);
  if (b.sharedLanguages.length) parts.push(w.inLanguage(b.sharedLanguages.map((l) => w.languages[l]).join(', ')));
  return parts.join(' · ');
}
