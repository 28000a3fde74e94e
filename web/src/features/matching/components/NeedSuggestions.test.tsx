// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  entrepreneurSession,
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { Match } from '../operations';
import { NeedSuggestions } from './NeedSuggestions';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const coordinatorSession = {
  status: 'signedIn' as const,
  user: {
    ...entrepreneurSession.user,
    id: 'u-coordinator',
    displayName: 'Kaisa Koordinaattori',
    roles: ['COORDINATOR'],
  },
};

const NEED_ID = '11111111-1111-4111-8111-111111111111';
const NEED: ComponentProps<typeof NeedSuggestions>['need'] = {
  id: NEED_ID,
  title: 'Tulityökorttikoulutus',
  state: 'OPEN',
  canEdit: false,
};

const match = (id: string, overrides: Partial<Match> = {}): Match => ({
  kind: 'OFFER',
  id,
  itemKind: 'COURSE',
  title: 'Tulityökortti',
  subtitle: 'Lapin ammattikorkeakoulu',
  offerId: null,
  startsAt: null,
  municipalityCode: '851',
  remote: false,
  periodStart: null,
  periodEnd: null,
  score: 86.4,
  explanation: 'Yhteinen aihe: Tulityö, 25 km:n päässä, suomeksi.',
  ...overrides,
});

function server(matches: Match[] | Answer, propose?: (op: SentOperation) => Answer) {
  return fakeGraphql((operation) => {
    if (operation.operationName === 'NeedMatches')
      return Array.isArray(matches) ? { data: { need: { id: NEED_ID, matches } } } : matches;
    if (operation.operationName === 'ProposeMatch' && propose) return propose(operation);
    return { data: null };
  });
}

const renderNeed = (client: ReturnType<typeof fakeGraphql>['client'], need = NEED) =>
  renderRoutes([{ path: '/needs/:id', element: <NeedSuggestions need={need} /> }], `/needs/${NEED_ID}`, client);

