import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.js';
import { buildCourse, buildNeed, buildOrganisation, dateIn, localIn, sessionInput } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type GqlResult, type TestApp } from '../../test/helper.js';
import { indexDocument } from './commands.js';
import { search as searchService } from './queries.js';
import { searchItems } from './tables.js';

const SEARCH = `query ($filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
  search(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount
    nodes { id kind title municipalityCode remote distanceKm priceCents seatsFree organisationName nextStartsAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

let app: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await buildTestApp();
  // A small marketplace: courses in three languages, placements around Lapland.
  ids.fiCourse = (
    await buildCourse(
      app,
      { title: 'Aurinkosähköjärjestelmien asennus' },
      { sessions: [sessionInput({ priceCents: 30_000, seats: 12 })] },
    )
  ).id;
  ids.svCourse = (
    await buildCourse(
      app,
      {
        title: 'Installation av solcellssystem',
        description: 'En kurs om solceller för lantbruk.',
        language: 'sv',
        languages: ['sv'],
        topics: ['solar-pv'],
        municipalityCode: '851',
      },
      {
        sessions: [
          sessionInput({
            language: 'sv',
            municipalityCode: '851',
            priceCents: 0,
            startsAt: localIn(20),
            endsAt: localIn(20, '15:00'),
            registrationDeadline: localIn(18),
          }),
        ],
      },
    )
  ).id;
  ids.enCourse = (
    await buildCourse(
      app,
      {
        title: 'Installing solar power systems',
        description: 'A hands-on course in English.',
        language: 'en',
        languages: ['en'],
        topics: ['wood-chips'],
        municipalityCode: null,
        online: true,
      },
      {
        sessions: [
          sessionInput({
            language: 'en',
            municipalityCode: null,
            place: null,
            onlineUrl: 'https://meet.example.fi/solar',
            seats: 5,
            priceCents: 5_000,
          }),
        ],
      },
    )
  ).id;
  ids.sallaNeed = (
    await buildNeed(app, {
      title: 'Harjoittelija lämpöpumppuasennuksiin',
      topics: ['air-heat-pumps'],
      municipalityCode: '732',
    })
  ).id;
  ids.enontekioNeed = (
    await buildNeed(app, {
      kind: 'SUMMER_JOB',
      title: 'Kesätyöntekijä hakelämpölaitokselle',
      topics: ['wood-chips'],
      municipalityCode: '047',
    })
  ).id;
  ids.draftNeed = (await buildNeed(app, { title: 'Luonnos jota ei näy' }, { publish: false })).id;
  ids.draftCourse = (await buildCourse(app, { title: 'Luonnoskurssi jota ei näy' }, { publish: false })).id;
});
afterAll(() => app.closeAndDrop());

async function search(filter: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const r = await gql(app, SEARCH, { filter, ...extra });
  expect(r.errors).toBeUndefined();
  return r.data!.search as {
    totalCount: number;
    nodes: { id: string; [k: string]: any }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}
const idsOf = (result: { nodes: { id: string }[] }) => result.nodes.map((n) => n.id);

describe('full text', () => {
  it('finds a Finnish course by another form of its word (Finnish stemming)', async () => {
    expect(idsOf(await search({ text: 'aurinkosähköjärjestelmä' }))).toEqual([ids.fiCourse]);
    expect(idsOf(await search({ text: 'Aurinkosähköjärjestelmien' }))).toEqual([ids.fiCourse]);
  });

  it('reads a title copied with its soft hyphens as the word it is', async () => {
    const copied = 'Au\u00ADrin\u00ADko\u00ADsäh\u00ADkö\u00ADjär\u00ADjes\u00ADtel\u00ADmien';
    expect(idsOf(await search({ text: copied }))).toEqual([ids.fiCourse]);
  });

  it('finds the start of a compound word', async () => {
    expect(idsOf(await search({ text: 'aurinkosähkö' }))).toContain(ids.fiCourse);
  });

  it('finds Swedish and English items in their own language', async () => {
    expect(idsOf(await search({ text: 'solcellssystemen' }))).toEqual([ids.svCourse]);
    expect(idsOf(await search({ text: 'installation solar system' }))).toEqual([ids.enCourse]);
  });

  it('matches the organisation name too', async () => {
    const course = await buildCourse(app, { title: 'Pellettikattilan huolto' });
    expect(idsOf(await search({ text: course.org.name.split(' ')[1] }))).toEqual([course.id]);
  });

  it('never shows drafts', async () => {
    expect((await search({ text: 'luonnos' })).totalCount).toBe(0);
    expect(idsOf(await search({}, { first: 100 }))).not.toContain(ids.draftNeed);
    expect(idsOf(await search({}, { first: 100 }))).not.toContain(ids.draftCourse);
  });
});

describe('topic names in three languages', () => {
  const topical: Record<string, string> = {};
  beforeAll(async () => {
    // Solar PV items whose texts never say "solar", "aurinkosähkö" or "solenergi".
    topical.fiNeed = (
      await buildNeed(app, {
        title: 'Harjoittelija asennustiimiin Rovaniemelle',
        description: 'Kesän asennustyöt maatiloilla.',
        topics: ['solar-pv'],
      })
    ).id;
    topical.svCourse = (
      await buildCourse(app, {
        title: 'Kurs för installatörer',
        description: 'Praktisk kurs för lantbrukare.',
        language: 'sv',
        languages: ['sv'],
        topics: ['solar-pv'],
      })
    ).id;
    // Both: the title says it and the topic is set; and one whose text says it, of another topic.
    topical.both = (
      await buildCourse(app, {
        title: 'Solel för gårdar',
        description: 'Praktisk kurs om paneler.',
        language: 'sv',
        languages: ['sv'],
        topics: ['solar-pv'],
      })
    ).id;
    topical.textOnly = (
      await buildNeed(app, {
        title: 'Praktikant: flisvärme, solel senare',
        description: 'Arbete med flis.',
        language: 'sv',
        languages: ['sv'],
        topics: ['wood-chips'],
      })
    ).id;
  });

  it('finds the solar PV items by "solar", "aurinkosähkö" and "solenergi"', async () => {
    for (const text of ['solar', 'aurinkosähkö', 'solenergi', 'SOLEL']) {
      const found = idsOf(await search({ text }, { first: 100 }));
      expect(found, text).toEqual(
        expect.arrayContaining([topical.fiNeed, topical.svCourse, topical.both, ids.fiCourse, ids.svCourse]),
      );
      expect(found, text).not.toContain(ids.enontekioNeed); // wood chips
      expect(found, text).not.toContain(ids.sallaNeed); // heat pumps
    }
  });

  it('ranks an item whose text and topic both match above either alone', async () => {
    const found = await search({ text: 'solel' }, { first: 100 });
    const rank = (id: string | undefined) => idsOf(found).indexOf(id ?? '');
    expect(rank(topical.both)).toBe(0);
    expect(rank(topical.textOnly)).toBeGreaterThan(0);
    expect(rank(topical.svCourse)).toBeGreaterThan(0); // topic only
  });

  it('finds heat pumps in any language, and a group by its name', async () => {
    for (const text of ['heat pump', 'värmepump', 'lämpöpumppu']) {
      const found = idsOf(await search({ text }, { first: 100 }));
      expect(found, text).toContain(ids.sallaNeed);
      expect(found, text).not.toContain(topical.fiNeed);
    }
    const bio = idsOf(await search({ text: 'bioenergi' }, { first: 100 }));
    expect(bio).toEqual(expect.arrayContaining([ids.enontekioNeed, ids.enCourse])); // wood chips
    expect(bio).not.toContain(topical.fiNeed);
  });

  it('needs the words that name no topic in the text, and a word of no topic behaves as before', async () => {
    expect(idsOf(await search({ text: 'solar Rovaniemelle' }, { first: 100 }))).toEqual([topical.fiNeed]);
    expect(idsOf(await search({ text: 'asennustiimiin' }, { first: 100 }))).toEqual([topical.fiNeed]);
    expect((await search({ text: 'installatörer' }, { first: 100 })).totalCount).toBe(1);
  });

  it('counts facets over the same results', async () => {
    const r = await gql(
      app,
      `{ search(filter: { text: "solenergi" }) { totalCount facets { kinds { value count } topics { value count } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const { totalCount, facets } = r.data!.search;
    expect(facets.kinds.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBe(totalCount);
    expect(facets.topics.find((f: { value: string }) => f.value === 'solar-pv').count).toBe(totalCount);
  });

  it('lets a saved search alert (the same search, published after its last check) find by topic name', async () => {
    // The database's clock, as the alert job's last check time is.
    const [clock] = await queryRows<{ before: string }>(app.db, sql`select now()::text as before`);
    const before = clock!.before;
    const later = await buildNeed(app, {
      title: 'Kesätyöntekijä Kittilään',
      description: 'Töitä.',
      topics: ['solar-pv'],
    });
    const page = await searchService(
      { db: app.db },
      { filter: { text: 'solenergi', publishedAfter: before }, sort: 'NEWEST', first: 5 },
    );
    expect(page.nodes.map((n) => n.id)).toContain(later.id);
    expect(page.nodes.map((n) => n.id)).not.toContain(topical.fiNeed);
  });
});

