/**
 * Topic names as search words: which topics a word of a search text names, in Finnish, Swedish or
 * English. The taxonomy (shared/src/data/topics.json) is small and fixed, so this runs in JS once
 * per search over the names (never per row); the query then asks `topics && array[…]`, which the
 * GIN index on `search_items.topics` answers.
 */
import { TOPICS, type Locale } from '@keskusvaraamo/shared';

/**
 * Words people search with that a topic's name does not contain ("solenergi" for solar PV, whose
 * Swedish name is "Solel"). Only what the names miss; the names themselves always count.
 */
export const TOPIC_SEARCH_TERMS: Readonly<Record<string, Partial<Record<Locale, readonly string[]>>>> = {
  'solar-pv': {
    fi: ['aurinkoenergia', 'aurinkopaneelit', 'aurinkovoima'],
    sv: ['solenergi', 'solceller', 'solpaneler'],
    en: ['photovoltaics'],
  },
  'solar-thermal': { fi: ['aurinkoenergia', 'aurinkokeräimet'], sv: ['solenergi', 'solfångare'] },
  'air-heat-pumps': { fi: ['lämpöpumput'], sv: ['värmepumpar'] },
  'ground-source-heat': { fi: ['maalämpöpumput'], sv: ['bergvärmepumpar'], en: ['ground source heat pumps'] },
  'electric-mobility': {
    fi: ['sähköautot', 'latausasemat'],
    sv: ['elbilar', 'laddstationer'],
    en: ['electric vehicles'],
  },
};

/** Connectives in the names ("Metsähake ja hakelämpö"), which name no topic. */
const STOP_WORDS = new Set(['ja', 'och', 'and', 'av', 'för', 'på', 'of', 'for', 'the']);

/** A query word names a topic only from this length on ("a" or "s" name nothing)… */
const MIN_PREFIX = 3;
/** …and another word contains it (a compound's later part, "lämpöpump" in "ilmalämpöpumput") from this one. */
const MIN_INFIX = 5;
/** A query word that starts with a name's word ("aurinkosähkön") names it if no more than this is left over. */
const MAX_ENDING = 4;

/**
 * Words as the search text splits them: lower case, letters and digits. Soft hyphens and other
 * invisible break points (a title copied from a page, whose long words carry U+00AD) join the
 * word they are in rather than splitting it.
 */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .replace(/[\u00AD\u200B\u2060]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

interface TopicWords {
  /** The topic and, for a group, its topics: an item tagged with any of them is about it. */
  ids: string[];
  words: Set<string>;
}

const TOPIC_WORDS: readonly TopicWords[] = TOPICS.map((topic) => {
  const names = [...Object.values(topic.labels), ...Object.values(TOPIC_SEARCH_TERMS[topic.id] ?? {}).flat()];
  const words = new Set(names.flatMap(wordsOf).filter((w) => !STOP_WORDS.has(w)));
  const ids =
    topic.parent === null ? [topic.id, ...TOPICS.filter((t) => t.parent === topic.id).map((t) => t.id)] : [topic.id];
  return { ids, words };
});

/**
 * How a query word names a word of a topic's name: 'strong' for the word itself, its start
 * ("sola" → "solar", "aurinko" → "aurinkosähkö") or a compound's later part ("lämpöpumppu" →
 * "ilmalämpöpumput", allowing a two-letter change at its end); 'weak' for a query word that starts
 * with the name's word and has a short ending left over (inflected: "aurinkosähkön", "värmen");
 * null for none.
 */
export function namesWord(query: string, word: string): 'strong' | 'weak' | null {
  if (query === word) return query.length >= 2 ? 'strong' : null;
  if (query.length >= MIN_PREFIX && word.startsWith(query)) return 'strong';
  for (let cut = 0; cut <= 2 && query.length - cut >= MIN_INFIX; cut++) {
    if (word.includes(query.slice(0, query.length - cut))) return 'strong';
  }
  if (word.length >= 4 && query.startsWith(word) && query.length - word.length <= MAX_ENDING) return 'weak';
  return null;
}

/**
 * For each word of the text, the topic ids it names (with a group's topics), or null where it
 * names none. A word that names some topic strongly counts only for those: "värmepump" names
 * air source heat pumps, not every topic of the group "Värme" that it starts with.
 */
export function topicsNamed(text: string | null | undefined, maxWords = 8): (string[] | null)[] {
  return wordsOf(text ?? '')
    .slice(0, maxWords)
    .map((query) => {
      const strong = new Set<string>();
      const weak = new Set<string>();
      for (const topic of TOPIC_WORDS) {
        let how: 'strong' | 'weak' | null = null;
        for (const word of topic.words) {
          const named = namesWord(query, word);
          if (named === 'strong') {
            how = named;
            break;
          }
          how ??= named;
        }
        if (how) topic.ids.forEach((id) => (how === 'strong' ? strong : weak).add(id));
      }
      const ids = strong.size > 0 ? strong : weak;
      return ids.size > 0 ? [...ids].sort() : null;
    });
}