describe('suggestions on a need’s page', () => {
  beforeEach(() => {
    prepareDom();
    session.current = coordinatorSession;
  });
  afterEach(cleanup);

  it('shows nothing, and asks nothing, to those who may not manage the need', async () => {
    session.current = entrepreneurSession;
    const { client, sent } = server([match('o1')]);
    const { container } = renderNeed(client);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
    expect(sent).toHaveLength(0);
  });

  it('lists the need’s side its matches with score and explanation, linking a session to its course', async () => {
    session.current = entrepreneurSession;
    const { client } = server([
      match('o1'),
      match('s1', {
        kind: 'SESSION',
        itemKind: 'SESSION',
        offerId: 'o2',
        title: 'Tulityökortti, Tornio',
        startsAt: '2027-03-03T07:00:00.000Z',
        score: 70,
      }),
    ]);
    renderNeed(client, { ...NEED, canEdit: true });
    const region = await screen.findByRole('region', { name: 'Ehdotuksia sinulle' });
    expect((await within(region).findByRole('link', { name: 'Tulityökortti' })).getAttribute('href')).toBe(
      '/offers/o1',
    );
    expect(within(region).getByRole('link', { name: 'Tulityökortti, Tornio' }).getAttribute('href')).toBe('/offers/o2');
    expect(within(region).getAllByText('Yhteinen aihe: Tulityö, 25 km:n päässä, suomeksi.')).toHaveLength(2);
    expect(within(region).getByText('86/100')).toBeTruthy();
    expect(within(region).getByRole('meter', { name: 'Sopivuus: Tulityökortti' })).toBeTruthy();
    expect(within(region).queryByRole('button')).toBeNull();
    // A course and its sessions share a title: each says what it is, a session when and where.
    const [course, courseSession] = within(region).getAllByRole('listitem');
    expect(within(course!).getByText('Kurssi')).toBeTruthy();
    expect(within(courseSession!).getByText(/^Toteutus 3\.3\.2027 klo 9\.00 · Tornio$/)).toBeTruthy();
  });

  it('shows nothing, and asks nothing, once the need is closed', async () => {
    const { client, sent } = server([match('o1')]);
    const { container } = renderNeed(client, { ...NEED, state: 'CLOSED', canEdit: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
    expect(sent).toHaveLength(0);
  });

  it('says when there is nothing to suggest', async () => {
    const { client } = server([]);
    renderNeed(client);
    expect(await screen.findByText('Ei vielä ehdotuksia')).toBeTruthy();
  });

  it('hides itself when the server forbids', async () => {
    const { client } = server(graphqlError('FORBIDDEN'));
    const { container } = renderNeed(client);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.querySelector('section')).toBeNull();
  });

  it('lets a coordinator propose a session with a note', async () => {
    const { client, named } = server(
      [match('s1', { kind: 'SESSION', itemKind: 'SESSION', offerId: 'o2', title: 'Tulityökortti, Tornio' })],
      () => ({ data: { proposeMatch: { id: 'p1' } } }),
    );
    renderNeed(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ehdota: Tulityökortti, Tornio' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ehdota yhdistämistä' });
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä ehdotus' }));
    expect(await within(dialog).findByText('Tämä tieto tarvitaan.')).toBeTruthy();
    expect(named('ProposeMatch')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Viesti molemmille osapuolille' }), 'Sopii hyvin.');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä ehdotus' }));
    expect(await within(dialog).findByRole('heading', { name: 'Ehdotus on lähetetty' })).toBeTruthy();
    expect(named('ProposeMatch')[0]?.variables).toEqual({
      input: { needId: NEED_ID, targetKind: 'SESSION', sessionId: 's1', note: 'Sopii hyvin.' },
    });
    expect(within(dialog).getByRole('link', { name: 'Näytä ehdotus' }).getAttribute('href')).toBe('/proposals/p1');
  });

  it('shows a translated error when the target is no longer available', async () => {
    const { client } = server([match('o1')], () => graphqlError('TARGET_UNAVAILABLE'));
    renderNeed(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Ehdota: Tulityökortti' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Viesti molemmille osapuolille' }), 'Hei');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä ehdotus' }));
    expect(await within(dialog).findByText(/Tätä ei voi nyt ehdottaa/)).toBeTruthy();
    expect(within(dialog).queryByRole('heading', { name: 'Ehdotus on lähetetty' })).toBeNull();
  });

  it('lets the need’s company book a suggested course or session for its COURSE need', async () => {
    session.current = entrepreneurSession;
    const matches = [
      match('o1'),
      match('s1', {
        kind: 'SESSION',
        itemKind: 'SESSION',
        offerId: 'o2',
        title: 'Tulityökortti, Tornio',
        startsAt: '2027-03-03T07:00:00.000Z',
      }),
      match('o3', { itemKind: 'STUDENT_POOL', title: 'Sähköasentajaopiskelijat' }),
    ];
    const answer = (canBookCourse: boolean) =>
      fakeGraphql((op) =>
        op.operationName === 'NeedMatches'
          ? { data: { need: { id: NEED_ID, canBookCourse, matches } } }
          : { data: null },
      ).client;
    renderNeed(answer(true), { ...NEED, canEdit: true });
    const region = await screen.findByRole('region', { name: 'Ehdotuksia sinulle' });
    const course = await within(region).findByRole('link', { name: 'Varaa tähän tarpeeseen: Tulityökortti' });
    expect(course.getAttribute('href')).toBe(`/offers/o1?need=${NEED_ID}`);
    const courseSession = within(region).getByRole('link', {
      name: 'Varaa tähän tarpeeseen: Tulityökortti, Tornio, 3.3.2027 klo 9.00',
    });
    expect(courseSession.getAttribute('href')).toBe(`/offers/o2?need=${NEED_ID}`);
    // A student pool is not booked.
    expect(within(region).getAllByRole('link', { name: /^Varaa tähän tarpeeseen/ })).toHaveLength(2);
    expect(await axeViolations(region)).toEqual([]);
    cleanup();
    // The server says who may book for the need: nobody else gets the link.
    renderNeed(answer(false), { ...NEED, canEdit: true });
    const other = await screen.findByRole('region', { name: 'Ehdotuksia sinulle' });
    await within(other).findByRole('link', { name: 'Tulityökortti, Tornio' });
    expect(within(other).queryByRole('link', { name: /Varaa tähän tarpeeseen/ })).toBeNull();
  });
});
