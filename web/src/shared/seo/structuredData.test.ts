/**
 * The structured data builders' output against the schema.org vocabulary (every `@type` and
 * property, inherited ones included, vetted by hand from schema.org's pages for the types used
 * here) and Google's required properties for Course and JobPosting rich results.
 */
import { describe, expect, it } from 'vitest';
import {
  courseJsonLd,
  endOfHelsinkiDay,
  helsinkiIso,
  jobPostingJsonLd,
  serializeJsonLd,
  type JsonLdNeed,
  type JsonLdOffer,
  type JsonLdSession,
} from './structuredData';

/**
 * Type → the properties schema.org defines for it (its own and its ancestors'), as far as these
 * builders could use them. Checked against https://schema.org/<Type> (schema.org 29).
 */
const SCHEMA_ORG: Record<string, readonly string[]> = {
  // Thing: name, description, url, identifier, sameAs, image; CreativeWork: inLanguage, provider…
  Course: ['name', 'description', 'url', 'identifier', 'inLanguage', 'provider', 'hasCourseInstance', 'courseCode'],
  // Event: startDate, endDate, location, offers, inLanguage, organizer; CourseInstance: courseMode, instructor, courseWorkload.
  CourseInstance: [
    'name',
    'url',
    'courseMode',
    'startDate',
    'endDate',
    'inLanguage',
    'location',
    'offers',
    'organizer',
  ],
  Offer: ['price', 'priceCurrency', 'availability', 'validThrough', 'validFrom', 'category', 'url', 'name'],
  Organization: ['name', 'url', 'sameAs', 'logo', 'address'],
  Place: ['name', 'address', 'url', 'geo'],
  VirtualLocation: ['name', 'url'],
  PostalAddress: ['addressLocality', 'addressRegion', 'addressCountry', 'postalCode', 'streetAddress'],
  JobPosting: [
    'title',
    'description',
    'datePosted',
    'validThrough',
    'hiringOrganization',
    'jobLocation',
    'jobLocationType',
    'applicantLocationRequirements',
    'employmentType',
    'baseSalary',
    'jobStartDate',
    'totalJobOpenings',
    'url',
    'identifier',
    'directApply',
  ],
  PropertyValue: ['name', 'value', 'propertyID'],
  // Country → AdministrativeArea → Place.
  Country: ['name', 'address'],
  MonetaryAmount: ['currency', 'value', 'minValue', 'maxValue'],
  QuantitativeValue: ['value', 'unitText', 'unitCode', 'minValue', 'maxValue'],
};

/** Where a property's value must be one of a closed list (schema.org enumerations, Google's values). */
const VALUES: Record<string, readonly unknown[]> = {
  availability: ['https://schema.org/InStock', 'https://schema.org/SoldOut', 'https://schema.org/OutOfStock'],
  courseMode: ['online', 'onsite', 'blended'],
  employmentType: ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER'],
  jobLocationType: ['TELECOMMUTE'],
  unitText: ['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR'],
  category: ['Free', 'Partially Free', 'Subscription', 'Paid'],
};

