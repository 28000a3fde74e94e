/**
 * Who may see what in messaging: a person's notifications are theirs alone, and the development
 * mailbox has its own rule. Resolvers and use cases ask here; policy.test.ts holds the table.
 */
import { isIP } from 'node:net';
import type { Config } from '../../config.js';
import { hasRole, type Viewer } from '../../lib/viewer.js';

/** Where a request came from, as the mailbox rule needs it. */
export interface MailboxClient {
  /** The TCP peer's address (not a forwarded one). */
  address: string | undefined;
  /** The request names a forwarded client (`Forwarded` or `X-Forwarded-For`): a proxy sent it. */
  proxied: boolean;
}

/** The mailbox's view of a request; none (a WebSocket operation) is never "this machine". */
export function mailboxClient(
  request: { socket?: { remoteAddress?: string }; headers: Record<string, unknown> } | undefined,
): MailboxClient {
  if (!request) return { address: undefined, proxied: true };
  return {
    address: request.socket?.remoteAddress,
    proxied: request.headers['forwarded'] !== undefined || request.headers['x-forwarded-for'] !== undefined,
  };
}

type MailboxConfig = Pick<Config, 'production' | 'trustProxy'> & { mail: Pick<Config['mail'], 'mailbox'> };

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x: the machine the server runs on. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return isIP(address) === 6 && /^(0{0,4}:){7}0{0,3}1$|^::1$/.test(address);
}

/**
 * The mailbox shows every message's links (password resets included), so it exists only when
 * DEV_MAILBOX=true without SMTP (config.mail.mailbox, refused in production). An admin may read it
 * from anywhere. Outside production a request from the server's own machine may read it without
 * signing in, but only when no proxy is trusted and none forwarded it: behind a proxy every request
 * arrives from loopback.
 */
export const mailboxPolicy = {
  exists: (config: MailboxConfig) => config.mail.mailbox,
  fromThisMachine: (config: MailboxConfig, client: MailboxClient) =>
    !config.production && config.trustProxy === false && !client.proxied && isLoopback(client.address),
  read: (config: MailboxConfig, viewer: Viewer | null, client: MailboxClient) =>
    mailboxPolicy.exists(config) && (hasRole(viewer, 'ADMIN') || mailboxPolicy.fromThisMachine(config, client)),
};

/**
 * A person's notifications (the list, the unread count, marking them read, delivery choices and
 * live changes) are read and changed by that person only; a visitor has none. (An unsubscribe link
 * is the exception that needs no sign-in: its signature names the person.)
 */
export const notificationPolicy = {
  read: (viewer: Viewer | null, recipientId: string) => viewer !== null && viewer.id === recipientId,
};
