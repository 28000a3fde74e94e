import { describe, expect, it } from 'vitest';
import { activeFilterCount, EMPTY_SEARCH, isIndexableSearch, readSearch, toFilter, writeSearch } from './searchParams';

const read = (query: string) => readSearch(new URLSearchParams(query));

describe('search params', () => {
  it('reads a shared link', () => {
    const state = read('q=aurinko&kind=COURSE&topic=solar-pv&near=698&km=100&sort=NEAREST');
    expect(state).toMatchObject({
      q: 'aurinko',
      kinds: ['COURSE'],
      topics: ['solar-pv'],
      near: '698',
      km: 100,
      sort: 'NEAREST',
    });
    expect(toFilter(state)).toEqual({
      text: 'aurinko',
      kinds: ['COURSE'],
      topics: ['solar-pv'],
      near: '698',
      withinKm: 100,
    });
  });

  it('round-trips every filter through the URL', () => {
    const state = {
      ...EMPTY_SEARCH,
      q: 'hake',
      kinds: ['INTERNSHIP' as const, 'THESIS' as const],
      topics: ['bioenergy'],
      municipalities: ['148', '698'],
      near: '698',
      km: 50,
      from: '2026-05-01',
      to: '2026-08-31',
      remote: false,
      freeSeats: true,
      languages: ['fi' as const, 'sv' as const],
      maxPrice: 250,
      sort: 'SOONEST' as const,
    };
    expect(readSearch(writeSearch(state))).toEqual(state);
    expect(activeFilterCount(state)).toBe(13);
    expect(toFilter(state).maxPriceCents).toBe(25000);
  });

  it('drops the soft hyphens of a title copied from a page', () => {
    const copied = 'Au\u00ADrin\u00ADko\u00ADsäh\u00ADkö\u00ADjär\u00ADjes\u00ADtel\u00ADmien';
    expect(writeSearch({ ...EMPTY_SEARCH, q: copied }).get('q')).toBe('Aurinkosähköjärjestelmien');
    expect(readSearch(new URLSearchParams({ q: copied })).q).toBe('Aurinkosähköjärjestelmien');
  });

  it('leaves out what is unknown or malformed', () => {
    const state = read('kind=NOPE&topic=nope&municipality=999&from=1.5.2026&km=lots&lang=de&remote=maybe');
    expect(state).toEqual(EMPTY_SEARCH);
    expect(writeSearch(state).toString()).toBe('');
  });

  it('sorts by relevance and ignores distance without a place to measure from', () => {
    const state = read('sort=NEAREST&km=50');
    expect(state.sort).toBe('RELEVANCE');
    expect(state.km).toBeNull();
  });
});

describe('isIndexableSearch', () => {
  it('indexes the plain search and words alone, not filtered, sorted or repeated variants', () => {
    const indexable = (query: string) => isIndexableSearch(new URLSearchParams(query));
    expect(indexable('')).toBe(true);
    expect(indexable('q=aurinko')).toBe(true);
    expect(indexable('q=aurinko&kind=COURSE')).toBe(false);
    expect(indexable('kind=COURSE')).toBe(false);
    expect(indexable('q=aurinko&sort=SOONEST')).toBe(false);
    expect(indexable('q=a&q=b')).toBe(false);
  });
});
