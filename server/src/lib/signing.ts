import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed references for links that act without signing in (cancel a booking from its e-mail):
 * "<id>.<HMAC-SHA256 of purpose and id>". Nothing is stored; the server's secret signs it.
 */
export function signReference(secret: string, purpose: string, id: string): string {
  return `${id}.${createHmac('sha256', secret).update(`${purpose}:${id}`).digest('base64url')}`;
}

/** The id a signed reference names, or null when the signature is wrong. */
export function verifyReference(secret: string, purpose: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const expected = Buffer.from(signReference(secret, purpose, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}
