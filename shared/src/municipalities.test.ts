import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, distanceKm, municipalityName } from './municipalities.js';
import { TOPICS, topicGroups } from './topics.js';

describe('municipalities', () => {
  it('holds the 21 municipalities of Lapland', () => {
    expect(MUNICIPALITIES).toHaveLength(21);
  });

  it('measures distance between municipal centres', () => {
    // Rovaniemi (698) to Kemi (240) is roughly 100 km as the crow flies.
    const d = distanceKm('698', '240')!;
    expect(d).toBeGreaterThan(90);
    expect(d).toBeLessThan(115);
    expect(distanceKm('698', '698')).toBe(0);
    expect(distanceKm('698', '999')).toBeNull();
  });

  it('shows the Sami name where one exists', () => {
    expect(municipalityName('148', 'fi')).toBe('Inari – Anár');
    expect(municipalityName('148', 'sv')).toBe('Enare – Anár');
    expect(municipalityName('240', 'en')).toBe('Kemi');
  });
});

describe('topics', () => {
  it('every topic belongs to an existing group', () => {
    const groups = new Set(TOPICS.filter((t) => !t.parent).map((t) => t.id));
    for (const t of TOPICS) if (t.parent) expect(groups.has(t.parent)).toBe(true);
    expect(topicGroups().every((g) => g.topics.length > 0)).toBe(true);
  });
});
