// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, prepareDom, renderRoutes, studentSession } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import { NeedPage } from './NeedPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const NEED = {
  id: 'n1',
  kind: 'INTERNSHIP',
  state: 'OPEN',
  title: 'Asentajaharjoittelu Sallassa',
  description: 'Asennat aurinkopaneeleja. '.repeat(30),
  language: 'fi',
  topics: ['solar-pv'],
  municipalityCode: '732',
  remote: false,
  periodStart: '2027-06-01',
  periodEnd: '2027-08-31',
  positions: 2,
  payKind: 'PAID',
  payAmountCents: 185_000,
  budgetCents: null,
  thesisLevel: null,
  languages: ['fi'],
  applicationDeadline: '2027-04-30',
  organisation: { id: 'o1', name: 'Tunturienergia Oy' },
  canEdit: false,
  publishedAt: '2026-11-01T08:00:00Z',
  closedAt: null,
  createdAt: '2026-11-01T08:00:00Z',
  updatedAt: '2026-11-01T08:00:00Z',
};

describe('a need’s page', () => {
  beforeEach(() => {
    prepareDom();
    session.current = studentSession;
  });
  afterEach(cleanup);

  it('starts with the need at a glance and applying, before the description', async () => {
    const { client } = fakeGraphql((operation) => {
      if (operation.operationName === 'Need') return { data: { need: NEED } };
      if (operation.operationName === 'NeedApplicationInfo')
        return { data: { need: { id: 'n1', applicationCount: null, myApplication: null } } };
      if (operation.operationName === 'MyApplicantProfile')
        return { data: { myStudentProfile: { userId: 'u-student', fieldOfStudy: 'Sähkö', studyLevel: 'VOCATIONAL' } } };
      return { data: {} };
    });
    renderRoutes([{ path: '/needs/:id', element: <NeedPage /> }], '/needs/n1', client);
    const glance = await screen.findByRole('region', { name: 'Lyhyesti' });
    for (const text of [/^Salla$/, /^1\.6\.–31\.8\.2027$/, /^1\s850.*kuukaudessa$/, /^30\.4\.2027$/]) {
      expect(within(glance).getByText(text), String(text)).toBeTruthy();
    }
    // Topics and languages are in the full facts further down, not in the glance.
    expect(within(glance).queryByText('Aurinkosähkö')).toBeNull();
    const description = screen.getByRole('heading', { name: 'Kuvaus' });
    const apply = await screen.findByRole('button', { name: 'Hae' });
    const before = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(before(glance, description)).toBe(true);
    expect(before(apply, description)).toBe(true);
    expect(await axeViolations()).toEqual([]);
  });
});