describe('filters', () => {
  it('filters by kind', async () => {
    const summer = await search({ kinds: ['SUMMER_JOB'] });
    expect(idsOf(summer)).toEqual([ids.enontekioNeed]);
  });

  it('lets a topic group match its topics, and a topic match items tagged with its group', async () => {
    const electricity = idsOf(await search({ topics: ['electricity'] }, { first: 100 }));
    expect(electricity).toEqual(expect.arrayContaining([ids.fiCourse, ids.svCourse]));
    expect(electricity).not.toContain(ids.enCourse); // wood chips
    expect(electricity).not.toContain(ids.sallaNeed); // heat pumps
    const grouped = await buildNeed(app, { title: 'Yleinen lämpöharjoittelu', topics: ['heat'] });
    const r = idsOf(await search({ topics: ['air-heat-pumps'] }));
    expect(r.sort()).toEqual([ids.sallaNeed, grouped.id].sort());
  });

  it('measures distance with the municipalities data', async () => {
    // Kemijärvi–Salla is about 60 km; Kemijärvi–Enontekiö about 200 km. Online counts as near.
    const near = idsOf(
      await search({ near: '320', withinKm: 100, kinds: ['INTERNSHIP', 'SUMMER_JOB', 'COURSE'] }, { first: 100 }),
    );
    expect(near).toContain(ids.sallaNeed);
    expect(near).toContain(ids.enCourse);
    expect(near).not.toContain(ids.enontekioNeed);
    expect(near).not.toContain(ids.svCourse);
  });

  it('sorts nearest first', async () => {
    const r = await search({ near: '047', kinds: ['INTERNSHIP', 'SUMMER_JOB'] }, { sort: 'NEAREST', first: 100 });
    expect(r.nodes[0]!.id).toBe(ids.enontekioNeed);
    expect(r.nodes[0]!.distanceKm).toBe(0);
    const distances = r.nodes.map((n) => n.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(codeOf(await gql(app, SEARCH, { sort: 'NEAREST' }))).toBe('VALIDATION');
  });

  it('filters courses by free seats, price and language, and by remote', async () => {
    expect(idsOf(await search({ maxPriceCents: 0 }))).toEqual([ids.svCourse]);
    expect(idsOf(await search({ languages: ['en'] }))).toEqual([ids.enCourse]);
    expect(idsOf(await search({ remote: true }))).toEqual([ids.enCourse]);
    expect(
      (await search({ freeSeats: true }, { first: 100 })).nodes.every((n) => n.kind === 'COURSE' && n.seatsFree > 0),
    ).toBe(true);
  });

  it('filters by overlapping period', async () => {
    // Placements run from day 60 to 150; the courses are in the coming six weeks.
    const early = idsOf(await search({ periodFrom: dateIn(0), periodTo: dateIn(45) }, { first: 100 }));
    expect(early).toContain(ids.fiCourse);
    expect(early).not.toContain(ids.sallaNeed);
    const late = idsOf(await search({ periodFrom: dateIn(100), periodTo: dateIn(120) }, { first: 100 }));
    expect(late).toContain(ids.sallaNeed);
    expect(late).not.toContain(ids.fiCourse);
  });

  it('lists what one organisation has published (its public page), and refuses an id that is no id', async () => {
    const org = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
    const course = await buildCourse(app, { title: 'Tuulivoimaloiden huolto' }, { organisation: org });
    await buildCourse(app, { title: 'Keskeneräinen kurssi' }, { organisation: org, publish: false });
    expect(idsOf(await search({ organisationId: org.id }, { first: 100 }))).toEqual([course.id]);
    // A company: the placements it has open.
    const company = await buildOrganisation(app, { kind: 'COMPANY' });
    const placement = await buildNeed(
      app,
      { title: 'Harjoittelija tuulipuistoon', organisationId: company.id },
      { owner: company.owner },
    );
    expect(idsOf(await search({ organisationId: company.id }))).toEqual([placement.id]);
    expect(idsOf(await search({ organisationId: randomUUID() }))).toEqual([]);
    const bad = await gql(app, SEARCH, { filter: { organisationId: 'not-an-id' } });
    expect(codeOf(bad)).toBe('VALIDATION');
    expect(bad.errors![0]!.extensions.fields[0].field).toBe('organisationId');
  });

  it('refuses bad filters with field errors', async () => {
    const r = await gql(app, SEARCH, { filter: { municipalityCodes: ['999'], periodFrom: '1.1.2027', withinKm: 50 } });
    expect(codeOf(r)).toBe('VALIDATION');
    expect(r.errors![0]!.extensions.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'municipalityCodes',
      'near',
      'periodFrom',
    ]);
  });
});

