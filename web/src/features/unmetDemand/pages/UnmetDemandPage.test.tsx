// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import {
  entrepreneurSession,
  expectAnnounced,
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  switchLanguage,
  type Answer,
} from '../../../shared/testing';
import { UnmetDemandList } from '../components/UnmetDemandList';
import type { UnmetDemand } from '../operations';
import { UnmetDemandPage } from './UnmetDemandPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const withRoles = (roles: string[]) => ({
  status: 'signedIn' as const,
  user: { ...entrepreneurSession.user, id: `u-${roles.join('-')}`, roles },
});
const educator = withRoles(['EDUCATOR']);
const coordinator = withRoles(['COORDINATOR']);

const rows: UnmetDemand[] = [
  {
    kind: 'COURSE',
    topic: 'solar-pv',
    municipalityCode: '240',
    needs: 3,
    people: 14,
    companies: 2,
    waitingSince: '2026-09-01T09:00:00Z',
    examples: [
      { id: 'n1', title: 'Aurinkosähkön perusteet asentajille', organisation: { id: 'c1', name: 'Kemin Kone Oy' } },
      { id: 'n2', title: 'Aurinkopaneelien huolto', organisation: null },
    ],
  },
  {
    kind: 'INTERNSHIP',
    topic: 'biogas',
    municipalityCode: null,
    needs: 2,
    people: 4,
    companies: 2,
    waitingSince: '2026-11-26T09:00:00Z',
    examples: [{ id: 'n3', title: 'Biokaasuharjoittelija', organisation: { id: 'c2', name: 'Tunturienergia Oy' } }],
  },
  {
    kind: 'THESIS',
    topic: 'solar-pv',
    municipalityCode: '698',
    needs: 1,
    people: 1,
    companies: 1,
    waitingSince: '2025-10-01T09:00:00Z',
    examples: [
      { id: 'n4', title: 'Opinnäyte aurinkosähköstä', organisation: { id: 'c3', name: 'Napapiirin Energia' } },
    ],
  },
];

const NOW = new Date('2026-12-03T12:00:00Z');

function server(answer: () => Answer = () => ({ data: { unmetDemand: rows } })) {
  return fakeGraphql(answer);
}

function renderPage(client = server()) {
  renderRoutes([{ path: '/unmet-demand', element: <UnmetDemandPage /> }], '/unmet-demand', client.client);
  return client;
}

const rowHeadings = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const row = (name: string) => screen.getByRole('listitem', { name });
/** A fact of a row by its term: "Avoimia tarpeita" → "3". */
const fact = (item: HTMLElement, term: string) =>
  within(item).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent?.replace(/\s/g, ' ');

