/**
 * Factories: each builds what it needs, parents included, so tests never depend on each other.
 * They write through the database directly; the flows themselves are tested through the API.
 */
import { randomUUID } from 'node:crypto';
import type { OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { desc, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../modules/accounts/index.js';
import { users } from '../modules/accounts/tables.js';
import { renderMessage } from '../modules/messaging/index.js';
import { emailOutbox } from '../modules/messaging/tables.js';
import { memberships, organisations } from '../modules/organisations/tables.js';
import { withCheckDigit } from '../seed/demo.js';
import type { Deps } from '../deps.js';
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

/** The newest e-mail to an address, rendered as it would be sent, and the token in its first link. */
export async function lastEmailTo(app: App, address: string) {
  const [row] = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(1);
  const rendered = row ? await renderMessage(app, row) : null;
  if (!row || !rendered) return undefined;
  const token = rendered.text.match(/token=([A-Za-z0-9_-]+)/)?.[1];
  return { ...row, ...rendered, textBody: rendered.text, token };
}

/** The server's dependencies for calling use cases directly in a test. */
export function depsOf(app: App): Deps {
  return { db: app.db, config: app.config, log: app.log, signAccessToken: app.signAccessToken };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
export const dateIn = inDays;
/** A Helsinki wall-clock time some days ahead, "YYYY-MM-DDTHH:mm". */
export const localIn = (days: number, time = '09:00') => `${inDays(days)}T${time}`;

export function needInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'INTERNSHIP',
    title: 'Harjoittelija aurinkovoimalan asennukseen',
    description: 'Etsimme harjoittelijaa asentamaan aurinkopaneeleja maatiloille kesäksi.',
    language: 'fi',
    topics: ['solar-pv'],
    municipalityCode: '732',
    remote: false,
    periodStart: inDays(60),
    periodEnd: inDays(150),
    positions: 1,
    payKind: 'PAID',
    payAmountCents: 190_000,
    languages: ['fi'],
    applicationDeadline: inDays(30),
    ...overrides,
  };
}

export function sessionInput(overrides: Record<string, unknown> = {}) {
  return {
    startsAt: localIn(40, '09:00'),
    endsAt: localIn(40, '16:00'),
    registrationDeadline: localIn(35, '23:59'),
    place: 'Lapin AMK, Jokiväylä 11, Rovaniemi',
    municipalityCode: '698',
    seats: 20,
    priceCents: 12_000,
    language: 'fi',
    ...overrides,
  };
}

export function courseInput(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'COURSE',
    organisationId,
    title: 'Aurinkosähköjärjestelmien asennus',
    description: 'Kahden päivän kurssi aurinkosähköjärjestelmien suunnittelusta ja asennuksesta maatiloille.',
    language: 'fi',
    topics: ['solar-pv', 'electrical-installation'],
    municipalityCode: '698',
    online: false,
    languages: ['fi'],
    ...overrides,
  };
}

/** A published need, as an entrepreneur of a new company would post it. */
export async function buildNeed(
  app: App,
  overrides: Record<string, unknown> = {},
  options: { publish?: boolean; owner?: TestUser } = {},
) {
  const { createNeed, publishNeed } = await import('../modules/needs/index.js');
  const owner = options.owner ?? (await buildUser(app, { roles: ['ENTREPRENEUR'] }));
  const viewer = { id: owner.id, email: owner.email, roles: owner.roles, emailVerified: true };
  const need = await createNeed(depsOf(app), viewer, needInput(overrides));
  return { ...(options.publish === false ? need : await publishNeed(depsOf(app), viewer, need.id)), owner };
}

/** A published course of a new educational organisation, with the given sessions. */
export async function buildCourse(
  app: App,
  overrides: Record<string, unknown> = {},
  options: {
    sessions?: Record<string, unknown>[];
    publish?: boolean;
    organisation?: Awaited<ReturnType<typeof buildOrganisation>>;
  } = {},
) {
  const { createOffer, publishOffer } = await import('../modules/offers/service.js');
  const org = options.organisation ?? (await buildOrganisation(app, { kind: 'EDUCATIONAL' }));
  const viewer = { id: org.owner.id, email: org.owner.email, roles: org.owner.roles, emailVerified: true };
  const offer = await createOffer(
    depsOf(app),
    viewer,
    courseInput(org.id, overrides),
    options.sessions ?? [sessionInput()],
  );
  return { ...(options.publish === false ? offer : await publishOffer(depsOf(app), viewer, offer.id)), org };
}

/**
 * An application by a new student (or the one given) to a need, moved on to `state` by the need's
 * poster and the student, through the use cases.
 */
export async function buildApplication(
  app: App,
  need: { id: string; owner: TestUser },
  options: { student?: TestUser; state?: import('@keskusvaraamo/shared').ApplicationState; coverLetter?: string } = {},
) {
  const service = await import('../modules/applications/index.js');
  const student = options.student ?? (await buildUser(app, { roles: ['STUDENT'] }));
  const viewerOf = (u: TestUser) => ({ id: u.id, email: u.email, roles: u.roles, emailVerified: true });
  const deps = depsOf(app);
  const application = await service.applyToNeed(deps, viewerOf(student), {
    needId: need.id,
    coverLetter: options.coverLetter ?? 'Olen kiinnostunut tehtävästä ja minulla on alan opintoja takana.',
  });
  const company = viewerOf(need.owner);
  const me = viewerOf(student);
  const steps: Record<string, (() => Promise<unknown>)[]> = {
    SUBMITTED: [],
    SHORTLISTED: [() => service.shortlistApplication(deps, company, application.id)],
    OFFERED: [() => service.offerApplication(deps, company, application.id)],
    ACCEPTED: [
      () => service.offerApplication(deps, company, application.id),
      () => service.acceptApplication(deps, me, application.id),
    ],
    DECLINED: [
      () => service.offerApplication(deps, company, application.id),
      () => service.declineApplication(deps, me, application.id),
    ],
    REJECTED: [() => service.rejectApplication(deps, company, application.id, {})],
    WITHDRAWN: [() => service.withdrawApplication(deps, me, application.id)],
  };
  for (const step of steps[options.state ?? 'SUBMITTED']!) await step();
  return { ...application, state: options.state ?? 'SUBMITTED', student };
}