/** Every problem with a JSON-LD tree: an unknown type, a property its type lacks, a value off its list. */
function vocabularyProblems(node: unknown, path = '$'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => vocabularyProblems(item, `${path}[${i}]`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const type = record['@type'];
  if (typeof type !== 'string') return [`${path}: no @type`];
  const known = SCHEMA_ORG[type];
  if (!known) return [`${path}: unknown type ${type}`];
  return Object.entries(record).flatMap(([key, value]) => {
    if (key === '@type') return [];
    if (key === '@context') return value === 'https://schema.org' && path === '$' ? [] : [`${path}: @context ${value}`];
    const problems = known.includes(key) ? [] : [`${path}: ${type} has no property ${key}`];
    if (VALUES[key] && !(Array.isArray(value) ? value : [value]).every((v) => VALUES[key]!.includes(v)))
      problems.push(`${path}.${key}: ${JSON.stringify(value)} is not one of its values`);
    return [...problems, ...vocabularyProblems(value, `${path}.${key}`)];
  });
}

const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;
const PUBLIC_URL = 'https://keskusvaraamo.example';
const NOW = new Date('2027-01-10T12:00:00Z');

const session = (overrides: Partial<JsonLdSession> = {}): JsonLdSession => ({
  id: 's1',
  startsAt: '2027-01-15T07:00:00.000Z',
  endsAt: '2027-01-15T14:00:00.000Z',
  registrationDeadline: '2027-01-10T21:59:00.000Z',
  place: 'Lapin AMK, Jokiväylä 11',
  municipalityCode: '698',
  onlineUrl: null,
  seatsFree: 5,
  priceCents: 12_000,
  language: 'fi',
  takingRegistrations: true,
  cancelledAt: null,
  ...overrides,
});

const course = (overrides: Partial<JsonLdOffer> = {}): JsonLdOffer => ({
  id: '7d3c1c8e-0000-4000-8000-000000000001',
  kind: 'COURSE',
  state: 'PUBLISHED',
  title: 'Aurinkosähköjärjestelmien asennus',
  description: 'Kahden päivän kurssi aurinkosähköjärjestelmien suunnittelusta ja asennuksesta maatiloille.',
  languages: ['fi', 'sv'],
  online: false,
  organisation: { id: 'org-1', name: 'Lapin ammattikorkeakoulu' },
  sessions: [session()],
  ...overrides,
});

const need = (overrides: Partial<JsonLdNeed> = {}): JsonLdNeed => ({
  id: '7d3c1c8e-0000-4000-8000-000000000002',
  kind: 'INTERNSHIP',
  state: 'OPEN',
  title: 'Harjoittelija aurinkovoimalan asennukseen',
  description: 'Etsimme harjoittelijaa.\n\nTyö on <kesällä> & maatiloilla.\nTervetuloa!',
  municipalityCode: '732',
  remote: false,
  periodStart: '2027-06-01',
  positions: 2,
  payKind: 'PAID',
  payAmountCents: 190_000,
  applicationDeadline: '2027-03-31',
  organisation: { id: 'org-2', name: 'Sallan Sähkö Oy' },
  publishedAt: '2027-01-05T08:30:00.000Z',
  ...overrides,
});

describe('courseJsonLd', () => {
  it('is a schema.org Course with its provider and an instance per upcoming session', () => {
    const data = courseJsonLd(
      course({
        sessions: [
          session({ id: 'later', startsAt: '2027-02-20T07:00:00.000Z', endsAt: '2027-02-20T14:00:00.000Z' }),
          session(),
          session({ id: 'past', startsAt: '2027-01-02T07:00:00.000Z', endsAt: '2027-01-02T14:00:00.000Z' }),
          session({ id: 'cancelled', cancelledAt: '2027-01-03T10:00:00.000Z' }),
        ],
      }),
      'sv',
      PUBLIC_URL,
      NOW,
    )!;
    expect(vocabularyProblems(data)).toEqual([]);
    expect(data['@context']).toBe('https://schema.org');
    expect(data).toMatchObject({
      '@type': 'Course',
      name: 'Aurinkosähköjärjestelmien asennus',
      // Google's required Course properties: name, description, provider.
      description: expect.stringContaining('Kahden päivän kurssi'),
      url: `${PUBLIC_URL}/sv/offers/7d3c1c8e-0000-4000-8000-000000000001`,
      inLanguage: ['fi', 'sv'],
      provider: {
        '@type': 'Organization',
        name: 'Lapin ammattikorkeakoulu',
        url: `${PUBLIC_URL}/sv/organisations/org-1`,
      },
    });
    const instances = data.hasCourseInstance as unknown as Record<string, unknown>[];
    // In order of start; the past and the cancelled session are left out.
    expect(instances.map((i) => i.startDate)).toEqual(['2027-01-15T09:00:00+02:00', '2027-02-20T09:00:00+02:00']);
    expect(instances[0]).toEqual({
      '@type': 'CourseInstance',
      courseMode: 'onsite',
      startDate: '2027-01-15T09:00:00+02:00',
      endDate: '2027-01-15T16:00:00+02:00',
      inLanguage: 'fi',
      location: {
        '@type': 'Place',
        name: 'Lapin AMK, Jokiväylä 11',
        // Rovaniemi in Swedish is Rovaniemi; the region is Lappland.
        address: {
          '@type': 'PostalAddress',
          addressLocality: 'Rovaniemi',
          addressRegion: 'Lappland',
          addressCountry: 'FI',
        },
      },
      offers: {
        '@type': 'Offer',
        price: '120.00',
        priceCurrency: 'EUR',
        availability: 'https://schema.org/InStock',
        validThrough: '2027-01-10T23:59:00+02:00',
        category: 'Paid',
        url: `${PUBLIC_URL}/sv/offers/7d3c1c8e-0000-4000-8000-000000000001`,
      },
    });
  });

  it('says online, onsite or blended, and sold out or closed from the seats and registration', () => {
    const url = `${PUBLIC_URL}/en/offers/7d3c1c8e-0000-4000-8000-000000000001`;
    const data = courseJsonLd(
      course({
        online: true,
        sessions: [
          session({
            id: 'online',
            place: null,
            municipalityCode: null,
            onlineUrl: 'https://meet.example/x',
            priceCents: 0,
          }),
          session({ id: 'blended', onlineUrl: 'https://meet.example/y', seatsFree: 0 }),
          session({ id: 'closed', takingRegistrations: false }),
        ],
      }),
      'en',
      PUBLIC_URL,
      NOW,
    )!;
    expect(vocabularyProblems(data)).toEqual([]);
    const [online, blended, closed] = data.hasCourseInstance as unknown as Record<string, any>[];
    expect(online!.courseMode).toBe('online');
    // The join link is the participants': the virtual location is the course page.
    expect(online!.location).toEqual({ '@type': 'VirtualLocation', url });
    expect(JSON.stringify(data)).not.toContain('meet.example');
    expect(online!.offers).toMatchObject({
      price: '0.00',
      category: 'Free',
      availability: 'https://schema.org/InStock',
    });
    expect(blended!.courseMode).toBe('blended');
    expect(blended!.location).toEqual([
      expect.objectContaining({ '@type': 'Place', address: expect.objectContaining({ addressLocality: 'Rovaniemi' }) }),
      { '@type': 'VirtualLocation', url },
    ]);
    expect(blended!.offers.availability).toBe('https://schema.org/SoldOut');
    expect(closed!.offers.availability).toBe('https://schema.org/OutOfStock');
  });

  it('has summer time in the offset, and the Finnish address in English', () => {
    const data = courseJsonLd(
      course({
        sessions: [
          session({
            startsAt: '2027-06-15T06:00:00.000Z',
            endsAt: '2027-06-15T13:00:00.000Z',
            municipalityCode: '148',
          }),
        ],
      }),
      'en',
      PUBLIC_URL,
      NOW,
    )!;
    const [instance] = data.hasCourseInstance as unknown as Record<string, any>[];
    expect(instance!.startDate).toBe('2027-06-15T09:00:00+03:00');
    expect(instance!.startDate).toMatch(ISO_WITH_OFFSET);
    expect(instance!.location.address).toMatchObject({ addressLocality: 'Inari', addressRegion: 'Lapland' });
    expect(data.url).toBe(`${PUBLIC_URL}/en/offers/7d3c1c8e-0000-4000-8000-000000000001`);
  });

  it('is null for a student pool and a draft', () => {
    expect(courseJsonLd(course({ kind: 'STUDENT_POOL', sessions: [] }), 'fi', PUBLIC_URL, NOW)).toBeNull();
    expect(courseJsonLd(course({ state: 'DRAFT' }), 'fi', PUBLIC_URL, NOW)).toBeNull();
    expect(courseJsonLd(course({ state: 'ARCHIVED' }), 'fi', PUBLIC_URL, NOW)).not.toBeNull();
  });
});

describe('jobPostingJsonLd', () => {
  /** Google's required JobPosting properties. */
  const REQUIRED = ['title', 'description', 'datePosted', 'hiringOrganization'];

  it('is a schema.org JobPosting for an internship, with all of Google’s required properties', () => {
    const data = jobPostingJsonLd(need(), 'fi', PUBLIC_URL)!;
    expect(vocabularyProblems(data)).toEqual([]);
    for (const key of REQUIRED) expect(data).toHaveProperty(key);
    expect(data).toHaveProperty('jobLocation');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Harjoittelija aurinkovoimalan asennukseen',
      datePosted: '2027-01-05T10:30:00+02:00',
      validThrough: '2027-03-31T23:59:59+03:00',
      employmentType: 'INTERN',
      hiringOrganization: {
        '@type': 'Organization',
        name: 'Sallan Sähkö Oy',
        url: `${PUBLIC_URL}/organisations/org-2`,
      },
      jobLocation: {
        '@type': 'Place',
        address: { '@type': 'PostalAddress', addressLocality: 'Salla', addressRegion: 'Lappi', addressCountry: 'FI' },
      },
      baseSalary: {
        '@type': 'MonetaryAmount',
        currency: 'EUR',
        value: { '@type': 'QuantitativeValue', value: 1900, unitText: 'MONTH' },
      },
      jobStartDate: '2027-06-01',
      totalJobOpenings: 2,
      url: `${PUBLIC_URL}/needs/7d3c1c8e-0000-4000-8000-000000000002`,
    });
    // The text as HTML: escaped, in paragraphs.
    expect(data.description).toBe(
      '<p>Etsimme harjoittelijaa.</p><p>Työ on &lt;kesällä&gt; &amp; maatiloilla.<br>Tervetuloa!</p>',
    );
    expect(data).not.toHaveProperty('jobLocationType');
  });

  it('a remote summer job: TELECOMMUTE with the applicants’ country, TEMPORARY, no pay when unpaid', () => {
    const data = jobPostingJsonLd(
      need({
        kind: 'SUMMER_JOB',
        remote: true,
        municipalityCode: null,
        payKind: 'UNPAID',
        payAmountCents: null,
        applicationDeadline: null,
      }),
      'en',
      PUBLIC_URL,
    )!;
    expect(vocabularyProblems(data)).toEqual([]);
    for (const key of REQUIRED) expect(data).toHaveProperty(key);
    expect(data).toMatchObject({
      employmentType: 'TEMPORARY',
      jobLocationType: 'TELECOMMUTE',
      applicantLocationRequirements: { '@type': 'Country', name: 'Finland' },
      url: `${PUBLIC_URL}/en/needs/7d3c1c8e-0000-4000-8000-000000000002`,
    });
    for (const absent of ['jobLocation', 'baseSalary', 'validThrough']) expect(data).not.toHaveProperty(absent);
  });

  it('is null for a thesis, a course need, a need that is not open and one without a company', () => {
    expect(jobPostingJsonLd(need({ kind: 'THESIS' }), 'fi', PUBLIC_URL)).toBeNull();
    expect(jobPostingJsonLd(need({ kind: 'COURSE' }), 'fi', PUBLIC_URL)).toBeNull();
    for (const state of ['DRAFT', 'FILLED', 'CLOSED', 'EXPIRED'] as const)
      expect(jobPostingJsonLd(need({ state }), 'fi', PUBLIC_URL)).toBeNull();
    expect(jobPostingJsonLd(need({ organisation: null }), 'fi', PUBLIC_URL)).toBeNull();
  });
});

