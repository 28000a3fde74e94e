/**
 * Factories: `buildX(app, overrides)` builds an X with everything it needs, parents included, so
 * tests never depend on each other. Overrides are typed from the table's insert type (users,
 * organisations) or the use case's input (needs, courses, sessions), so a renamed column or
 * field breaks the test that sets it at compile time.
 *
 * People and organisations are written to the database directly (fast, and any state can be
 * set); needs, courses and applications go through their modules' use cases, so that what a test
 * builds is what the service would have made. The flows themselves are tested through the API.
 */
import { randomUUID } from 'node:crypto';
import {
  isValidBusinessId,
  type ApplicationState,
  type NeedInput,
  type OfferInput,
  type SessionInput,
} from '@keskusvaraamo/shared';
import { desc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps.js';
import type { Viewer } from '../lib/viewer.js';
import { hashPassword } from '../modules/accounts/index.js';
import { users } from '../modules/accounts/tables.js';
import {
  acceptApplication,
  applyToNeed,
  declineApplication,
  offerApplication,
  rejectApplication,
  shortlistApplication,
  withdrawApplication,
} from '../modules/applications/index.js';
import { renderMessage } from '../modules/messaging/index.js';
import { emailOutbox } from '../modules/messaging/tables.js';
import { createNeed, publishNeed } from '../modules/needs/index.js';
import { createOffer, publishOffer } from '../modules/offers/index.js';
import { memberships, organisations } from '../modules/organisations/tables.js';
import type { App } from './helper.js';

export const PASSWORD = 'factory-password-1';
let passwordHash: Promise<string> | undefined;
let sequence = 0;
const next = () => `${process.pid}${++sequence}${Math.floor(Math.random() * 1e6)}`;

/** The server's dependencies for calling use cases directly in a test. */
export function depsOf(app: App): Deps {
  return app.deps();
}

/** The viewer a use case sees when this user calls it (signed in, address confirmed). */
export const viewerOf = (user: Pick<TestUser, 'id' | 'email' | 'roles'>): Viewer => ({
  id: user.id,
  email: user.email,
  roles: user.roles,
  emailVerified: true,
});

type NewUser = typeof users.$inferInsert;

/**
 * A user (an entrepreneur unless told), with the password `PASSWORD` and, unless `verified` is
 * false, a confirmed address; `token` is an access token for them.
 */
export async function buildUser(app: App, overrides: Partial<NewUser> & { verified?: boolean } = {}) {
  const { verified, ...columns } = overrides;
  passwordHash ??= hashPassword(PASSWORD);
  const [user] = await app.db
    .insert(users)
    .values({
      email: `user-${next()}@example.fi`,
      displayName: 'Testi Käyttäjä',
      roles: ['ENTREPRENEUR'],
      locale: 'fi',
      passwordHash: await passwordHash,
      emailVerifiedAt: verified === false ? null : sql`now()`,
      ...columns,
    })
    .returning();
  return { ...user!, token: app.signAccessToken(user!) };
}
export type TestUser = Awaited<ReturnType<typeof buildUser>>;

let businessNumber = 5_000_000;
/**
 * A business ID no other test organisation has: a number further on, with the check digit that
 * shared's rule accepts (numbers that have none are skipped, as the registry does).
 */
function nextBusinessId(): string {
  for (;;) {
    businessNumber += 1 + Math.floor(Math.random() * 1000);
    const digits = String(businessNumber).padStart(7, '0');
    for (let check = 0; check <= 9; check++) {
      if (isValidBusinessId(`${digits}-${check}`)) return `${digits}-${check}`;
    }
  }
}

type NewOrganisation = typeof organisations.$inferInsert;

/**
 * An organisation (a company unless told) with its owner (a new entrepreneur, or an educator for
 * any other kind, unless given) and members; unverified unless `verified`.
 */
export async function buildOrganisation(
  app: App,
  overrides: Partial<NewOrganisation> & { owner?: TestUser; members?: TestUser[]; verified?: boolean } = {},
) {
  const { owner: givenOwner, members = [], verified, ...columns } = overrides;
  const kind = columns.kind ?? 'COMPANY';
  const owner = givenOwner ?? (await buildUser(app, { roles: [kind === 'COMPANY' ? 'ENTREPRENEUR' : 'EDUCATOR'] }));
  const [org] = await app.db
    .insert(organisations)
    .values({
      name: `Testi ${randomUUID().slice(0, 8)} Oy`,
      kind,
      businessId: kind === 'COMPANY' ? nextBusinessId() : null,
      municipalityCode: '698',
      verifiedAt: verified ? sql`now()` : null,
      ...columns,
    })
    .returning();
  await app.db
    .insert(memberships)
    .values([
      { organisationId: org!.id, userId: owner.id, role: 'OWNER' },
      ...members.map((m) => ({ organisationId: org!.id, userId: m.id, role: 'MEMBER' as const })),
    ]);
  return { ...org!, owner };
}
export type TestOrganisation = Awaited<ReturnType<typeof buildOrganisation>>;

/** The newest e-mail to an address, rendered as it would be sent, and the token in its first link. */
export async function lastEmailTo(app: App, address: string) {
  const [row] = await app.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(1);
  const rendered = row ? await renderMessage(app.deps(), row) : null;
  if (!row || !rendered) return undefined;
  const token = rendered.text.match(/token=([A-Za-z0-9_-]+)/)?.[1];
  return { ...row, ...rendered, textBody: rendered.text, token };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** A date some days ahead (or back), "YYYY-MM-DD". */
export const dateIn = inDays;
/** A Helsinki wall-clock time some days ahead, "YYYY-MM-DDTHH:mm". */
export const localIn = (days: number, time = '09:00') => `${inDays(days)}T${time}`;

/** A valid need: a paid internship in Salla, open for applications for a month. */
export function needInput(overrides: Partial<NeedInput> = {}): NeedInput {
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

/** A valid course session: a day in Rovaniemi in forty days, twenty seats at 120 €. */
export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
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

/** A valid course of the organisation (its sessions apart). */
export function courseInput(organisationId: string, overrides: Partial<OfferInput> = {}): OfferInput {
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

/**
 * A need posted by its owner (a new entrepreneur unless given), published unless `publish` is
 * false. It has no organisation unless `organisationId` is given (one of the owner's companies).
 */
export async function buildNeed(
  app: App,
  overrides: Partial<NeedInput> = {},
  options: { publish?: boolean; owner?: TestUser } = {},
) {
  const owner = options.owner ?? (await buildUser(app, { roles: ['ENTREPRENEUR'] }));
  const need = await createNeed(depsOf(app), viewerOf(owner), needInput(overrides));
  return { ...(options.publish === false ? need : await publishNeed(depsOf(app), viewerOf(owner), need.id)), owner };
}

/**
 * A course of an organisation (a new educational one unless given) with the given sessions (one
 * unless told), published unless `publish` is false.
 */
export async function buildCourse(
  app: App,
  overrides: Partial<OfferInput> = {},
  options: { sessions?: SessionInput[]; publish?: boolean; organisation?: TestOrganisation } = {},
) {
  const org = options.organisation ?? (await buildOrganisation(app, { kind: 'EDUCATIONAL' }));
  const viewer = viewerOf(org.owner);
  const offer = await createOffer(
    depsOf(app),
    viewer,
    courseInput(org.id, overrides),
    options.sessions ?? [sessionInput()],
  );
  return { ...(options.publish === false ? offer : await publishOffer(depsOf(app), viewer, offer.id)), org };
}

/**
 * An application by a student (a new one unless given) to a need (a new published internship
 * unless given), moved on to `state` by the need's poster and the student, through the use cases.
 */
export async function buildApplication(
  app: App,
  need?: { id: string; owner: TestUser },
  options: { student?: TestUser; state?: ApplicationState; coverLetter?: string } = {},
) {
  const target = need ?? (await buildNeed(app));
  const student = options.student ?? (await buildUser(app, { roles: ['STUDENT'] }));
  const deps = depsOf(app);
  const application = await applyToNeed(deps, viewerOf(student), {
    needId: target.id,
    coverLetter: options.coverLetter ?? 'Olen kiinnostunut tehtävästä ja minulla on alan opintoja takana.',
  });
  const company = viewerOf(target.owner);
  const me = viewerOf(student);
  const steps: Record<ApplicationState, (() => Promise<unknown>)[]> = {
    SUBMITTED: [],
    SHORTLISTED: [() => shortlistApplication(deps, company, application.id)],
    OFFERED: [() => offerApplication(deps, company, application.id)],
    ACCEPTED: [
      () => offerApplication(deps, company, application.id),
      () => acceptApplication(deps, me, application.id),
    ],
    DECLINED: [
      () => offerApplication(deps, company, application.id),
      () => declineApplication(deps, me, application.id),
    ],
    REJECTED: [() => rejectApplication(deps, company, application.id, {})],
    WITHDRAWN: [() => withdrawApplication(deps, me, application.id)],
  };
  for (const step of steps[options.state ?? 'SUBMITTED']) await step();
  return { ...application, state: options.state ?? 'SUBMITTED', student };
}