describe('the unmet demand page', () => {
  beforeEach(() => {
    prepareDom();
    session.current = educator;
  });
  afterEach(async () => {
    cleanup();
    await switchLanguage('fi');
  });

  it('lists each topic and area with the needs, people and companies waiting and since when', async () => {
    const { named } = renderPage();
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    expect(screen.getByRole('heading', { level: 1, name: 'Vastaamaton kysyntä' })).toBeTruthy();
    // The server's bound, asked for once.
    expect(named('UnmetDemand').map((op) => op.variables)).toEqual([{ limit: 100 }]);
    // The definition, as the report states it.
    expect(screen.getByText(/^Avoimet kurssi- ja paikkatarpeet aiheittain ja kunnittain/)).toBeTruthy();
    // In the server's order, largest first; remote needs named as such.
    expect(rowHeadings()).toEqual(['Aurinkosähkö, Kemi', 'Biokaasu, etänä tai verkossa', 'Aurinkosähkö, Rovaniemi']);
    await expectAnnounced('3 aihetta ja aluetta');

    const course = row('Aurinkosähkö, Kemi');
    expect(within(course).getByText('Koulutus')).toBeTruthy();
    expect(fact(course, 'Avoimia tarpeita')).toBe('3');
    expect(fact(course, 'Odottavia henkilöitä')).toBe('14');
    expect(fact(course, 'Odottavia yrityksiä')).toBe('2');
    const since = fact(course, 'Odottanut alkaen');
    expect(since).toMatch(/^1\. syyskuuta 2026 \(.+ sitten\)$/);
    expect(within(course).getByRole('link', { name: 'Aurinkosähkön perusteet asentajille' }).getAttribute('href')).toBe(
      '/needs/n1',
    );
    expect(within(course).getByText(/Kemin Kone Oy/)).toBeTruthy();
    // Placements count the positions to fill.
    expect(fact(row('Biokaasu, etänä tai verkossa'), 'Täytettäviä paikkoja')).toBe('4');
  });

  it('gives an educator a link to publish a course, or present a student pool, on the row’s topic', async () => {
    renderPage();
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    const createCourse = within(row('Aurinkosähkö, Kemi')).getByRole('link', { name: /^Luo kurssi tähän/ });
    expect(createCourse.getAttribute('href')).toBe('/offers/new?topic=solar-pv');
    expect(createCourse.textContent).toBe('Luo kurssi tähän: Aurinkosähkö, Kemi');
    const presentPool = within(row('Biokaasu, etänä tai verkossa')).getByRole('link', {
      name: /^Esittele opiskelijaryhmä tähän/,
    });
    expect(presentPool.getAttribute('href')).toBe('/offers/new?kind=STUDENT_POOL&topic=biogas');
  });

  it('shows a coordinator the same rows without the educator’s links', async () => {
    session.current = coordinator;
    renderPage();
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    expect(screen.queryByRole('link', { name: /^Luo kurssi tähän/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Esittele opiskelijaryhmä/ })).toBeNull();
  });

  it('filters by kind, topic and municipality on the rows loaded', async () => {
    const { named } = renderPage();
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /Aihe$/ }));
    await user.click(await screen.findByRole('option', { name: 'Aurinkosähkö' }));
    expect(rowHeadings()).toEqual(['Aurinkosähkö, Kemi', 'Aurinkosähkö, Rovaniemi']);
    await expectAnnounced('2/3 aiheesta ja alueesta');

    await user.click(screen.getByRole('button', { name: /Laji$/ }));
    await user.click(await screen.findByRole('option', { name: 'Opinnäytetyö' }));
    expect(rowHeadings()).toEqual(['Aurinkosähkö, Rovaniemi']);

    await user.click(screen.getByRole('button', { name: 'Tyhjennä rajaukset' }));
    expect(rowHeadings()).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: /Kunta$/ }));
    // Only the places of the rows are offered, the remote ones by that name.
    const places = (await screen.findAllByRole('option')).map((option) => option.textContent);
    expect(places).toEqual(['Kaikki kunnat', 'Etänä tai verkossa', 'Kemi', 'Rovaniemi']);
    await user.click(screen.getByRole('option', { name: 'Etänä tai verkossa' }));
    expect(rowHeadings()).toEqual(['Biokaasu, etänä tai verkossa']);
    // Filtering asks the server nothing more.
    expect(named('UnmetDemand')).toHaveLength(1);
  });

  it('says so when nothing is waiting, and shows a failure as an alert', async () => {
    renderPage(server(() => ({ data: { unmetDemand: [] } })));
    expect(await screen.findByText(/^Mikään ei odota/)).toBeTruthy();
    cleanup();
    renderPage(server(() => graphqlError('FORBIDDEN')));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
  });

  it('is not for other roles: they are told so and nothing is asked', async () => {
    session.current = withRoles(['ENTREPRENEUR', 'STUDENT']);
    const { sent } = renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ei käyttöoikeutta' })).toBeTruthy();
    expect(screen.getByText('Tämä sivu on kouluttajille ja klusterin koordinaattoreille.')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('names topics and places in the reader’s language', async () => {
    renderPage();
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    await switchLanguage('en');
    expect(rowHeadings()).toEqual(['Solar PV in Kemi', 'Biogas, remote or online', 'Solar PV in Rovaniemi']);
    expect(screen.getByRole('heading', { level: 1, name: 'Unmet demand' })).toBeTruthy();
    expect(fact(row('Solar PV in Kemi'), 'Waiting since')).toMatch(/^1 September 2026 \(.+ ago\)$/);
    await switchLanguage('sv');
    expect(rowHeadings()[1]).toBe('Biogas, på distans eller online');
  });

  it('has no accessibility violations', async () => {
    renderPage();
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    expect(await axeViolations()).toEqual([]);
  });
});

describe('UnmetDemandList on its own (the coordinator’s report embeds it)', () => {
  beforeEach(() => {
    prepareDom();
    session.current = coordinator;
  });
  afterEach(cleanup);

  it('asks for the limit given, within the server’s bound, and counts the waiting time to `now`', async () => {
    const client = server();
    renderRoutes([{ path: '/', element: <UnmetDemandList limit={20} now={NOW} /> }], '/', client.client);
    await screen.findByRole('heading', { level: 3, name: 'Aurinkosähkö, Kemi' });
    expect(fact(row('Biokaasu, etänä tai verkossa'), 'Odottanut alkaen')).toBe(
      '26. marraskuuta 2026 (7 päivää sitten)',
    );
    expect(fact(row('Aurinkosähkö, Rovaniemi'), 'Odottanut alkaen')).toBe('1. lokakuuta 2025 (1 vuosi sitten)');
    cleanup();
    const tooMany = server();
    renderRoutes([{ path: '/', element: <UnmetDemandList limit={500} headingLevel={2} /> }], '/', tooMany.client);
    await screen.findByRole('heading', { level: 2, name: 'Aurinkosähkö, Kemi' });
    expect(client.named('UnmetDemand')[0]?.variables).toEqual({ limit: 20 });
    expect(tooMany.named('UnmetDemand')[0]?.variables).toEqual({ limit: 100 });
  });
});
