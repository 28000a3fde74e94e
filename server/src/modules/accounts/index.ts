/**
 * Accounts: people's accounts, sign-in and sessions, passwords, e-mail confirmation and roles.
 * Accounts depends on no other module: the e-mails it sends go through the `AccountMailer` port
 * that the composition root (deps.ts) fills in, and what people belong to is organisations' concern
 * (organisations extends `User` with `memberships`).
 */
export { default as accountsGraphql } from './resolvers.js';
export { default as liveSessions, SESSIONS_CHANNEL, SESSION_ENDED_CODE } from './liveSessions.js';
export { adminAccountSchema, ensureAdmin, type AdminAccount } from './commands/admin.js';
export { countRequestedEmail, markEmailVerified } from './commands/credentials.js';
export type { ClientInfo, Session } from './commands/signIn.js';
export { accountsByEmails, escapeLike, getUser, loadViewer, userIdsWithRole, usersByIds } from './queries.js';
export { deleteExpiredCredentials } from './cleanup.js';
export { REFRESH_COOKIE } from './sessions.js';
export { lockUser } from './locks.js';
export { markInactiveAccountsWarned, type WarnedAccount } from './inactivity.js';
export {
  anonymiseAccount,
  confirmOwnPassword,
  erasableAccount,
  liveAccountCte,
  lockLiveAccount,
  type ErasableAccount,
} from './erasure.js';
export { DEVICE_COOKIE } from './devices.js';
export { hashPassword, verifyPassword } from './passwords.js';
export { presentUser, type UserDto } from './presenter.js';
export type { AccountEmail, AccountEmailTemplate, AccountMailer } from './mailer.js';
