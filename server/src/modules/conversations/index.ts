/**
 * Conversations: one thread per subject (an application, a booking, a proposal) between its
 * parties, with coordinators able to join any. Depends on accounts, messaging (notifications of
 * new messages) and the modules whose objects are subjects (applications, bookings, proposals),
 * which it asks for each subject's title and parties through their exported functions.
 */
export { default as conversationsGraphql } from './resolvers.js';
export { sendMessage } from './commands.js';
export { conversationIdsAuthoredBy, eraseMessagesOf, messagesToEraseOf } from './erasure.js';
