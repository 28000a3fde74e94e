import type { users } from './tables.js';

type UserRow = typeof users.$inferSelect;

/** The API shape of an account; the password hash and token version never leave the server. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    roles: row.roles,
    locale: row.locale,
    emailVerified: row.emailVerifiedAt !== null,
    createdAt: row.createdAt.toISOString(),
    lastActiveAt: row.lastActiveAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    deactivationReason: row.deactivationReason,
    anonymised: row.anonymisedAt !== null,
  };
}
export type UserDto = ReturnType<typeof presentUser>;
