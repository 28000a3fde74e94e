import { isTopicId } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import { namesWord, TOPIC_SEARCH_TERMS, topicsNamed } from './topicText.js';

const named = (text: string) => topicsNamed(text)[0] ?? null;

describe('topic names as search words', () => {
  it('finds a topic by its name in Finnish, Swedish or English, case and all', () => {
    for (const text of ['aurinkosähkö', 'Solel', 'SOLAR', 'solenergi', 'solceller']) {
      expect(named(text), text).toContain('solar-pv');
    }
    expect(named('solar')).toEqual(['solar-pv', 'solar-thermal']);
  });

  it('finds the start of a name, an inflected form and the later part of a compound', () => {
    expect(named('aurinkos')).toContain('solar-pv');
    expect(named('aurinkosähkön')).toEqual(['solar-pv']);
    expect(named('lämpöpumppu')).toContain('air-heat-pumps');
    expect(named('värmepump')).toContain('air-heat-pumps');
  });

  it('lets a word that names a topic itself not name every topic of the group it starts with', () => {
    // "värme" (the group Värme) starts "värmepump", but heat pumps are what it names.
    expect(named('värmepump')).not.toContain('district-heating');
    expect(named('värmen')).toContain('district-heating');
  });

  it("lets a group's name find its topics", () => {
    expect(named('bioenergi')).toEqual(
      expect.arrayContaining(['bioenergy', 'wood-chips', 'pellets', 'firewood', 'biogas']),
    );
  });

  it('names nothing with short words, connectives or words of no topic', () => {
    expect(topicsNamed('a s ja och and kurssi')).toEqual([null, null, null, null, null, null]);
    expect(namesWord('a', 'aurinkosähkö')).toBeNull();
    expect(namesWord('el', 'el')).toBe('strong');
  });

  it('gives one entry per word, in order, for at most eight words', () => {
    const words = topicsNamed('heat pump Rovaniemi');
    expect(words).toHaveLength(3);
    expect(words[1]).toEqual(['air-heat-pumps', 'ground-source-heat']);
    expect(words[2]).toBeNull();
    expect(topicsNamed('a b c d e f g h i j')).toHaveLength(8);
  });

  it('adds search words only to topics that exist', () => {
    for (const id of Object.keys(TOPIC_SEARCH_TERMS)) expect(isTopicId(id), id).toBe(true);
  });
});
