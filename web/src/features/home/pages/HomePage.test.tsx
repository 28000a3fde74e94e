// @vitest-environment jsdom
import type { UserRole } from '@keskusvaraamo/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import { fakeGraphql, graphqlError, prepareDom, renderWithApp, type SentOperation } from '../../../shared/testing';
import { HomePage } from './HomePage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

function signedInAs(roles: UserRole[]) {
  session.current = {
    status: 'signedIn',
    user: {
      id: 'u1',
      email: 'u1@example.fi',
      displayName: 'Eeva Esimerkki',
      roles,
      locale: 'fi',
      emailVerified: true,
      createdAt: '2026-01-01T00:00:00Z',
    },
  };
}

const inDays = (days: number, hour = 9) => {
  const at = new Date(Date.now() + days * 86_400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at.toISOString();
};

const session1 = (id: string, days: number) => ({
  id,
  startsAt: inDays(days, 7),
  endsAt: inDays(days, 13),
  place: 'Koulutuskeskus',
  municipalityCode: '698',
  onlineUrl: null,
  priceCents: 0,
});

const proposal = (id: string, actions: string[]) => ({
  id,
  state: 'OPEN',
  origin: 'COORDINATOR',
  need: {
    id: 'n1',
    kind: 'INTERNSHIP',
    state: 'OPEN',
    title: 'Huoltoharjoittelu',
    organisation: { id: 'o1', name: 'Tunturi Oy' },
  },
  target: {
    kind: 'STUDENT',
    offer: null,
    session: null,
    studentId: 's1',
    title: 'Sami Aikio',
    organisationName: null,
    hidden: false,
  },
  note: '',
  proposerName: 'Kaisa Koordinaattori',
  needAnswer: { answer: null, answeredAt: null, answeredByName: null },
  targetAnswer: { answer: 'ACCEPTED', answeredAt: inDays(-1), answeredByName: 'Sami Aikio' },
  viewerSides: ['NEED'],
  actions,
  matchMade: null,
  createdAt: inDays(-2),
  decidedAt: null,
});

const pageInfo = { hasNextPage: false, endCursor: null };

/** The fake server's answers: each home query with a little factory data. */
function answers(operation: SentOperation) {
  switch (operation.operationName) {
    case 'ReceivedApplications':
      return {
        data: {
          receivedApplications: {
            nodes: [
              {
                id: 'a1',
                state: 'SUBMITTED',
                studentName: 'Sami Aikio',
                createdAt: inDays(-1),
                need: { id: 'n1', title: 'Huoltoharjoittelu' },
              },
            ],
            totalCount: 3,
          },
        },
      };
    case 'MyNeeds':
      return {
        data: {
          myNeeds: {
            nodes: [
              {
                id: 'n1',
                kind: 'INTERNSHIP',
                state: 'OPEN',
                title: 'Huoltoharjoittelu',
                periodStart: '2027-06-01',
                periodEnd: '2027-08-31',
                municipalityCode: '732',
                remote: false,
                applicationDeadline: null,
                organisation: { id: 'o1', name: 'Tunturi Oy' },
                updatedAt: inDays(-3),
                applicationCount: 3,
              },
            ],
            pageInfo,
            totalCount: 1,
          },
        },
      };
    case 'UpcomingBookings':
      return {
        data: {
          upcomingBookings: [
            {
              id: 'b1',
              state: 'CONFIRMED',
              seats: 1,
              waitlistPosition: null,
              offeredUntil: null,
              session: session1('s1', 2),
              offer: { id: 'c1', title: 'Aurinkosähkön perusteet' },
              billing: null,
            },
            {
              id: 'b2',
              state: 'OFFERED',
              seats: 2,
              waitlistPosition: null,
              offeredUntil: inDays(1),
              session: session1('s2', 20),
              offer: { id: 'c2', title: 'Lämpöpumput' },
              billing: null,
            },
            {
              // Held by a match for the person's company, paid and with no billing details yet.
              id: 'b3',
              state: 'OFFERED',
              seats: 3,
              waitlistPosition: null,
              offeredUntil: inDays(2),
              session: { ...session1('s3', 25), priceCents: 12_000 },
              offer: { id: 'c3', title: 'Tuulivoiman huolto' },
              billing: null,
            },
          ],
        },
      };
    case 'MyProposals':
      return {
        data: {
          myProposals: { nodes: [proposal('p1', ['ACCEPT', 'DECLINE']), proposal('p2', [])], pageInfo, totalCount: 2 },
        },
      };
    case 'OfferedApplications':
      return {
        data: {
          myApplications: {
            nodes: [
              {
                id: 'a2',
                state: 'OFFERED',
                actions: ['ACCEPT', 'DECLINE', 'WITHDRAW'],
                studentName: 'Eeva Esimerkki',
                updatedAt: inDays(-1),
                need: {
                  id: 'n2',
                  title: 'Kesätyö voimalalla',
                  kind: 'SUMMER_JOB',
                  state: 'OPEN',
                  organisation: { id: 'o2', name: 'Kemin Energia' },
                },
              },
            ],
            totalCount: 1,
          },
        },
      };
    case 'PlacementsForMe':
      return {
        data: {
          placementsForMe: [
            {
              kind: 'NEED',
              id: 'n3',
              itemKind: 'INTERNSHIP',
              title: 'Tuulivoimaharjoittelu',
              subtitle: null,
              offerId: null,
              startsAt: null,
              municipalityCode: '698',
              remote: false,
              periodStart: '2027-06-01',
              periodEnd: '2027-08-31',
              score: 0.9,
              explanation: 'Molemmat aiheesi, Rovaniemellä.',
            },
          ],
        },
      };
    case 'OrganisedSessions':
      return {
        data: {
          organisedSessions: [
            {
              offer: { id: 'c1', title: 'Aurinkosähkön perusteet' },
              session: { ...session1('s1', 2), seats: 16, seatsTaken: 12, seatsFree: 4, waitlistCount: 2 },
            },
          ],
        },
      };
    case 'UnmetDemand':
      return { data: { unmetDemand: [] } };
    case 'BrokeringQueue':
      return {
        data: {
          brokeringQueue: {
            nodes: [
              {
                need: {
                  id: 'n4',
                  kind: 'COURSE',
                  state: 'OPEN',
                  title: 'Sähköturvallisuus',
                  municipalityCode: '742',
                  remote: false,
                  organisation: { id: 'o3', name: 'Sallan Sähkö' },
                },
                publishedAt: inDays(-9),
                daysWaiting: 9,
                openProposals: 0,
              },
            ],
            pageInfo,
            totalCount: 1,
          },
        },
      };
    case 'Organisations':
      return {
        data: {
          organisations: {
            nodes: [
              { id: 'o9', name: 'Uusi Oy', kind: 'COMPANY', verified: false, businessId: null, municipalityCode: null },
            ],
            pageInfo,
            totalCount: 1,
          },
        },
      };
    case 'HeadlineFigures':
      return {
        data: {
          clusterReport: {
            period: { from: '2026-01-01', to: '2026-12-05' },
            previousPeriod: { from: '2025-01-01', to: '2025-12-05' },
            needs: { posted: { current: 41, previous: 30 } },
            matches: { made: { current: 17, previous: 9 } },
            courses: { seatsBooked: { current: 120, previous: 80 } },
            placements: { filled: { current: 6, previous: 4 } },
          },
        },
      };
    case 'Users':
      return { data: { users: { nodes: [], pageInfo, totalCount: 0 } } };
    default:
      return { data: {} };
  }
}

const answersOffered = () =>
  (
    answers({ operationName: 'OfferedApplications', variables: {} }) as {
      data: { myApplications: { nodes: object[] } };
    }
  ).data.myApplications.nodes[0]!;

const part = (name: string) => screen.getByRole('region', { name });
const card = (name: RegExp) => screen.getByRole('region', { name });

describe('a person’s home', () => {
  beforeEach(() => prepareDom());
  afterEach(() => {
    cleanup();
    // What a closed dialog's portal may leave behind in jsdom (its pending indicator), out of the next test's page.
    document.body.innerHTML = '';
  });

  it('shows an entrepreneur their new applicants, open needs, bookings and proposals to answer, and nothing of other roles', async () => {
    signedInAs(['ENTREPRENEUR']);
    const server = fakeGraphql(answers);
    renderWithApp(<HomePage />, server.client, '/home');
    expect(screen.getByRole('heading', { level: 1, name: 'Hei, Eeva Esimerkki' })).toBeTruthy();
    expect(part('Yrityksesi')).toBeTruthy();

    const applicants = card(/^Uudet hakijat/);
    await within(applicants).findByRole('link', { name: 'Sami Aikio' });
    // The count is all the new applications, not the few shown.
    expect(within(applicants).getByText('3')).toBeTruthy();
    expect(within(applicants).getByRole('link', { name: 'Huoltoharjoittelu' }).getAttribute('href')).toBe(
      '/needs/n1/applicants',
    );

    const needs = card(/^Avoimet tarpeesi/);
    await within(needs).findByText(/3 hakemusta/);
    expect(within(needs).getByRole('link', { name: 'Ehdotukset' }).getAttribute('href')).toBe(
      '/needs/n1#need-suggestions-heading',
    );

    const bookings = card(/^Tulevat varauksesi/);
    await within(bookings).findByRole('link', { name: 'Aurinkosähkön perusteet' });
    expect(within(bookings).getAllByText('Paikka odottaa vahvistusta')).toHaveLength(2);

    // Only the proposal that waits for this side's answer.
    const proposals = card(/^Vastaustasi odottavat ehdotukset/);
    await within(proposals).findAllByRole('button', { name: /^Hyväksy/ });
    expect(within(proposals).getAllByRole('listitem')).toHaveLength(1);

    expect(screen.queryByRole('region', { name: 'Opinnot ja työ' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Koordinointi' })).toBeNull();
    const asked = new Set(server.sent.map((operation) => operation.operationName));
    for (const other of [
      'PlacementsForMe',
      'OrganisedSessions',
      'BrokeringQueue',
      'HeadlineFigures',
      'Users',
      'Organisations',
    ])
      expect(asked.has(other), other).toBe(false);
    expect(server.named('ReceivedApplications')[0]!.variables).toEqual({ state: 'SUBMITTED', first: 5 });
    expect(await axeViolations()).toEqual([]);
  });

  it('lets a student accept a job offer and claim a seat in one step each', async () => {
    signedInAs(['STUDENT']);
    const server = fakeGraphql((operation) => {
      if (operation.operationName === 'AcceptApplication')
        return { data: { acceptApplication: { ...answersOffered(), state: 'ACCEPTED', actions: [] } } };
      if (operation.operationName === 'ClaimBooking') return graphqlError('CLAIM_EXPIRED');
      return answers(operation);
    });
    renderWithApp(<HomePage />, server.client, '/home');
    const user = userEvent.setup();

    // Accepting is confirmed first, as on the application's page (it cannot be undone); withdrawing is not offered here.
    const offers = card(/^Vastaustasi odottavat tarjoukset/);
    await user.click(await within(offers).findByRole('button', { name: 'Hyväksy tarjous: Kesätyö voimalalla' }));
    expect(within(offers).queryByRole('button', { name: /^Peru hakemus/ })).toBeNull();
    const confirm = await screen.findByRole('alertdialog', { name: 'Hyväksytkö tarjouksen?' });
    await user.click(within(confirm).getByRole('button', { name: 'Hyväksy tarjous' }));
    await waitFor(() => expect(server.named('AcceptApplication')[0]?.variables).toEqual({ id: 'a2' }));
    await within(offers).findByText('Olet hyväksynyt tarjouksen: Kesätyö voimalalla.');

    // Only the offered bookings are seats to claim; paid seats with no billing details are claimed
    // on the bookings page, where who is invoiced is asked; a failed claim says why.
    const seats = card(/^Sinulle tarjotut paikat/);
    expect(await within(seats).findAllByRole('listitem')).toHaveLength(2);
    expect(
      within(seats).getByRole('link', { name: 'Vahvista varauksissasi: Tuulivoiman huolto' }).getAttribute('href'),
    ).toBe('/my/bookings');
    expect(within(seats).queryByRole('button', { name: /Tuulivoiman huolto/ })).toBeNull();
    await user.click(within(seats).getByRole('button', { name: 'Lunasta paikka: Lämpöpumput' }));
    await waitFor(() => expect(server.named('ClaimBooking')[0]?.variables).toEqual({ id: 'b2' }));
    expect((await within(seats).findByRole('alert')).textContent).not.toBe('');

    // This week's sessions: the confirmed one in two days, not the offered one in twenty.
    const week = card(/^Tämän viikon kurssisi/);
    await within(week).findByRole('link', { name: 'Aurinkosähkön perusteet' });
    expect(within(week).queryByRole('link', { name: 'Lämpöpumput' })).toBeNull();

    await within(card(/^Sinulle sopivat paikat/)).findByText('Molemmat aiheesi, Rovaniemellä.');
    const asked = new Set(server.sent.map((operation) => operation.operationName));
    for (const other of ['ReceivedApplications', 'MyNeeds', 'OrganisedSessions', 'BrokeringQueue', 'Users'])
      expect(asked.has(other), other).toBe(false);
  });

  it('shows an educator this week’s sessions with seats and waitlist', async () => {
    signedInAs(['EDUCATOR']);
    const server = fakeGraphql(answers);
    renderWithApp(<HomePage />, server.client, '/home');
    const sessions = card(/^Tämän viikon toteutuksesi/);
    await within(sessions).findByText('12/16 paikkaa varattu · 2 jonossa');
    expect(within(sessions).getByRole('link', { name: 'Aurinkosähkön perusteet' }).getAttribute('href')).toBe(
      '/sessions/s1/manage',
    );
    expect(server.named('OrganisedSessions')[0]!.variables).toEqual({ days: 7 });
    await within(card(/^Tarve, johon mikään kurssi ei vastaa/)).findByText('Vastaamatonta kysyntää ei nyt ole.');
  });

  it('gives a coordinator the queue, proposals in progress, organisations to verify in one step, and the year’s figures', async () => {
    signedInAs(['COORDINATOR']);
    const server = fakeGraphql((operation) =>
      operation.operationName === 'VerifyOrganisation'
        ? { data: { verifyOrganisation: { id: 'o9', name: 'Uusi Oy', kind: 'COMPANY', verified: true } } }
        : answers(operation),
    );
    renderWithApp(<HomePage />, server.client, '/home');
    const user = userEvent.setup();
    await within(card(/^Yhdistämistä odottavat tarpeet/)).findByText(
      'Sallan Sähkö · odottanut 9 päivää · 0 avointa ehdotusta',
    );
    await within(card(/^Keskeneräiset ehdotukset/)).findAllByText('Tarpeen puoli: odottaa · toinen puoli: hyväksyi');
    const verify = card(/^Vahvistettavat organisaatiot/);
    await user.click(await within(verify).findByRole('button', { name: 'Vahvista: Uusi Oy' }));
    await waitFor(() => expect(server.named('VerifyOrganisation')[0]?.variables).toEqual({ id: 'o9', verified: true }));
    await within(verify).findByText('Uusi Oy on vahvistettu.');
    const figures = card(/^Tämän vuoden luvut/);
    await within(figures).findByText('41');
    expect(within(figures).getByText('(ennen: 30)')).toBeTruthy();
    // A coordinator answers no proposals of their own here, and sees no company's applicants.
    expect(screen.queryByRole('region', { name: /^Vastaustasi odottavat ehdotukset/ })).toBeNull();
    expect(server.named('ReceivedApplications')).toHaveLength(0);
    expect(await axeViolations()).toEqual([]);
  });

  it('shows each part to a person with several roles, with the proposals to answer once', async () => {
    signedInAs(['ENTREPRENEUR', 'EDUCATOR', 'ADMIN']);
    const server = fakeGraphql(answers);
    renderWithApp(<HomePage />, server.client, '/home');
    expect(part('Yrityksesi')).toBeTruthy();
    expect(part('Koulutuksesi')).toBeTruthy();
    expect(part('Ylläpito')).toBeTruthy();
    expect(screen.getAllByRole('region', { name: /^Vastaustasi odottavat ehdotukset/ })).toHaveLength(1);
    await within(card(/^Uusimmat käyttäjätilit/)).findByText('Ei käyttäjätilejä.');
    // The newest accounts are those in use (an erased account is nothing to act on); then the deactivated.
    expect(server.named('Users').map((sent) => sent.variables.status)).toEqual(['ACTIVE', 'DEACTIVATED']);
  });

  it('keeps a card’s place while it loads and offers to try again when its load fails', async () => {
    signedInAs(['ENTREPRENEUR']);
    let fail = true;
    const server = fakeGraphql((operation) =>
      operation.operationName === 'ReceivedApplications' && fail ? graphqlError('INTERNAL') : answers(operation),
    );
    renderWithApp(<HomePage />, server.client, '/home');
    const applicants = card(/^Uudet hakijat/);
    expect(applicants.getAttribute('aria-busy')).toBe('true');
    await within(applicants).findByRole('alert');
    fail = false;
    await userEvent.setup().click(within(applicants).getByRole('button', { name: 'Yritä uudelleen' }));
    await within(applicants).findByRole('link', { name: 'Sami Aikio' });
    expect(applicants.getAttribute('aria-busy')).toBe('false');
  });
});
