// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, prepareDom, renderRoutes } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { Proposal } from '../operations';
import { proposalFixture } from '../testFixtures';
import { ProposalPage } from './ProposalPage';

vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({
    status: 'signedIn',
    user: { id: 'u1', email: 'u1@example.fi', displayName: 'Sanna Opiskelija', roles: ['STUDENT'], locale: 'fi' },
  }),
}));

const accepted = {
  state: 'ACCEPTED',
  actions: [],
  needAnswer: { answer: 'ACCEPTED', answeredAt: '2026-03-03T09:00:00Z', answeredByName: 'Erkki Yrittäjä' },
  targetAnswer: { answer: 'ACCEPTED', answeredAt: '2026-03-02T09:00:00Z', answeredByName: 'Sanna Opiskelija' },
  matchMade: { id: 'm1', matchedAt: '2026-03-03T09:00:00Z', minutesToMatch: 100 },
  decidedAt: '2026-03-03T09:00:00Z',
} satisfies Partial<Proposal>;

const studentMatch = (overrides: Partial<Proposal> = {}) =>
  proposalFixture({
    ...accepted,
    need: {
      id: 'n1',
      kind: 'INTERNSHIP',
      state: 'OPEN',
      title: 'Harjoittelija asennuksiin',
      organisation: { id: 'c1', name: 'Tunturienergia Oy' },
    },
    target: {
      kind: 'STUDENT',
      offer: null,
      session: null,
      studentId: 'u1',
      title: 'Sanna Opiskelija',
      organisationName: 'Lapin AMK',
      hidden: false,
    },
    application: { id: 'a1', state: 'SUBMITTED', proposalId: 'p1' },
    seatHold: null,
    ...overrides,
  });

const courseMatch = (overrides: Partial<Proposal> = {}) =>
  proposalFixture({
    ...accepted,
    target: {
      kind: 'SESSION',
      offer: { id: 'o1', title: 'Tulityökortti' },
      session: { id: 's1', startsAt: '2026-04-14T06:00:00Z' },
      studentId: null,
      title: 'Tulityökortti',
      organisationName: 'Lapin ammattikorkeakoulu',
      hidden: false,
    },
    application: null,
    seatHold: { state: 'OFFERED', seats: 3, offeredUntil: '2026-03-05T09:00:00Z', bookingId: 'b1', mine: true },
    ...overrides,
  });

function render(proposal: Proposal) {
  const { client } = fakeGraphql((operation) =>
    operation.operationName === 'Proposal' ? { data: { proposal } } : { data: null },
  );
  renderRoutes([{ path: '/proposals/:id', element: <ProposalPage /> }], '/proposals/p1', client);
}

const nextStep = () => screen.findByRole('region', { name: 'Mitä seuraavaksi' });

describe('an accepted proposal’s page', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('leads the student to the application the match made and to its conversation', async () => {
    render(studentMatch({ viewerSides: ['TARGET'] }));
    const section = await nextStep();
    expect(within(section).getByText(/Yhteistyöstä syntyi hakemuksesi tähän paikkaan/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Avaa hakemus' }).getAttribute('href')).toBe(
      '/my/applications/a1',
    );
    expect(within(section).getByRole('link', { name: 'Viestit hakemuksesta' }).getAttribute('href')).toBe(
      '/my/applications/a1#application-messages-heading',
    );
    expect(await axeViolations()).toEqual([]);
  });

  it('leads the company to the applicant, and says when the student had applied already', async () => {
    render(studentMatch({ viewerSides: ['NEED'], application: { id: 'a2', state: 'SHORTLISTED', proposalId: null } }));
    const section = await nextStep();
    expect(within(section).getByText(/Opiskelija oli jo hakenut tähän paikkaan/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Avaa hakemus' }).getAttribute('href')).toBe('/applications/a2');
  });

  it('shows the poster the seats held for them, their claim deadline and where to claim them', async () => {
    render(courseMatch());
    const section = await nextStep();
    expect(within(section).getByText(/Sinulle on varattu tältä toteutukselta 3 paikkaa .*5\.3\.2026/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Vahvista paikat' }).getAttribute('href')).toBe('/my/bookings');
    expect(await axeViolations()).toEqual([]);
  });

  it('shows others how many seats are held for the poster, without a claim', async () => {
    render(
      courseMatch({
        viewerSides: ['TARGET'],
        seatHold: { state: 'OFFERED', seats: 1, offeredUntil: '2026-03-05T09:00:00Z', bookingId: null, mine: false },
      }),
    );
    const section = await nextStep();
    expect(within(section).getByText(/Tarpeen ilmoittajalle on varattu tältä toteutukselta 1 paikka/)).toBeTruthy();
    expect(within(section).queryByRole('link')).toBeNull();
  });

  it('says when no seat was free, and leads the need’s side to book the course for the need', async () => {
    render(courseMatch({ seatHold: null }));
    const section = await nextStep();
    expect(within(section).getByText(/ei ollut vapaita paikkoja/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: 'Varaa kurssi tarpeelle' }).getAttribute('href')).toBe(
      '/offers/o1?need=n1',
    );
  });

  it('shows nothing to follow before the match', async () => {
    render(proposalFixture());
    await screen.findByRole('region', { name: 'Tila' });
    expect(screen.queryByRole('region', { name: 'Mitä seuraavaksi' })).toBeNull();
  });
});
