// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entrepreneurSession, fakeGraphql, prepareDom, renderRoutes } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { DemandPool } from '../operations';
import { PoolsPage } from './PoolsPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const educatorSession = {
  status: 'signedIn' as const,
  user: { ...entrepreneurSession.user, id: 'u-educator', displayName: 'Eero Educator', roles: ['EDUCATOR'] },
};

const OFFER_ID = '22222222-2222-4222-8222-222222222222';

const pool: DemandPool = {
  key: 'pool-1',
  topic: 'hot-work-card',
  needCount: 2,
  needs: [
    {
      id: 'n1',
      title: 'Tulityökortit asentajille',
      positions: 8,
      organisation: { id: 'c1', name: 'Tunturienergia Oy' },
    },
    { id: 'n2', title: 'Tulityökoulutus', positions: 6, organisation: { id: 'c2', name: 'Kemin Kone Oy' } },
  ],
  summary: {
    people: 14,
    companies: 6,
    topic: 'hot-work-card',
    places: ['851', '240'],
    remote: false,
    season: 'SPRING',
    year: 2027,
  },
  answers: [],
};

function server(pools: DemandPool[] = [pool]) {
  return fakeGraphql((operation) => {
    switch (operation.operationName) {
      case 'DemandPools':
        return { data: { demandPools: pools } };
      case 'PoolCourses':
        return { data: { myOffers: { nodes: [{ id: OFFER_ID, kind: 'COURSE', title: 'Tulityökorttikurssi' }] } } };
      case 'AnswerDemandPool':
        return { data: { answerDemandPool: { proposals: [{ id: 'p1' }, { id: 'p2' }], skippedNeedIds: [] } } };
      default:
        return { data: null };
    }
  });
}

describe('the demand pools page', () => {
  beforeEach(() => {
    prepareDom();
    session.current = educatorSession;
  });
  afterEach(cleanup);

  it('words each pool’s summary and lets an educator answer it with a course', async () => {
    const { client, named } = server();
    renderRoutes([{ path: '/pools', element: <PoolsPage /> }], '/pools', client);
    const heading = await screen.findByRole('heading', {
      name: '14 henkilöä 6 yrityksestä haluaa koulutusta aiheesta Tulityökortti alueella Tornio–Kemi keväällä 2027',
    });
    expect(heading).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tulityökortit asentajille' }).getAttribute('href')).toBe('/needs/n1');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /^Vastaa kurssilla/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Vastaa kysyntäryhmään kurssilla' });
    await user.click(await within(dialog).findByRole('button', { name: /Kurssi/ }));
    await user.click(await screen.findByRole('option', { name: 'Tulityökorttikurssi' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Viesti yrityksille' }), 'Kevään kurssi Torniossa.');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä ehdotukset' }));
    expect(await within(dialog).findByRole('heading', { name: '2 ehdotusta tehty.' })).toBeTruthy();
    expect(named('AnswerDemandPool')[0]?.variables).toEqual({
      input: { poolKey: 'pool-1', offerId: OFFER_ID, note: 'Kevään kurssi Torniossa.' },
    });
  });

  it('names a winter across the turn of the year by both years', async () => {
    const winter = { ...pool, key: 'pool-2', summary: { ...pool.summary, season: 'WINTER' as const, year: 2026 } };
    const { client } = server([winter]);
    renderRoutes([{ path: '/pools', element: <PoolsPage /> }], '/pools', client);
    expect(
      await screen.findByRole('heading', {
        name: '14 henkilöä 6 yrityksestä haluaa koulutusta aiheesta Tulityökortti alueella Tornio–Kemi talvella 2026–2027',
      }),
    ).toBeTruthy();
  });

  it('shows which course has answered a pool, and offers an educator a new course on its topic', async () => {
    const answered: DemandPool = {
      ...pool,
      answers: [
        { offerId: OFFER_ID, offerTitle: 'Tulityökorttikurssi', needCount: 2, firstProposedAt: '2027-01-12T08:00:00Z' },
      ],
    };
    const { client } = server([answered]);
    renderRoutes([{ path: '/pools', element: <PoolsPage /> }], '/pools', client);
    const course = await screen.findByRole('link', { name: 'Tulityökorttikurssi' });
    expect(course.getAttribute('href')).toBe(`/offers/${OFFER_ID}`);
    // Long words carry soft hyphens (for narrow screens); the text reads without them.
    expect(course.closest('li')!.textContent!.replace(/\u00ad/g, '')).toContain(
      'ehdotettu 2 tarpeelle 12. tammikuuta 2027',
    );
    expect(screen.getByRole('link', { name: /^Luo uusi kurssi tähän tarpeeseen/ }).getAttribute('href')).toBe(
      '/offers/new?topic=hot-work-card&municipality=851',
    );
    expect(await axeViolations()).toEqual([]);

    // A coordinator sees the answer, and creates no courses.
    cleanup();
    session.current = { ...educatorSession, user: { ...educatorSession.user, roles: ['COORDINATOR'] } };
    renderRoutes([{ path: '/pools', element: <PoolsPage /> }], '/pools', server([answered]).client);
    await screen.findByRole('link', { name: 'Tulityökorttikurssi' });
    expect(screen.queryByRole('link', { name: /^Luo uusi kurssi/ })).toBeNull();
  }, 20_000);
});
