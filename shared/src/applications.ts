/**
 * Applications to placements and the conversations around them: states, who moves them, and the
 * input rules. The server enforces these; the web forms show the same messages early.
 */
import { z } from 'zod';
import { multiLineText, optionalMultiLineText } from './text.js';

/**
 * SUBMITTED → SHORTLISTED → OFFERED → ACCEPTED | DECLINED; REJECTED by the company and WITHDRAWN
 * by the student from any of the first three.
 */
export const APPLICATION_STATES = [
  'SUBMITTED',
  'SHORTLISTED',
  'OFFERED',
  'ACCEPTED',
  'DECLINED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** States in which an application is still being decided. */
export const OPEN_APPLICATION_STATES = ['SUBMITTED', 'SHORTLISTED', 'OFFERED'] as const satisfies ApplicationState[];

/** Who moved an application: the student, the need's side, or the system (the last position was filled). */
export const APPLICATION_ACTORS = ['APPLICANT', 'ORGANISATION', 'SYSTEM'] as const;
export type ApplicationActor = (typeof APPLICATION_ACTORS)[number];

/** What can be done to an application, by whom, and from which states. */
export const APPLICATION_ACTIONS = ['SHORTLIST', 'OFFER', 'REJECT', 'ACCEPT', 'DECLINE', 'WITHDRAW'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const APPLICATION_TRANSITIONS: Record<
  ApplicationAction,
  { by: Exclude<ApplicationActor, 'SYSTEM'>; from: readonly ApplicationState[]; to: ApplicationState }
> = {
  SHORTLIST: { by: 'ORGANISATION', from: ['SUBMITTED'], to: 'SHORTLISTED' },
  // A company with one good applicant may offer without shortlisting first.
  OFFER: { by: 'ORGANISATION', from: ['SUBMITTED', 'SHORTLISTED'], to: 'OFFERED' },
  REJECT: { by: 'ORGANISATION', from: OPEN_APPLICATION_STATES, to: 'REJECTED' },
  ACCEPT: { by: 'APPLICANT', from: ['OFFERED'], to: 'ACCEPTED' },
  DECLINE: { by: 'APPLICANT', from: ['OFFERED'], to: 'DECLINED' },
  WITHDRAW: { by: 'APPLICANT', from: OPEN_APPLICATION_STATES, to: 'WITHDRAWN' },
};

/** The reason recorded when the last position was accepted and the other open applications were rejected. */
export const NEED_FILLED_REASON = 'NEED_FILLED';

export const COVER_LETTER_MAX = 5000;
export const REJECT_REASON_MAX = 1000;
export const MESSAGE_MAX = 5000;

export const applySchema = z.object({
  needId: z.uuid({ error: 'validation.id' }),
  coverLetter: multiLineText(COVER_LETTER_MAX),
});
export type ApplyInput = z.input<typeof applySchema>;

export const rejectApplicationSchema = z.object({
  reason: optionalMultiLineText(REJECT_REASON_MAX),
});

/** What a conversation can be about; each subject has one thread between its parties. */
export const CONVERSATION_SUBJECT_KINDS = ['APPLICATION', 'BOOKING', 'PROPOSAL'] as const;
export type ConversationSubjectKind = (typeof CONVERSATION_SUBJECT_KINDS)[number];

export const messageSchema = z.object({
  body: multiLineText(MESSAGE_MAX),
});
