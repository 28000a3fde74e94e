/**
 * An organiser's message to everyone booked on a session (its confirmed bookers and their named
 * participants): its bounds, shared by the form and the server, which also checks them in SQL.
 */
import { z } from 'zod';
import { multiLineText } from './text.js';

/** The longest message, in characters (after trimming). */
export const SESSION_MESSAGE_MAX = 2000;
/** How many messages one session's participants are sent at most in 24 hours. */
export const SESSION_MESSAGES_PER_DAY = 10;
/** How many days after a session has ended its participants can still be written to. */
export const SESSION_MESSAGE_DAYS_AFTER_END = 7;

export const sessionMessageSchema = z.object({
  message: multiLineText(SESSION_MESSAGE_MAX),
});
export type SessionMessageInput = z.input<typeof sessionMessageSchema>;
