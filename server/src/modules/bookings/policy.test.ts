/** Who may see and change a booking, as a table: role × relation × action → allowed. No database. */
import type { BookingState, NeedKind, NeedState, OfferState, UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { bookingPolicy, type BookForNeed, type CancelAs } from './policy.js';

const viewer = (role: UserRole | null): Viewer | null =>
  role ? { id: 'viewer', email: 'v@example.com', roles: [role], emailVerified: true } : null;

/** The viewer's relation to the booking: made it, belongs to the organisation running the course, both, or none. */
type Relation = 'booker' | 'organiser' | 'booker+organiser' | 'none';
type Action = 'read' | 'claim' | 'manageSession' | 'seeParticipants';

const bookingOf = (relation: Relation) => ({ bookedBy: relation.startsWith('booker') ? 'viewer' : 'someone-else' });
const organises = (relation: Relation) => relation.endsWith('organiser');

const allowed = (role: UserRole | null, relation: Relation, action: Action): boolean => {
  const v = viewer(role);
  switch (action) {
    case 'read':
      return bookingPolicy.read(v, bookingOf(relation), organises(relation));
    case 'claim':
      return bookingPolicy.claim(v, bookingOf(relation));
    case 'manageSession':
      return bookingPolicy.manageSession(v, organises(relation));
    case 'seeParticipants':
      return bookingPolicy.seeParticipants(v, organises(relation));
  }
};

describe('booking policy', () => {
  it.each<[UserRole | null, Relation, Action, boolean]>([
    // A booking is seen by its booker, the course's organisers and staff.
    ['STUDENT', 'booker', 'read', true],
    ['ENTREPRENEUR', 'none', 'read', false],
    ['EDUCATOR', 'organiser', 'read', true],
    ['EDUCATOR', 'none', 'read', false],
    ['COORDINATOR', 'none', 'read', true],
    ['ADMIN', 'none', 'read', true],
    [null, 'none', 'read', false],
    // Only the booker claims a seat offered to them.
    ['STUDENT', 'booker', 'claim', true],
    ['EDUCATOR', 'organiser', 'claim', false],
    ['COORDINATOR', 'none', 'claim', false],
    [null, 'none', 'claim', false],
    // Cancelling a session, marking attendance: organisers and coordinators, not admins.
    ['EDUCATOR', 'organiser', 'manageSession', true],
    ['EDUCATOR', 'none', 'manageSession', false],
    ['COORDINATOR', 'none', 'manageSession', true],
    ['ADMIN', 'none', 'manageSession', false],
    ['STUDENT', 'booker', 'manageSession', false],
    [null, 'none', 'manageSession', false],
    // Participants and bookers: organisers and staff.
    ['EDUCATOR', 'organiser', 'seeParticipants', true],
    ['COORDINATOR', 'none', 'seeParticipants', true],
    ['ADMIN', 'none', 'seeParticipants', true],
    ['STUDENT', 'booker', 'seeParticipants', false],
    ['ENTREPRENEUR', 'none', 'seeParticipants', false],
  ])('%s, %s: %s → %s', (role, relation, action, expected) => {
    expect(allowed(role, relation, action)).toBe(expected);
  });

  it.each<[UserRole | null, Relation, CancelAs]>([
    // The booker cancels as booker, even when they also organise; the organiser and coordinators as organiser.
    ['STUDENT', 'booker', 'BY_BOOKER'],
    ['EDUCATOR', 'booker+organiser', 'BY_BOOKER'],
    ['EDUCATOR', 'organiser', 'BY_ORGANISER'],
    ['COORDINATOR', 'none', 'BY_ORGANISER'],
    // An admin sees the booking but may not cancel it; anyone else does not learn it exists.
    ['ADMIN', 'none', 'FORBIDDEN'],
    ['ENTREPRENEUR', 'none', 'NOT_FOUND'],
    ['EDUCATOR', 'none', 'NOT_FOUND'],
    [null, 'none', 'NOT_FOUND'],
  ])('cancel: %s, %s → %s', (role, relation, expected) => {
    expect(bookingPolicy.cancelAs(viewer(role), bookingOf(relation), organises(relation))).toBe(expected);
  });

  const now = new Date('2026-06-01T12:00:00Z');
  const before = new Date('2026-06-01T11:00:00Z');
  const after = new Date('2026-06-01T13:00:00Z');

  it.each<[Relation, BookingState, 'open' | 'passed', boolean]>([
    // The booker cancels a confirmed booking until the deadline, a waiting or offered one at any time.
    ['booker', 'CONFIRMED', 'open', true],
    ['booker', 'CONFIRMED', 'passed', false],
    ['booker', 'WAITLISTED', 'passed', true],
    ['booker', 'OFFERED', 'passed', true],
    ['booker', 'CANCELLED', 'open', false],
    // Nobody else, through this rule (the organiser cancels through `cancelAs`).
    ['organiser', 'CONFIRMED', 'open', false],
    ['none', 'WAITLISTED', 'open', false],
  ])('booker may cancel: %s, a %s booking, deadline %s → %s', (relation, state, deadline, expected) => {
    const booking = { ...bookingOf(relation), state };
    expect(bookingPolicy.bookerMayCancel(viewer('STUDENT'), booking, deadline === 'open' ? after : before, now)).toBe(
      expected,
    );
  });

  it.each<[OfferState, boolean, 'open' | 'passed', boolean]>([
    // Bookings are taken while the course is published, the session not cancelled and registration open.
    ['PUBLISHED', false, 'open', true],
    ['PUBLISHED', false, 'passed', false],
    ['PUBLISHED', true, 'open', false],
    ['DRAFT', false, 'open', false],
    ['ARCHIVED', false, 'open', false],
  ])('registration open: a %s course, cancelled %s, deadline %s → %s', (offerState, cancelled, deadline, expected) => {
    const session = {
      offerState,
      cancelledAt: cancelled ? before : null,
      registrationDeadline: deadline === 'open' ? after : before,
    };
    expect(bookingPolicy.registrationOpen(session, now)).toBe(expected);
  });

  /** The viewer's relation to a need: posted it, a member of its company (not the poster), or neither. */
  type NeedRelation = 'poster' | 'member' | 'none';

  it.each<[UserRole | null, NeedRelation, NeedKind | 'hidden', NeedState, BookForNeed]>([
    // Its poster and their company's members book a course for an open or expired COURSE need.
    ['ENTREPRENEUR', 'poster', 'COURSE', 'OPEN', 'ALLOWED'],
    ['ENTREPRENEUR', 'member', 'COURSE', 'OPEN', 'ALLOWED'],
    ['ENTREPRENEUR', 'poster', 'COURSE', 'EXPIRED', 'ALLOWED'],
    ['ENTREPRENEUR', 'member', 'COURSE', 'EXPIRED', 'ALLOWED'],
    // Not for a draft, closed or filled one, nor a placement: the need is theirs, so they are told why.
    ['ENTREPRENEUR', 'poster', 'COURSE', 'DRAFT', 'NEED_NOT_BOOKABLE'],
    ['ENTREPRENEUR', 'poster', 'COURSE', 'CLOSED', 'NEED_NOT_BOOKABLE'],
    ['ENTREPRENEUR', 'member', 'COURSE', 'FILLED', 'NEED_NOT_BOOKABLE'],
    ['ENTREPRENEUR', 'poster', 'INTERNSHIP', 'OPEN', 'NEED_NOT_BOOKABLE'],
    ['ENTREPRENEUR', 'member', 'THESIS', 'OPEN', 'NEED_NOT_BOOKABLE'],
    // Nobody books "for" someone else's need: another company's entrepreneur, a student, an
    // educator, coordinators and admins are refused, whatever its kind or state.
    ['ENTREPRENEUR', 'none', 'COURSE', 'OPEN', 'FORBIDDEN'],
    ['STUDENT', 'none', 'COURSE', 'OPEN', 'FORBIDDEN'],
    ['EDUCATOR', 'none', 'COURSE', 'EXPIRED', 'FORBIDDEN'],
    ['COORDINATOR', 'none', 'COURSE', 'OPEN', 'FORBIDDEN'],
    ['ADMIN', 'none', 'COURSE', 'OPEN', 'FORBIDDEN'],
    ['STUDENT', 'none', 'INTERNSHIP', 'OPEN', 'FORBIDDEN'],
    // A need the viewer may not read (or none), or no viewer: it stays hidden.
    ['ENTREPRENEUR', 'none', 'hidden', 'DRAFT', 'NOT_FOUND'],
    [null, 'none', 'COURSE', 'OPEN', 'NOT_FOUND'],
  ])('book for a need: %s, %s, a %s need that is %s → %s', (role, relation, kind, state, expected) => {
    const need =
      kind === 'hidden' ? null : { kind, state, postedBy: relation === 'poster' ? 'viewer' : 'someone-else' };
    expect(bookingPolicy.bookForNeed(viewer(role), need, relation === 'member')).toBe(expected);
  });
});
