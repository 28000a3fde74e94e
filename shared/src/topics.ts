import data from './data/topics.json' with { type: 'json' };
import type { Locale } from './roles.js';

export interface Topic {
  id: string;
  parent: string | null;
  labels: Record<Locale, string>;
}

/** Competence topics in two levels: groups (parent null) and their topics. */
export const TOPICS: readonly Topic[] = data.topics;
const BY_ID = new Map(TOPICS.map((t) => [t.id, t]));

export function topicById(id: string): Topic | undefined {
  return BY_ID.get(id);
}

export function isTopicId(id: string): boolean {
  return BY_ID.has(id);
}

/** The topic groups, each with its topics, in the data's order. */
export function topicGroups(): { group: Topic; topics: Topic[] }[] {
  return TOPICS.filter((t) => t.parent === null).map((group) => ({
    group,
    topics: TOPICS.filter((t) => t.parent === group.id),
  }));
}
