/**
 * One-click unsubscribe (RFC 8058): every notification e-mail names its type in a signed link;
 * following it turns that type's e-mail off (it still shows in the app). The digest's link turns
 * the digest off for every type delivered in it.
 */
import {
  DEFAULT_CHANNEL,
  localizedPath,
  NOTIFICATION_TYPES,
  type Locale,
  type NotificationType,
} from '@keskusvaraamo/shared';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.js';
import { AppError } from '../../errors.js';
import { pageUrl } from '../../lib/pageUrl.js';
import { signReference, verifyReference } from '../../lib/signing.js';
import { users } from '../accounts/tables.js';
import { notificationPreferences } from './tables.js';

const PURPOSE = 'unsubscribe';
export type UnsubscribeTopic = NotificationType | 'DIGEST';

const isTopic = (v: string): v is UnsubscribeTopic =>
  v === 'DIGEST' || (NOTIFICATION_TYPES as readonly string[]).includes(v);

export function unsubscribeToken(deps: Pick<Deps, 'config'>, userId: string, topic: UnsubscribeTopic): string {
  return signReference(deps.config.jwtSecret, PURPOSE, `${userId}:${topic}`);
}

/**
 * The page that asks before unsubscribing (in the recipient's language), and the address mail
 * clients POST to (one click).
 */
export function unsubscribeUrls(deps: Pick<Deps, 'config'>, userId: string, topic: UnsubscribeTopic, locale: Locale) {
  const token = encodeURIComponent(unsubscribeToken(deps, userId, topic));
  return {
    page: pageUrl(deps.config, locale, `/unsubscribe?token=${token}`),
    oneClick: `${deps.config.publicUrl}/api/unsubscribe?token=${token}`,
  };
}

/** Whose e-mail and which a token turns off; null when it is not one the service signed. */
function readToken(deps: Pick<Deps, 'config'>, token: string): { userId: string; topic: UnsubscribeTopic } | null {
  const [userId, topic] = verifyReference(deps.config.jwtSecret, PURPOSE, token)?.split(':') ?? [];
  return userId && topic && isTopic(topic) ? { userId, topic } : null;
}

/**
 * Where opening the one-click address (a GET: a person, or a link scanner) leads: the page that
 * asks first, in the recipient's language (Finnish when the token names no one). Changes nothing.
 */
export async function unsubscribePagePath(deps: Pick<Deps, 'config' | 'db'>, token: string): Promise<string> {
  const userId = readToken(deps, token)?.userId;
  const [user] = userId ? await deps.db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)) : [];
  return localizedPath(user?.locale ?? 'fi', `/unsubscribe?token=${encodeURIComponent(token)}`);
}

/** Applies a token: the type (or every type now in the digest) is delivered in the app only. */
export async function unsubscribe(deps: Pick<Deps, 'config' | 'db'>, token: string): Promise<UnsubscribeTopic> {
  const { userId, topic } = readToken(deps, token) ?? {};
  if (!userId || !topic) throw new AppError('TOKEN_INVALID', 'The link is invalid');
  let types: NotificationType[];
  if (topic === 'DIGEST') {
    const chosen = await deps.db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    const channelOf = new Map(chosen.map((p) => [p.type, p.channel]));
    types = NOTIFICATION_TYPES.filter((t) => (channelOf.get(t) ?? DEFAULT_CHANNEL[t]) === 'DIGEST');
  } else types = [topic];
  if (types.length) {
    await deps.db
      .insert(notificationPreferences)
      .values(types.map((type) => ({ userId, type, channel: 'APP' as const })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { channel: 'APP', updatedAt: sql`now()` },
      })
      .catch((error: unknown) => {
        // The account was deleted after the message was sent: nothing is left to unsubscribe.
        if ((error as { code?: string; cause?: { code?: string } }).cause?.code === '23503') return;
        throw error;
      });
  }
  return topic;
}
