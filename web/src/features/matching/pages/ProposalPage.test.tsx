// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, prepareDom, renderRoutes } from '../../../shared/testing';
import { proposalFixture } from '../testFixtures';
import { ProposalPage } from './ProposalPage';

vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({
    status: 'signedIn',
    user: { id: 'u1', email: 'u1@example.fi', displayName: 'Erkki Yrittäjä', roles: ['ENTREPRENEUR'], locale: 'fi' },
  }),
}));

const open = proposalFixture();

function server() {
  let current = open;
  return fakeGraphql((operation) => {
    switch (operation.operationName) {
      case 'Proposal':
        return { data: { proposal: current } };
      case 'AcceptProposal':
        current = {
          ...current,
          state: 'ACCEPTED',
          actions: [],
          needAnswer: { answer: 'ACCEPTED', answeredAt: '2026-03-03T09:00:00Z', answeredByName: 'Erkki Yrittäjä' },
          matchMade: { id: 'm1', matchedAt: '2026-03-03T09:00:00Z', minutesToMatch: 100 },
        };
        return { data: { acceptProposal: current } };
      default:
        return { data: null };
    }
  });
}

describe('a proposal’s page', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('shows the need, target, note and answers, and accepts after a confirmation', async () => {
    const { client, named } = server();
    renderRoutes([{ path: '/proposals/:id', element: <ProposalPage /> }], '/proposals/p1', client);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ehdotus: Tulityökorttikoulutus' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tulityökorttikoulutus' }).getAttribute('href')).toBe('/needs/n1');
    expect(screen.getByRole('link', { name: 'Tulityökortti' }).getAttribute('href')).toBe('/offers/o1');
    expect(screen.getByText('Kurssi sopii tarpeeseenne.')).toBeTruthy();
    expect(screen.getByText('Ei vielä vastattu')).toBeTruthy();
    expect(screen.getByText(/Hyväksynyt Eero Educator/)).toBeTruthy();
    const state = screen.getByRole('region', { name: 'Tila' });
    expect(
      within(state)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Hyväksy', 'Hylkää']);

    const user = userEvent.setup();
    await user.click(within(state).getByRole('button', { name: 'Hyväksy' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Hyväksytkö ehdotuksen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hyväksy' }));

    await waitFor(() => expect(screen.getByText(/Yhdistetty/)).toBeTruthy());
    expect(named('AcceptProposal')[0]?.variables).toEqual({ id: 'p1' });
    expect(screen.getByText('Hyväksyit ehdotuksen: Tulityökorttikoulutus – Tulityökortti.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hyväksy' })).toBeNull();
  });

  it('does not name a student who is no longer discoverable, when the server hides them', async () => {
    const hidden = proposalFixture({
      target: {
        kind: 'STUDENT',
        offer: null,
        session: null,
        studentId: 's1',
        title: '',
        organisationName: null,
        hidden: true,
      },
    });
    const { client } = fakeGraphql((operation) =>
      operation.operationName === 'Proposal' ? { data: { proposal: hidden } } : { data: null },
    );
    renderRoutes([{ path: '/proposals/:id', element: <ProposalPage /> }], '/proposals/p1', client);
    const match = await screen.findByRole('region', { name: 'Mitä yhdistetään' });
    expect(within(match).getByText('Opiskelija (ei enää haettavissa)')).toBeTruthy();
  });

  it('holds the proposal’s conversation for its sides, and not for someone on neither side', async () => {
    const { client, named } = server();
    renderRoutes([{ path: '/proposals/:id', element: <ProposalPage /> }], '/proposals/p1', client);
    await screen.findByRole('region', { name: 'Viestit ehdotuksesta' });
    await waitFor(() =>
      expect(named('Conversation')[0]?.variables).toMatchObject({ subjectKind: 'PROPOSAL', subjectId: 'p1' }),
    );
    cleanup();

    const outsider = proposalFixture({ viewerSides: [] });
    const other = fakeGraphql((operation) =>
      operation.operationName === 'Proposal' ? { data: { proposal: outsider } } : { data: null },
    );
    renderRoutes([{ path: '/proposals/:id', element: <ProposalPage /> }], '/proposals/p1', other.client);
    await screen.findByRole('region', { name: 'Tila' });
    expect(screen.queryByRole('region', { name: 'Viestit ehdotuksesta' })).toBeNull();
    expect(other.named('Conversation')).toHaveLength(0);
  });
});
