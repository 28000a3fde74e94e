/**
 * Refresh-token sessions. A sign-in starts a family; every refresh spends the presented token
 * and issues the next one in the same family. Presenting a spent token again means it leaked,
 * so the whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { hashToken, newToken } from '../../lib/secrets.js';
import { refreshTokens } from './tables.js';

/** The httpOnly cookie a browser's refresh token travels in (plugins/auth.ts sets it). */
export const REFRESH_COOKIE = 'kv_refresh';

export async function startSession(
  db: Database,
  userId: string,
  ttlDays: number,
  userAgent: string | null,
  familyId: string = randomUUID(),
): Promise<string> {
  const token = newToken();
  await db.insert(refreshTokens).values({
    userId,
    familyId,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(days => ${ttlDays})`,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export type RotateResult =
  | { ok: true; userId: string; token: string }
  | { ok: false; reason: 'unknown' | 'expired' }
  | { ok: false; reason: 'reused'; userId: string };

export function rotateSession(
  db: Database,
  token: string,
  ttlDays: number,
  userAgent: string | null,
): Promise<RotateResult> {
  const tokenHash = hashToken(token);
  return db.transaction(async (tx) => {
    // A conditional update: of two refreshes racing with the same token, exactly one spends it.
    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(refreshTokens.tokenHash, tokenHash),
          isNull(refreshTokens.usedAt),
          isNull(refreshTokens.revokedAt),
          gt(refreshTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ userId: refreshTokens.userId, familyId: refreshTokens.familyId });
    if (spent) {
      const next = await startSession(tx, spent.userId, ttlDays, userAgent, spent.familyId);
      return { ok: true, userId: spent.userId, token: next };
    }
    const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.usedAt && !row.revokedAt) {
      await revokeFamily(tx, row.familyId);
      return { ok: false, reason: 'reused', userId: row.userId };
    }
    return { ok: false, reason: 'expired' };
  });
}

export async function revokeFamily(db: Database, familyId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

/** Ends the session the token belongs to, spent or not. Unknown tokens are ignored. */
export async function revokeSessionOf(db: Database, token: string): Promise<void> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)));
  if (row) await revokeFamily(db, row.familyId);
}

export async function revokeAllSessions(db: Database, userId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
