import type { Proposal } from './operations';

/**
 * An open proposal of a course for a company's COURSE need, as the API gives it to the need's
 * side (who may accept or decline; the course's side has accepted), for component tests.
 */
export const proposalFixture = (overrides: Partial<Proposal> = {}): Proposal => ({
  id: 'p1',
  state: 'OPEN',
  origin: 'COORDINATOR',
  need: {
    id: 'n1',
    kind: 'COURSE',
    state: 'OPEN',
    title: 'Tulityökorttikoulutus',
    organisation: { id: 'c1', name: 'Tunturienergia Oy' },
  },
  target: {
    kind: 'OFFER',
    offer: { id: 'o1', title: 'Tulityökortti' },
    session: null,
    studentId: null,
    title: 'Tulityökortti',
    organisationName: 'Lapin ammattikorkeakoulu',
    hidden: false,
  },
  note: 'Kurssi sopii tarpeeseenne.',
  proposerName: 'Kaisa Koordinaattori',
  needAnswer: { answer: null, answeredAt: null, answeredByName: null },
  targetAnswer: { answer: 'ACCEPTED', answeredAt: '2026-03-02T09:00:00Z', answeredByName: 'Eero Educator' },
  viewerSides: ['NEED'],
  actions: ['ACCEPT', 'DECLINE'],
  matchMade: null,
  createdAt: '2026-03-01T10:30:00Z',
  decidedAt: null,
  ...overrides,
});
