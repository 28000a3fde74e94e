/**
 * Who may do what with applications, as a table: role × relation to the application × action →
 * allowed, and which actions the viewer is offered in each state of the application and its need.
 * No database.
 */
import type { ApplicationAction, ApplicationState, NeedState, UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { applicationPolicy } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

/** applicant: made the application; side: posted the need or belongs to its company; none: neither. */
type Relation = 'applicant' | 'side' | 'none';
type Action = 'APPLY' | 'APPLY_HERE' | 'READ' | 'LIST_APPLICANTS' | 'LOG_READ' | ApplicationAction;

const allowed = (role: UserRole | null, relation: Relation, action: Action): boolean => {
  const v = viewer(role);
  const application = { studentId: relation === 'applicant' ? 'viewer' : 'student' };
  const side = relation === 'side';
  switch (action) {
    case 'APPLY':
      return applicationPolicy.apply(v);
    case 'APPLY_HERE':
      return applicationPolicy.applyTo(v, side);
    case 'READ':
      return applicationPolicy.read(v, application, side);
    case 'LIST_APPLICANTS':
      return applicationPolicy.listApplicants(v, side);
    case 'LOG_READ':
      return !!v && applicationPolicy.logRead(v);
    default:
      return applicationPolicy.act(v, action, application, side);
  }
};

describe('application policy', () => {
  it.each<[UserRole | null, Relation, Action, boolean]>([
    // Applying: students, and never to a need of their own side.
    ['STUDENT', 'none', 'APPLY', true],
    ['ENTREPRENEUR', 'none', 'APPLY', false],
    ['COORDINATOR', 'none', 'APPLY', false],
    [null, 'none', 'APPLY', false],
    ['STUDENT', 'none', 'APPLY_HERE', true],
    ['STUDENT', 'side', 'APPLY_HERE', false],
    // Reading one: the applicant, the need's side, staff; nobody else (NOT_FOUND).
    ['STUDENT', 'applicant', 'READ', true],
    ['ENTREPRENEUR', 'side', 'READ', true],
    ['COORDINATOR', 'none', 'READ', true],
    ['ADMIN', 'none', 'READ', true],
    ['STUDENT', 'none', 'READ', false],
    ['ENTREPRENEUR', 'none', 'READ', false],
    ['EDUCATOR', 'none', 'READ', false],
    [null, 'applicant', 'READ', false],
    // A need's applicants: its side and staff, not the applicants themselves.
    ['ENTREPRENEUR', 'side', 'LIST_APPLICANTS', true],
    ['COORDINATOR', 'none', 'LIST_APPLICANTS', true],
    ['ADMIN', 'none', 'LIST_APPLICANTS', true],
    ['STUDENT', 'applicant', 'LIST_APPLICANTS', false],
    ['ENTREPRENEUR', 'none', 'LIST_APPLICANTS', false],
    [null, 'side', 'LIST_APPLICANTS', false],
    // Reading a letter or profile goes into the student's views log: staff's reads, not the need's side's.
    ['COORDINATOR', 'none', 'LOG_READ', true],
    ['ADMIN', 'none', 'LOG_READ', true],
    ['ENTREPRENEUR', 'side', 'LOG_READ', false],
    ['EDUCATOR', 'side', 'LOG_READ', false],
    // The need's side shortlists, offers and rejects; nobody else, coordinators included.
    ['ENTREPRENEUR', 'side', 'SHORTLIST', true],
    ['ENTREPRENEUR', 'side', 'OFFER', true],
    ['ENTREPRENEUR', 'side', 'REJECT', true],
    ['ENTREPRENEUR', 'none', 'OFFER', false],
    ['COORDINATOR', 'none', 'SHORTLIST', false],
    ['ADMIN', 'none', 'REJECT', false],
    ['STUDENT', 'applicant', 'OFFER', false],
    [null, 'side', 'OFFER', false],
    // The applicant accepts, declines and withdraws; nobody else, coordinators included.
    ['STUDENT', 'applicant', 'ACCEPT', true],
    ['STUDENT', 'applicant', 'DECLINE', true],
    ['STUDENT', 'applicant', 'WITHDRAW', true],
    ['STUDENT', 'none', 'ACCEPT', false],
    ['ENTREPRENEUR', 'side', 'ACCEPT', false],
    ['ENTREPRENEUR', 'side', 'WITHDRAW', false],
    ['COORDINATOR', 'none', 'DECLINE', false],
    [null, 'applicant', 'WITHDRAW', false],
  ])('%s, %s: %s → %s', (role, relation, action, expected) => {
    expect(allowed(role, relation, action)).toBe(expected);
  });

  it.each<[Relation, ApplicationState, NeedState, ApplicationAction[]]>([
    // The buttons the UI shows: the viewer's own moves, from the state the application is in, while the need allows them.
    ['side', 'SUBMITTED', 'OPEN', ['SHORTLIST', 'OFFER', 'REJECT']],
    ['side', 'SHORTLISTED', 'EXPIRED', ['OFFER', 'REJECT']],
    ['side', 'OFFERED', 'OPEN', ['REJECT']],
    ['side', 'SUBMITTED', 'FILLED', ['REJECT']],
    ['side', 'SUBMITTED', 'CLOSED', ['REJECT']],
    ['side', 'ACCEPTED', 'OPEN', []],
    ['applicant', 'SUBMITTED', 'OPEN', ['WITHDRAW']],
    ['applicant', 'OFFERED', 'OPEN', ['ACCEPT', 'DECLINE', 'WITHDRAW']],
    ['applicant', 'OFFERED', 'FILLED', ['DECLINE', 'WITHDRAW']],
    ['applicant', 'REJECTED', 'OPEN', []],
    ['none', 'OFFERED', 'OPEN', []],
  ])('%s, application %s, need %s: offered %j', (relation, state, needState, expected) => {
    const role: UserRole = relation === 'applicant' ? 'STUDENT' : 'ENTREPRENEUR';
    const application = { studentId: relation === 'applicant' ? 'viewer' : 'student', state };
    const actions = (['SHORTLIST', 'OFFER', 'REJECT', 'ACCEPT', 'DECLINE', 'WITHDRAW'] as const).filter((action) =>
      applicationPolicy.available(viewer(role), action, application, { state: needState }, relation === 'side'),
    );
    expect(actions).toEqual(expected);
  });

  it.each<[NeedState, boolean]>([
    ['OPEN', true],
    ['EXPIRED', true],
    ['FILLED', false],
    ['CLOSED', false],
    ['DRAFT', false],
  ])('the company hires (shortlists, offers) while the need is %s → %s', (state, expected) => {
    expect(applicationPolicy.hiring({ state })).toBe(expected);
  });
});
