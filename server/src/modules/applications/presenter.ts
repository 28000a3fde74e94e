import type { ApplicationActor } from '@keskusvaraamo/shared';
import type { applicationEvents, applications } from './tables.js';

export function presentApplication(row: typeof applications.$inferSelect) {
  return {
    id: row.id,
    needId: row.needId,
    studentId: row.studentId,
    profileUserId: row.profileUserId,
    coverLetter: row.coverLetter,
    proposalId: row.proposalId,
    state: row.state,
    rejectReason: row.rejectReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ApplicationDto = ReturnType<typeof presentApplication>;

/** A step of the timeline. The actor is named by side only: the student needs no staff names. */
export function presentApplicationEvent(row: typeof applicationEvents.$inferSelect, studentId: string) {
  const actor: ApplicationActor =
    row.actorId === null ? 'SYSTEM' : row.actorId === studentId ? 'APPLICANT' : 'ORGANISATION';
  return {
    id: row.id,
    fromState: row.fromState,
    toState: row.toState,
    actor,
    reason: row.reason,
    at: row.at.toISOString(),
  };
}
export type ApplicationEventDto = ReturnType<typeof presentApplicationEvent>;
