import type { matches, proposals } from './tables.js';

export function presentProposal(row: typeof proposals.$inferSelect) {
  return {
    id: row.id,
    needId: row.needId,
    targetKind: row.targetKind,
    offerId: row.offerId,
    sessionId: row.sessionId,
    studentId: row.studentId,
    origin: row.origin,
    poolKey: row.poolKey,
    proposedBy: row.proposedBy,
    note: row.note,
    state: row.state,
    needAnswer: {
      answer: row.needAnswer,
      answeredBy: row.needAnsweredBy,
      answeredAt: row.needAnsweredAt?.toISOString() ?? null,
    },
    targetAnswer: {
      answer: row.targetAnswer,
      answeredBy: row.targetAnsweredBy,
      answeredAt: row.targetAnsweredAt?.toISOString() ?? null,
    },
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
export type ProposalDto = ReturnType<typeof presentProposal>;
export type SideAnswerDto = ProposalDto['needAnswer'];

export function presentMatchMade(row: typeof matches.$inferSelect) {
  return {
    id: row.id,
    needId: row.needId,
    proposalId: row.proposalId,
    matchedAt: row.matchedAt.toISOString(),
    minutesToMatch: row.minutesToMatch,
  };
}
export type MatchMadeDto = ReturnType<typeof presentMatchMade>;
