/**
 * Messaging's rules as a table, without a database: whose notifications a viewer reads, and who
 * reads the development mailbox (role × where the request comes from × configuration).
 */
import type { UserRole } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../lib/viewer.js';
import { mailboxPolicy, notificationPolicy, type MailboxClient } from './policy.js';

const viewer = (roles: UserRole[], id = 'me'): Viewer => ({
  id,
  email: `${id}@example.fi`,
  roles,
  emailVerified: true,
});
const as = (role: UserRole | 'visitor') => (role === 'visitor' ? null : viewer([role]));

describe('whose notifications a viewer reads', () => {
  it.each([
    ['visitor', 'own', false],
    ['STUDENT', 'own', true],
    ['STUDENT', "another's", false],
    ['ENTREPRENEUR', 'own', true],
    ['COORDINATOR', "another's", false],
    ['ADMIN', 'own', true],
    ['ADMIN', "another's", false],
  ] as const)('%s, %s notifications → %s', (role, relation, expected) => {
    const recipient = relation === 'own' ? 'me' : 'someone-else';
    expect(notificationPolicy.read(as(role), recipient)).toBe(expected);
  });
});

describe('who reads the development mailbox', () => {
  const config = (over: { mailbox?: boolean; production?: boolean; trustProxy?: false | number } = {}) => ({
    production: over.production ?? false,
    trustProxy: over.trustProxy ?? (false as const),
    mail: { mailbox: over.mailbox ?? true },
  });
  const here: MailboxClient = { address: '127.0.0.1', proxied: false };
  const proxied: MailboxClient = { address: '127.0.0.1', proxied: true };
  const elsewhere: MailboxClient = { address: '203.0.113.5', proxied: false };
  const CLIENTS = { here, proxied, elsewhere };

  it.each([
    // role, client, configuration → allowed
    ['visitor', 'here', 'mailbox', true],
    ['visitor', 'proxied', 'mailbox', false],
    ['visitor', 'elsewhere', 'mailbox', false],
    ['STUDENT', 'elsewhere', 'mailbox', false],
    ['COORDINATOR', 'elsewhere', 'mailbox', false],
    ['ADMIN', 'elsewhere', 'mailbox', true],
    ['ADMIN', 'proxied', 'mailbox', true],
    ['visitor', 'here', 'behind a proxy', false],
    ['ADMIN', 'here', 'no mailbox', false],
    ['visitor', 'here', 'no mailbox', false],
  ] as const)('%s from %s, %s → %s', (role, client, setting, expected) => {
    const settings = {
      mailbox: config(),
      'behind a proxy': config({ trustProxy: 1 }),
      'no mailbox': config({ mailbox: false }),
    }[setting];
    expect(mailboxPolicy.read(settings as never, as(role), CLIENTS[client])).toBe(expected);
  });
});
