import { describe, expect, it } from 'vitest';
import { searchDraft, searchPath, suggestName, type DraftLabels } from './savedSearchDraft';
import { EMPTY_SEARCH, readSearch } from './searchParams';

const labels: DraftLabels = {
  locale: 'fi',
  kind: (kind) => ({ COURSE: 'Kurssi', INTERNSHIP: 'Harjoittelupaikka' })[kind as 'COURSE'] ?? kind,
  remote: (remote) => (remote ? 'Vain etänä' : 'Vain paikan päällä'),
  everything: 'Kaikki kohteet',
};

describe('saving a search', () => {
  it('names a search after its words and the filters a person knows it by', () => {
    const state = readSearch(new URLSearchParams('q=aurinkovoimala&kind=INTERNSHIP&topic=solar-pv&municipality=698'));
    expect(suggestName(state, labels)).toBe('aurinkovoimala · Harjoittelupaikka · Aurinkosähkö · Rovaniemi');
    expect(suggestName({ ...EMPTY_SEARCH, remote: true }, labels)).toBe('Vain etänä');
    expect(suggestName(EMPTY_SEARCH, labels)).toBe('Kaikki kohteet');
  });

  it('cuts a long name to what the server accepts', () => {
    const name = suggestName({ ...EMPTY_SEARCH, q: 'a'.repeat(200) }, labels);
    expect(name).toHaveLength(100);
    expect(name.endsWith('…')).toBe(true);
  });

  it('sends the page’s own address in its stable form, and the filter the search query takes', () => {
    const state = readSearch(new URLSearchParams('sort=SOONEST&kind=COURSE&free=true&maxPrice=100&junk=1'));
    expect(searchDraft(state, labels)).toEqual({
      name: 'Kurssi',
      path: '/search?kind=COURSE&free=true&maxPrice=100&sort=SOONEST',
      filter: { kinds: ['COURSE'], freeSeats: true, maxPriceCents: 10000 },
    });
    expect(searchPath(EMPTY_SEARCH)).toBe('/search');
  });
});
