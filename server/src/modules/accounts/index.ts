/**
 * Accounts: people's accounts, sign-in and sessions, passwords, e-mail confirmation and roles.
 * Accounts depends on no other module: the e-mails it sends go through the `AccountMailer` port
 * that the composition root (deps.ts) fills in, and what people belong to is organisations' concern.
 */
export { default as accountsGraphql } from './resolvers.js';
export { default as liveSessions, SESSIONS_CHANNEL, SESSION_ENDED_CODE } from './liveSessions.js';
export {
  adminAccountSchema,
  countRequestedEmail,
  ensureAdmin,
  escapeLike,
  getUser,
  loadViewer,
  userIdsWithRole,
  usersByIds,
  type AdminAccount,
  type ClientInfo,
  type Session,
} from './service.js';
export { deleteExpiredCredentials } from './cleanup.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { presentUser, type UserDto } from './presenter.js';