describe('the vocabulary check', () => {
  it('catches an unknown type, a property the type lacks and a value off its list', () => {
    expect(vocabularyProblems({ '@type': 'Course', name: 'x', courseMode: 'online' })).toEqual([
      '$: Course has no property courseMode',
    ]);
    expect(vocabularyProblems({ '@type': 'Cours', name: 'x' })).toEqual(['$: unknown type Cours']);
    expect(vocabularyProblems({ '@type': 'JobPosting', employmentType: 'SUMMER' })).toEqual([
      '$.employmentType: "SUMMER" is not one of its values',
    ]);
  });
});

describe('dates', () => {
  it('are ISO 8601 with Helsinki’s offset, winter and summer', () => {
    expect(helsinkiIso('2027-01-15T07:00:00.000Z')).toBe('2027-01-15T09:00:00+02:00');
    expect(helsinkiIso('2027-07-01T21:30:00Z')).toBe('2027-07-02T00:30:00+03:00');
    expect(endOfHelsinkiDay('2027-12-31')).toBe('2027-12-31T23:59:59+02:00');
  });
});

describe('serializeJsonLd', () => {
  it('escapes < so that no text can close the script, and reads back as the same data', () => {
    const data = jobPostingJsonLd(need({ title: 'Harjoittelu </script><script>alert(1)</script>' }), 'fi', PUBLIC_URL)!;
    const text = serializeJsonLd(data);
    expect(text).not.toContain('<');
    expect(text).not.toMatch(/<\/script/i);
    expect(text).toContain('\\u003c/script>');
    expect(JSON.parse(text)).toEqual(data);
    expect(serializeJsonLd({ a: 'x\u2028y<!--' })).toBe('{"a":"x\\u2028y\\u003c!--"}');
  });
});
