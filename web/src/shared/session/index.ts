export {
  SessionProvider,
  useSession,
  type SessionContextValue,
  type SessionStatus,
  type SignOutOptions,
} from './SessionProvider';
export { SESSION_USER_FIELDS, type AuthPayload } from './tokens';
export type { SessionUser } from './types';
