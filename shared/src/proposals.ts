/**
 * Proposals (brokering) and demand pools: which needs may be matched with what, the input rules,
 * and the figures that decide the coordinator's queue and how pools form. The server enforces
 * these; the web forms show the same messages early.
 */
import { z } from 'zod';
import type { NeedKind, OfferKind } from './marketplaceKinds.js';
import { multiLineText, singleLineText } from './text.js';

/** What a proposal matches a need with: a course or student pool, one session of a course, or a student. */
export const PROPOSAL_TARGET_KINDS = ['OFFER', 'SESSION', 'STUDENT'] as const;
export type ProposalTargetKind = (typeof PROPOSAL_TARGET_KINDS)[number];

/** OPEN until both sides accept (ACCEPTED), either declines (DECLINED) or the proposer withdraws it (WITHDRAWN). */
export const PROPOSAL_STATES = ['OPEN', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** Who proposed: a coordinator brokering, an educator answering a course need, or an educator answering a demand pool. */
export const PROPOSAL_ORIGINS = ['COORDINATOR', 'EDUCATOR', 'POOL'] as const;
export type ProposalOrigin = (typeof PROPOSAL_ORIGINS)[number];

export const PROPOSAL_ANSWERS = ['ACCEPTED', 'DECLINED'] as const;
export type ProposalAnswer = (typeof PROPOSAL_ANSWERS)[number];

/** ACCEPT and DECLINE by either side, once each; WITHDRAW by the proposing side. */
export const PROPOSAL_ACTIONS = ['ACCEPT', 'DECLINE', 'WITHDRAW'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

/** The two sides of a proposal: the need's (its poster and company) and the target's (the offering organisation, or the student). */
export const PROPOSAL_SIDES = ['NEED', 'TARGET'] as const;
export type ProposalSide = (typeof PROPOSAL_SIDES)[number];

export const PROPOSAL_NOTE_MAX = 2000;
/** An open need without a match this many days after it was published joins the coordinator's queue. */
export const BROKERING_QUEUE_DAYS = 14;
/** Needs whose municipalities are at most this far apart may share a demand pool. */
export const POOL_DISTANCE_KM = 150;

/** What a proposal's target is, as far as compatibility goes. */
export interface MatchTarget {
  kind: ProposalTargetKind;
  /** The offer's kind, for OFFER and SESSION. */
  offerKind?: OfferKind | null;
  /** A student pool's placement kinds. */
  placementKinds?: readonly string[];
}

/**
 * Whether a need may be matched with a target: a COURSE need with a course or one of its
 * sessions; a placement (INTERNSHIP, SUMMER_JOB, THESIS) with a student pool offering that kind
 * of placement, or with a student.
 */
export function isCompatibleMatch(needKind: NeedKind, target: MatchTarget): boolean {
  if (needKind === 'COURSE') {
    return (target.kind === 'OFFER' || target.kind === 'SESSION') && target.offerKind === 'COURSE';
  }
  if (target.kind === 'STUDENT') return true;
  return (
    target.kind === 'OFFER' && target.offerKind === 'STUDENT_POOL' && (target.placementKinds ?? []).includes(needKind)
  );
}

const id = z.uuid({ error: 'validation.id' });
const optionalId = id.nullish().transform((v) => v ?? null);
const note = multiLineText(PROPOSAL_NOTE_MAX);

/** The id each target kind is named by. */
const TARGET_ID = { OFFER: 'offerId', SESSION: 'sessionId', STUDENT: 'studentId' } as const;

export const proposeMatchSchema = z
  .object({
    needId: id,
    targetKind: z.enum(PROPOSAL_TARGET_KINDS, { error: 'validation.choice' }),
    offerId: optionalId,
    sessionId: optionalId,
    studentId: optionalId,
    note,
  })
  .superRefine((data, ctx) => {
    const field = TARGET_ID[data.targetKind];
    if (!data[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
    for (const other of Object.values(TARGET_ID)) {
      if (other !== field && data[other])
        ctx.addIssue({ code: 'custom', path: [other], message: 'validation.invalid' });
    }
  });
export type ProposeMatchInput = z.input<typeof proposeMatchSchema>;

export const answerDemandPoolSchema = z
  .object({
    poolKey: singleLineText(100),
    offerId: optionalId,
    sessionId: optionalId,
    note,
  })
  .superRefine((data, ctx) => {
    if (!data.offerId && !data.sessionId) {
      ctx.addIssue({ code: 'custom', path: ['offerId'], message: 'validation.required' });
    }
    if (data.offerId && data.sessionId) {
      ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'validation.invalid' });
    }
  });
export type AnswerDemandPoolInput = z.input<typeof answerDemandPoolSchema>;

/** The season a demand pool's summary names: the one its period's middle falls in. */
export const SEASONS = ['WINTER', 'SPRING', 'SUMMER', 'AUTUMN'] as const;
export type Season = (typeof SEASONS)[number];

/** The season of a period (YYYY-MM-DD dates): December–February winter, March–May spring, and so on. */
export function seasonOf(periodStart: string, periodEnd: string): Season {
  return SEASONS[Math.floor(((middleOf(periodStart, periodEnd).getUTCMonth() + 1) % 12) / 3)]!;
}

/** The year that season begins in: a winter from December 2026 to February 2027 is 2026's. */
export function seasonYearOf(periodStart: string, periodEnd: string): number {
  const middle = middleOf(periodStart, periodEnd);
  return middle.getUTCFullYear() - (middle.getUTCMonth() < 2 ? 1 : 0);
}

function middleOf(periodStart: string, periodEnd: string): Date {
  return new Date((Date.parse(`${periodStart}T00:00:00Z`) + Date.parse(`${periodEnd}T00:00:00Z`)) / 2);
}
