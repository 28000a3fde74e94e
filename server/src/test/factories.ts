/**
 * Factories: each builds what it needs, parents included, so tests never depend on each other.
 * They write through the database directly; the flows themselves are tested through the API.
 */
import { randomUUID } from 'node:crypto';
import type { OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { desc, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../modules/accounts/passwords.js';
import { users } from '../modules/accounts/tables.js';
import { emailOutbox } from '../modules/mail/tables.js';
import { memberships, organisations } from '../modules/organisations/tables.js';
import { withCheckDigit } from '../seed/demo.js';
import type { App } from './helper.js';

export const PASSWORD = 'factory-password-1';
let passwordHash: Promise<string> | undefined;
let sequence = 0;
const next = () => `${process.pid}${++sequence}${Math.floor(Math.random() * 1e6)}`;

export async function buildUser(
  app: App,
  overrides: Partial<{
    email: string;
    displayName: string;
    roles: UserRole[];
    locale: 'fi' | 'sv' | 'en';
    verified: boolean;
  }> = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const [user] = await app.db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${next()}@example.fi`,
      displayName: overrides.displayName ?? 'Testi Käyttäjä',
      roles: overrides.roles ?? ['ENTREPRENEUR'],
      locale: overrides.locale ?? 'fi',
      passwordHash: await passwordHash,
      emailVerifiedAt: overrides.verified === false ? null : sql`now()`,
    })
    .returning();
  return { ...user!, token: app.signAccessToken(user!) };
}
export type TestUser = Awaited<ReturnType<typeof buildUser>>;

let businessIdSeed = 5_000_000;
export async function buildOrganisation(
  app: App,
  overrides: Partial<{
    kind: OrganisationKind;
    name: string;
    owner: TestUser;
    members: TestUser[];
    verified: boolean;
  }> = {},
) {
  const kind = overrides.kind ?? 'COMPANY';
  const owner =
    overrides.owner ?? (await buildUser(app, { roles: [kind === 'COMPANY' ? 'ENTREPRENEUR' : 'EDUCATOR'] }));
  businessIdSeed += 10 + Math.floor(Math.random() * 1000) * 10;
  const [org] = await app.db
    .insert(organisations)
    .values({
      name: overrides.name ?? `Testi ${randomUUID().slice(0, 8)} Oy`,
      kind,
      businessId: kind === 'COMPANY' ? withCheckDigit(String(businessIdSeed)) : null,
      municipalityCode: '698',
      verifiedAt: overrides.verified ? sql`now()` : null,
    })
    .returning();
  await app.db
    .insert(memberships)
    .values([
      { organisationId: org!.id, userId: owner.id, role: 'OWNER' },
      ...(overrides.members ?? []).map((m) => ({ organisationId: org!.id, userId: m.id, role: 'MEMBER' as const })),
    ]);
  return { ...org!, owner };
}

/** The newest e-mail to an address, and the token in its first link. */
export async function lastEmailTo(app: App, address: string) {
  const [mail] = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(1);
  const token = mail?.textBody.match(/token=([A-Za-z0-9_-]+)/)?.[1];
  return mail ? { ...mail, token } : undefined;
}