describe('pages and facets', () => {
  it('pages through every sort without repeating or skipping', async () => {
    const all = (await search({}, { first: 100 })).totalCount;
    for (const sort of ['NEWEST', 'SOONEST', 'NEAREST', 'RELEVANCE']) {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const filter: Record<string, unknown> =
          sort === 'NEAREST' ? { near: '698' } : sort === 'RELEVANCE' ? { text: 'a' } : {};
        const page: Awaited<ReturnType<typeof search>> = await search(filter, { sort, first: 2, after });
        seen.push(...idsOf(page));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      if (sort !== 'RELEVANCE') expect(seen).toHaveLength(all);
    }
  });

  it('counts each facet with the other filters applied', async () => {
    const r = await gql(
      app,
      `{ search(filter: { kinds: [COURSE] }) { totalCount facets { kinds { value count } languages { value count } } } }`,
    );
    const facets = r.data!.search.facets;
    // The kind facet ignores the kind filter, so the other kinds still show their counts.
    expect(facets.kinds.find((f: { value: string }) => f.value === 'SUMMER_JOB').count).toBe(1);
    const topics = (await gql(app, `{ search { facets { topics { value count } } } }`)).data!.search.facets.topics;
    const count = (v: string) => topics.find((f: { value: string }) => f.value === v)?.count ?? 0;
    // A group counts every item with one of its topics, once.
    expect(count('electricity')).toBeGreaterThanOrEqual(count('solar-pv'));
    expect(count('electricity')).toBeGreaterThan(0);
    expect(facets.languages.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBeGreaterThanOrEqual(
      r.data!.search.totalCount,
    );
  });

  it('refuses a page larger than 100', async () => {
    expect(codeOf(await gql(app, SEARCH, { first: 101 }))).toBe('VALIDATION');
  });
});

describe('paging newest first', () => {
  it('pages one at a time without loss or repetition, items published in one transaction too', async () => {
    const made = Array.from({ length: 4 }, () => randomUUID());
    await app.db.transaction(async (tx) => {
      for (const id of made) {
        await indexDocument(tx, {
          id,
          kind: 'COURSE',
          title: 'Sivutuskoe',
          description: 'Sivutuskoe samalla hetkellä julkaistuille.',
          language: 'fi',
          organisationId: null,
          organisationName: null,
          topics: ['solar-pv'],
          municipalityCode: null,
          remote: true,
          periodStart: null,
          periodEnd: null,
          languages: ['fi'],
          priceCents: null,
          seatsFree: null,
          nextStartsAt: null,
          applicationDeadline: null,
          startsOn: null,
          visibleUntil: null,
          publishedAt: new Date(),
          refreshAt: null,
        });
      }
      // The transaction's now() for all: one instant to the microsecond, which a millisecond cursor would cut.
      await tx
        .update(searchItems)
        .set({ publishedAt: sql`now()` })
        .where(inArray(searchItems.id, made));
    });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const r: GqlResult = await gql(app, SEARCH, { filter: { text: 'sivutuskoe' }, sort: 'NEWEST', first: 1, after });
      expect(r.errors).toBeUndefined();
      const page = r.data!.search;
      expect(page.totalCount).toBe(made.length);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && seen.length <= made.length);
    expect(seen).toHaveLength(made.length);
    expect([...seen].sort()).toEqual([...made].sort());
  });
});
