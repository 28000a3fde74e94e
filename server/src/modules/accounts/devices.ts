/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that
 * signed in to an account gets a signed, httpOnly cookie naming the account and a random device id.
 * Sign-in attempts that present it are throttled per device, not on the account, so guesses made
 * elsewhere never keep the owner out. It grants nothing else: the password is always checked.
 */
import { randomUUID } from 'node:crypto';
import { signReference, verifyReference } from '../../lib/signing.js';

export const DEVICE_COOKIE = 'kv_device';
/** How long a browser stays known without signing in again. */
export const DEVICE_COOKIE_DAYS = 365;
const PURPOSE = 'sign-in-device';

/** A new device cookie value for the user, or the same device's id renewed. */
export function deviceCookieFor(secret: string, userId: string, deviceId: string = randomUUID()): string {
  return signReference(secret, PURPOSE, `${userId}.${deviceId}`);
}

/** The device id when the cookie is genuine and was issued for this user; otherwise null. */
export function deviceIdFor(secret: string, cookie: string | undefined, userId: string | undefined): string | null {
  if (!cookie || !userId || cookie.length > 200) return null;
  const reference = verifyReference(secret, PURPOSE, cookie);
  if (!reference) return null;
  const [owner, deviceId] = reference.split('.');
  return owner === userId && deviceId ? deviceId : null;
}
