/**
 * Who may do what with proposals, as tables: role × relation to the proposal (or its need, offer
 * or student) × action → allowed. Pure: no database, no HTTP (the HTTP matrices are in
 * proposals.test.ts). A changed rule changes a row here.
 */
import type { NeedState, OfferKind, OfferState, ProposalOrigin, UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { proposalPolicy as policy, type ViewerSides } from './policy.js';

type Role = UserRole | null;
const viewer = (role: Role): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

/** The viewer's relation to a proposal: which of its sides they are on, if any. */
type Relation = 'need side' | 'target side' | 'both sides' | 'proposer' | 'none';
const sidesOf = (relation: Relation): ViewerSides => ({
  need: relation === 'need side' || relation === 'both sides',
  target: relation === 'target side' || relation === 'both sides',
  proposer: relation === 'proposer',
});

describe('reading, answering and withdrawing a proposal', () => {
  type Action = 'read' | 'answer' | `withdraw ${ProposalOrigin}`;
  const allowed = (role: Role, relation: Relation, action: Action) => {
    const v = viewer(role);
    const sides = sidesOf(relation);
    if (action === 'read') return policy.read(v, sides);
    if (action === 'answer') return policy.answer(v, sides);
    return policy.withdraw(v, { origin: action.slice('withdraw '.length) as ProposalOrigin }, sides);
  };

  it.each<[Role, Relation, Action, boolean]>([
    // Reading: both sides, the proposer and staff; nobody else (they get NOT_FOUND).
    ['ENTREPRENEUR', 'need side', 'read', true],
    ['EDUCATOR', 'target side', 'read', true],
    ['STUDENT', 'target side', 'read', true],
    ['EDUCATOR', 'proposer', 'read', true],
    ['COORDINATOR', 'none', 'read', true],
    ['ADMIN', 'none', 'read', true],
    ['ENTREPRENEUR', 'none', 'read', false],
    ['EDUCATOR', 'none', 'read', false],
    ['STUDENT', 'none', 'read', false],
    [null, 'none', 'read', false],
    [null, 'need side', 'read', false],
    // Answering: each side for itself; coordinators broker but answer for nobody.
    ['ENTREPRENEUR', 'need side', 'answer', true],
    ['EDUCATOR', 'target side', 'answer', true],
    ['STUDENT', 'target side', 'answer', true],
    ['ENTREPRENEUR', 'both sides', 'answer', true],
    ['COORDINATOR', 'proposer', 'answer', false],
    ['COORDINATOR', 'none', 'answer', false],
    ['ADMIN', 'none', 'answer', false],
    ['ENTREPRENEUR', 'none', 'answer', false],
    [null, 'need side', 'answer', false],
    // Withdrawing a coordinator's proposal: its proposer or any coordinator (brokering is team work).
    ['COORDINATOR', 'proposer', 'withdraw COORDINATOR', true],
    ['COORDINATOR', 'none', 'withdraw COORDINATOR', true],
    ['ADMIN', 'none', 'withdraw COORDINATOR', false],
    ['ENTREPRENEUR', 'need side', 'withdraw COORDINATOR', false],
    ['EDUCATOR', 'target side', 'withdraw COORDINATOR', false],
    ['STUDENT', 'target side', 'withdraw COORDINATOR', false],
    // An educator's proposal or a pool answer: its proposer or the offering organisation.
    ['EDUCATOR', 'proposer', 'withdraw EDUCATOR', true],
    ['EDUCATOR', 'target side', 'withdraw EDUCATOR', true],
    ['EDUCATOR', 'target side', 'withdraw POOL', true],
    ['COORDINATOR', 'none', 'withdraw EDUCATOR', false],
    ['COORDINATOR', 'none', 'withdraw POOL', false],
    ['ENTREPRENEUR', 'need side', 'withdraw EDUCATOR', false],
    ['ENTREPRENEUR', 'need side', 'withdraw POOL', false],
    [null, 'proposer', 'withdraw EDUCATOR', false],
  ])('%s on %s: %s → %s', (role, relation, action, expected) => {
    expect(allowed(role, relation, action)).toBe(expected);
  });
});

describe('proposing', () => {
  type Member = 'member' | 'outsider';
  it.each<[Role, Member, OfferKind | null, ProposalOrigin | 'FORBIDDEN']>([
    // A member of the offering organisation proposes its course as its educator, whatever else they are.
    ['EDUCATOR', 'member', 'COURSE', 'EDUCATOR'],
    ['COORDINATOR', 'member', 'COURSE', 'EDUCATOR'],
    // Not their course (or a pool, or a student): coordinators only.
    ['EDUCATOR', 'member', 'STUDENT_POOL', 'FORBIDDEN'],
    ['EDUCATOR', 'outsider', 'COURSE', 'FORBIDDEN'],
    ['COORDINATOR', 'outsider', 'COURSE', 'COORDINATOR'],
    ['COORDINATOR', 'outsider', 'STUDENT_POOL', 'COORDINATOR'],
    ['COORDINATOR', 'outsider', null, 'COORDINATOR'],
    ['ADMIN', 'outsider', 'COURSE', 'FORBIDDEN'],
    ['ENTREPRENEUR', 'outsider', 'COURSE', 'FORBIDDEN'],
    ['STUDENT', 'outsider', null, 'FORBIDDEN'],
    [null, 'outsider', 'COURSE', 'FORBIDDEN'],
  ])('%s, %s, offer %s → %s', (role, member, offerKind, expected) => {
    const v = viewer(role);
    const isMember = member === 'member';
    const origin = policy.propose(v, isMember) ? policy.proposeAs(v, isMember, offerKind) : null;
    expect(origin ?? 'FORBIDDEN').toBe(expected);
  });

  it.each<[Role, boolean]>([
    ['COORDINATOR', true],
    ['ADMIN', false],
    ['EDUCATOR', false],
    ['ENTREPRENEUR', false],
    ['STUDENT', false],
    [null, false],
  ])('students are proposed by coordinators only: %s → %s', (role, expected) => {
    expect(policy.broker(viewer(role))).toBe(expected);
  });

  it.each<[Role, Member, boolean]>([
    ['EDUCATOR', 'member', true],
    ['COORDINATOR', 'member', true],
    ['EDUCATOR', 'outsider', false],
    ['COORDINATOR', 'outsider', false],
    [null, 'member', false],
  ])('a demand pool is answered by the offering organisation: %s, %s → %s', (role, member, expected) => {
    expect(policy.answerPool(viewer(role), member === 'member')).toBe(expected);
  });

  it.each<[Role, Member, OfferState, boolean]>([
    ['EDUCATOR', 'outsider', 'PUBLISHED', true],
    ['ENTREPRENEUR', 'outsider', 'ARCHIVED', true],
    ['EDUCATOR', 'member', 'DRAFT', true],
    ['COORDINATOR', 'outsider', 'DRAFT', true],
    ['ADMIN', 'outsider', 'DRAFT', true],
    ['EDUCATOR', 'outsider', 'DRAFT', false],
    ['ENTREPRENEUR', 'outsider', 'DRAFT', false],
  ])('a draft offer is seen by its organisation and staff only: %s, %s, %s → %s', (role, member, state, expected) => {
    expect(policy.seeOffer(viewer(role), { state }, member === 'member')).toBe(expected);
  });
});

describe('lists', () => {
  it.each<[Role, 'need side' | 'none', boolean]>([
    ['ENTREPRENEUR', 'need side', true],
    ['COORDINATOR', 'none', true],
    ['ADMIN', 'none', true],
    ['EDUCATOR', 'none', false],
    ['ENTREPRENEUR', 'none', false],
  ])("all of a need's proposals: %s on %s → %s (else only their own)", (role, relation, expected) => {
    expect(policy.readAllOfNeed(viewer(role), relation === 'need side')).toBe(expected);
  });

  it.each<[Role, boolean, boolean]>([
    ['COORDINATOR', true, true],
    ['ADMIN', true, true],
    ['EDUCATOR', false, true],
    ['ENTREPRENEUR', false, false],
    ['STUDENT', false, false],
    [null, false, false],
  ])('%s: brokering queue %s, demand pools %s', (role, queue, pools) => {
    expect(policy.readQueue(viewer(role))).toBe(queue);
    expect(policy.readPools(viewer(role))).toBe(pools);
  });
});

describe('a proposed student', () => {
  it.each<[boolean, boolean, boolean, boolean]>([
    [true, false, false, true],
    [false, true, false, true],
    [false, false, true, true],
    [false, false, false, false],
  ])('discoverable %s, accepted %s, applied %s → named %s', (discoverable, accepted, applied, expected) => {
    expect(policy.studentNamed({ discoverable }, { accepted, applied })).toBe(expected);
  });

  type Who = 'the student' | 'need side' | 'other';
  it.each<[Role, Who, boolean, boolean, boolean, boolean]>([
    // role, who, named, the profile's own rules let them read it → sees the student, sees the profile
    ['STUDENT', 'the student', false, true, true, true],
    ['COORDINATOR', 'other', false, true, true, true],
    ['ADMIN', 'other', false, false, true, false],
    ['ENTREPRENEUR', 'need side', true, false, true, true],
    ['ENTREPRENEUR', 'need side', false, false, false, false],
    ['EDUCATOR', 'other', true, false, true, false],
    ['EDUCATOR', 'other', false, false, false, false],
    [null, 'other', true, false, true, false],
  ])(
    '%s (%s), named %s, profile readable %s → sees who %s, profile %s',
    (role, who, named, readable, sees, profile) => {
      const v = viewer(role);
      const shown = policy.seeStudent(v, { self: who === 'the student', named });
      expect(shown).toBe(sees);
      expect(shown && policy.seeStudentProfile(v, { readable, named, needSide: who === 'need side' })).toBe(profile);
    },
  );
});

describe("a proposed student's views log", () => {
  it.each<[Exclude<Role, null>, 'need side' | 'other', boolean, boolean]>([
    // role, relation → their read of the profile is logged, logged as acting for the need's company
    ['COORDINATOR', 'other', true, false],
    ['ADMIN', 'other', true, false],
    ['COORDINATOR', 'need side', true, false],
    ['ENTREPRENEUR', 'need side', true, true],
    ['EDUCATOR', 'other', false, false],
    ['STUDENT', 'other', false, false],
  ])('%s (%s) → logged %s, for the company %s', (role, relation, logged, forCompany) => {
    const v = viewer(role)!;
    const needSide = relation === 'need side';
    expect(policy.logStudentProfile(v, { needSide })).toBe(logged);
    expect(policy.actsForNeedOrganisation(v, { needSide })).toBe(forCompany);
  });
});

describe('the actions offered', () => {
  type Answers = 'none' | 'need accepted' | 'target accepted';
  it.each<[Role, Relation, ProposalOrigin, Answers, NeedState, string[]]>([
    ['ENTREPRENEUR', 'need side', 'COORDINATOR', 'none', 'OPEN', ['ACCEPT', 'DECLINE']],
    ['ENTREPRENEUR', 'need side', 'COORDINATOR', 'none', 'EXPIRED', ['ACCEPT', 'DECLINE']],
    // A need no longer taking matches may still be declined.
    ['ENTREPRENEUR', 'need side', 'COORDINATOR', 'none', 'FILLED', ['DECLINE']],
    ['ENTREPRENEUR', 'need side', 'COORDINATOR', 'need accepted', 'OPEN', []],
    ['EDUCATOR', 'target side', 'EDUCATOR', 'target accepted', 'OPEN', ['WITHDRAW']],
    ['EDUCATOR', 'target side', 'COORDINATOR', 'none', 'OPEN', ['ACCEPT', 'DECLINE']],
    ['COORDINATOR', 'proposer', 'COORDINATOR', 'none', 'OPEN', ['WITHDRAW']],
    ['COORDINATOR', 'none', 'COORDINATOR', 'none', 'OPEN', ['WITHDRAW']],
    ['ENTREPRENEUR', 'both sides', 'COORDINATOR', 'need accepted', 'OPEN', ['ACCEPT', 'DECLINE']],
    ['ENTREPRENEUR', 'none', 'COORDINATOR', 'none', 'OPEN', []],
    [null, 'need side', 'COORDINATOR', 'none', 'OPEN', []],
  ])('%s on %s of a %s proposal, answers %s, need %s → %j', (role, relation, origin, answers, needState, expected) => {
    const proposal = {
      state: 'OPEN' as const,
      origin,
      needAnswer: answers === 'need accepted' ? ('ACCEPTED' as const) : null,
      targetAnswer: answers === 'target accepted' ? ('ACCEPTED' as const) : null,
    };
    expect(policy.actions(viewer(role), proposal, sidesOf(relation), needState)).toEqual(expected);
  });

  it('offers nothing once a proposal is decided', () => {
    for (const state of ['ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const) {
      const proposal = { state, origin: 'COORDINATOR' as const, needAnswer: null, targetAnswer: null };
      expect(policy.actions(viewer('COORDINATOR'), proposal, sidesOf('proposer'), 'OPEN')).toEqual([]);
    }
  });
});
