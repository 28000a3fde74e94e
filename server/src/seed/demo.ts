/**
 * Demo data for a first start: Lapland's real educational organisations, a dozen fictional
 * energy companies around the region, an account for every role and thirty students, and a
 * marketplace between them (./marketplace.ts). Runs only on an empty database, so it never
 * touches real data.
 */
import type { MembershipRole, OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { count, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { hashPassword } from '../modules/accounts/index.js';
import { users } from '../modules/accounts/tables.js';
import { memberships, organisations } from '../modules/organisations/tables.js';
import { seedHistory, type HistoryCounts } from './demo-history.js';
import { DEMO_STUDENTS } from './demo-students.js';
import { seedDeps, seedMarketplace, type DemoAccount, type MarketplaceCounts } from './marketplace.js';

/** Every demo account signs in with this password (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'Demo-2026-lappi';
export const DEMO_DOMAIN = 'demo.keskusvaraamo.fi';

interface DemoUser {
  key: string;
  name: string;
  roles: UserRole[];
  locale?: 'fi' | 'sv' | 'en';
}

/** The five named demo accounts, one per role, the other organisations' owners, then the students. */
export const DEMO_USERS: DemoUser[] = [
  { key: 'admin', name: 'Liisa Palo', roles: ['ADMIN'] },
  { key: 'coordinator', name: 'Aino Rautio', roles: ['COORDINATOR'] },
  { key: 'entrepreneur', name: 'Juha Niemelä', roles: ['ENTREPRENEUR'] },
  { key: 'educator', name: 'Elina Kivelä', roles: ['EDUCATOR'] },
  { key: 'student', name: 'Sami Aikio', roles: ['STUDENT'] },
  { key: 'educator.lappia', name: 'Markku Alatalo', roles: ['EDUCATOR'] },
  { key: 'educator.redu', name: 'Riikka Saari', roles: ['EDUCATOR'] },
  { key: 'educator.ulapland', name: 'Anna Lehtola', roles: ['EDUCATOR'], locale: 'en' },
  { key: 'educator.proagria', name: 'Tiina Heikkilä', roles: ['EDUCATOR'] },
  { key: 'kemijoki', name: 'Pekka Ylitalo', roles: ['ENTREPRENEUR'] },
  { key: 'aurinkolappi', name: 'Hanna Kärkkäinen', roles: ['ENTREPRENEUR'] },
  { key: 'inari', name: 'Niillas Valle', roles: ['ENTREPRENEUR'] },
  { key: 'tornionlaakso', name: 'Anders Lindqvist', roles: ['ENTREPRENEUR'], locale: 'sv' },
  { key: 'pello', name: 'Marja Pietilä', roles: ['ENTREPRENEUR'] },
  { key: 'sodankyla', name: 'Ville Hietala', roles: ['ENTREPRENEUR'] },
  { key: 'kolari', name: 'Sanna Mäkelä', roles: ['ENTREPRENEUR'] },
  { key: 'posio', name: 'Jari Kemppainen', roles: ['ENTREPRENEUR'] },
  { key: 'ranua', name: 'Kaisa Tervo', roles: ['ENTREPRENEUR'] },
  { key: 'kittila', name: 'Olli Kangas', roles: ['ENTREPRENEUR'] },
  { key: 'simo', name: 'Tuula Rantala', roles: ['ENTREPRENEUR'] },
  { key: 'keminmaa', name: 'Eero Jokela', roles: ['ENTREPRENEUR'] },
  // Owners of the companies that joined during the demo history (./history-plan.ts).
  { key: 'napapiiri', name: 'Tapio Korva', roles: ['ENTREPRENEUR'] },
  { key: 'ounasvaara', name: 'Mervi Lohi', roles: ['ENTREPRENEUR'] },
  { key: 'perameri', name: 'Kimmo Paavola', roles: ['ENTREPRENEUR'] },
  { key: 'kemi', name: 'Sirpa Kaikkonen', roles: ['ENTREPRENEUR'] },
  { key: 'tornio', name: 'Jukka Liikamaa', roles: ['ENTREPRENEUR'] },
  { key: 'ylitornio', name: 'Leena Raasakka', roles: ['ENTREPRENEUR'] },
  { key: 'tervola', name: 'Arto Kylmälä', roles: ['ENTREPRENEUR'] },
  { key: 'saariselka', name: 'Jouni Lukkari', roles: ['ENTREPRENEUR'] },
  ...DEMO_STUDENTS.filter((s) => s.key !== 'student').map((s): DemoUser => ({
    key: s.key,
    name: s.name,
    roles: ['STUDENT'],
    locale: s.locale,
  })),
];

interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  municipalityCode: string;
  website?: string;
  description: string;
  /** Seven digits; the check digit is computed. Companies only. */
  businessIdBase?: string;
  verified: boolean;
  members: [userKey: string, role: MembershipRole][];
}

const EDUCATIONAL: DemoOrganisation[] = [
  {
    name: 'Lapin yliopisto',
    kind: 'EDUCATIONAL',
    municipalityCode: '698',
    website: 'https://www.ulapland.fi',
    description: 'Tiedekorkeakoulu Rovaniemellä: arktinen oikeus, matkailu, yhteiskuntatieteet, kasvatus ja taide.',
    verified: true,
    members: [['educator.ulapland', 'OWNER']],
  },
  {
    name: 'Lapin ammattikorkeakoulu',
    kind: 'EDUCATIONAL',
    municipalityCode: '698',
    website: 'https://www.lapinamk.fi',
    description: 'Tekniikan, biotalouden ja energia-alan koulutusta Rovaniemellä, Kemissä ja Torniossa.',
    verified: true,
    members: [['educator', 'OWNER']],
  },
  {
    name: 'Lapin koulutuskeskus REDU',
    kind: 'EDUCATIONAL',
    municipalityCode: '698',
    website: 'https://www.redu.fi',
    description: 'Ammatillista koulutusta kaikkialla Lapissa Rovaniemeltä Sodankylään ja Inariin.',
    verified: true,
    members: [['educator.redu', 'OWNER']],
  },
  {
    name: 'Lappia',
    kind: 'EDUCATIONAL',
    municipalityCode: '851',
    website: 'https://www.lappia.fi',
    description: 'Ammatillista koulutusta Kemi-Tornion alueella ja Tornionlaaksossa: sähkö-, energia- ja rakennusala.',
    verified: true,
    members: [['educator.lappia', 'OWNER']],
  },
  {
    name: 'ProAgria Lappi',
    kind: 'TRAINING_BODY',
    municipalityCode: '698',
    website: 'https://www.proagria.fi/lappi',
    description: 'Neuvontaa ja koulutusta maatiloille ja maaseutuyrityksille, myös energiaratkaisuihin.',
    verified: true,
    members: [['educator.proagria', 'OWNER']],
  },
];

const COMPANIES: DemoOrganisation[] = [
  [
    'Tunturienergia Oy',
    '732',
    '3200700',
    'entrepreneur',
    'Aurinkosähkö- ja lämpöpumppuasennuksia maatiloille ja lomakyliin Sallassa.',
  ],
  [
    'Kemijoen Hakelämpö Oy',
    '698',
    '3201400',
    'kemijoki',
    'Hakelämpölaitoksia ja lämpöyrittäjyyttä Rovaniemen seudulla.',
  ],
  [
    'Aurinkolappi Oy',
    '320',
    '3202100',
    'aurinkolappi',
    'Aurinkosähköjärjestelmiä koteihin ja maatiloille Itä-Lapissa.',
  ],
  ['Inarin Bioenergia Oy', '148', '3202800', 'inari', 'Polttopuuta ja haketta Inariin ja Utsjoelle.'],
  [
    'Tornionlaakson Lämpöyrittäjät Oy',
    '851',
    '3203500',
    'tornionlaakso',
    'Tornionlaakson lämpöyrittäjien yhteisyritys.',
  ],
  ['Pellon Pelletti Oy', '854', '3204200', 'pello', 'Pellettien valmistusta ja kattiloiden huoltoa.'],
  [
    'Sodankylän Biokaasu Oy',
    '758',
    '3204900',
    'sodankyla',
    'Tilakokoluokan biokaasua poro- ja maitotilojen sivuvirroista.',
  ],
  [
    'Kolarin Tuulivoimapalvelut Oy',
    '273',
    '3205600',
    'kolari',
    'Tuulivoimaloiden huoltoa ja sähkötöitä Länsi-Lapissa.',
  ],
  ['Posion Puuenergia Oy', '614', '3206300', 'posio', 'Energiapuun korjuuta ja logistiikkaa.'],
  ['Ranuan Maatilaenergia Oy', '683', '3207000', 'ranua', 'Energiakatselmuksia ja uusiutuvaa energiaa maatiloille.'],
  [
    'Kittilän Energiaremontti Oy',
    '261',
    '3207700',
    'kittila',
    'Energiaremontteja matkailurakennuksiin Levillä ja Kittilässä.',
  ],
  ['Simon Aurinkosähkö Oy', '751', '3208400', 'simo', 'Aurinkosähköä ja akkuvarastoja Perämeren rannikolla.'],
  ['Keminmaan Lämpöpumppu Oy', '241', '3209100', 'keminmaa', 'Maalämpö- ja ilma-vesilämpöpumppuja.'],
].map(([name, municipalityCode, businessIdBase, owner, description], i) => ({
  name: name!,
  kind: 'COMPANY' as const,
  municipalityCode: municipalityCode!,
  businessIdBase: businessIdBase!,
  description: description!,
  verified: i % 4 !== 3, // a few wait for a coordinator's verification
  members: [[owner!, 'OWNER']] as [string, MembershipRole][],
}));

/** Companies that joined the cluster during the demo history, verified as they came. */
const JOINED_LATER: DemoOrganisation[] = [
  ['Napapiirin Sähkö ja Aurinko Oy', '698', '3209800', 'napapiiri', 'Aurinkosähkö- ja latausasennuksia Rovaniemellä.'],
  ['Ounasvaaran Lämpötekniikka Oy', '698', '3210500', 'ounasvaara', 'Maalämpöä, LVI-urakointia ja energiaremontteja.'],
  ['Perämeren Tuulipalvelu Oy', '240', '3211200', 'perameri', 'Tuulivoimaloiden huoltoa Perämeren rannikolla.'],
  [
    'Kemin Energiakorjaus Oy',
    '240',
    '3211900',
    'kemi',
    'Energiakatselmuksia ja korjausrakentamista Kemi-Tornion alueella.',
  ],
  ['Tornion Biolämpö Oy', '851', '3212600', 'tornio', 'Hakelämpölaitoksia ja lämmön myyntiä Tornion kylissä.'],
  [
    'Ylitornion Maatilaenergia Oy',
    '976',
    '3213300',
    'ylitornio',
    'Biokaasua ja aurinkosähköä Tornionlaakson maatiloille.',
  ],
  ['Tervolan Puuhake Oy', '845', '3214000', 'tervola', 'Metsähaketta ja energiapuun korjuuta Tervolassa ja Simossa.'],
  [
    'Saariselän Energiapalvelu Oy',
    '148',
    '3214700',
    'saariselka',
    'Matkailurakennusten energiaremontteja Saariselällä ja Ivalossa.',
  ],
].map(([name, municipalityCode, businessIdBase, owner, description]) => ({
  name: name!,
  kind: 'COMPANY' as const,
  municipalityCode: municipalityCode!,
  businessIdBase: businessIdBase!,
  description: description!,
  verified: true,
  members: [[owner!, 'OWNER']] as [string, MembershipRole][],
}));

/** Appends the Y-tunnus check digit, moving to the next number when none exists (remainder 1). */
export function withCheckDigit(base: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2];
  for (let n = Number(base); ; n++) {
    const digits = String(n).padStart(7, '0');
    const remainder = digits.split('').reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0) % 11;
    if (remainder !== 1) return `${digits}-${remainder === 0 ? 0 : 11 - remainder}`;
  }
}

export const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

export interface SeededDemoData extends MarketplaceCounts {
  users: number;
  organisations: number;
  /** The past written before the day of seeding (./demo-history.ts). */
  history: HistoryCounts;
}

/** Seeds the demo data into an empty database; returns what it made, or null when it did nothing. */
export async function seedDemoData(db: Database): Promise<SeededDemoData | null> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return null;

  // One hash for every demo account keeps the first start fast; these accounts are public anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const createdUsers = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: demoEmail(u.key),
          displayName: u.name,
          roles: u.roles,
          locale: u.locale ?? 'fi',
          passwordHash,
          emailVerifiedAt: sql`now()`,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const userId = new Map(createdUsers.map((u) => [u.email, u.id]));

    const all = [...EDUCATIONAL, ...COMPANIES, ...JOINED_LATER];
    const createdOrgs = await tx
      .insert(organisations)
      .values(
        all.map((o) => ({
          name: o.name,
          kind: o.kind,
          municipalityCode: o.municipalityCode,
          website: o.website ?? null,
          description: o.description,
          businessId: o.businessIdBase ? withCheckDigit(o.businessIdBase) : null,
          verifiedAt: o.verified ? sql`now()` : null,
          verifiedBy: o.verified ? userId.get(demoEmail('coordinator')) : null,
        })),
      )
      .returning({ id: organisations.id });
    await tx.insert(memberships).values(
      all.flatMap((o, i) =>
        o.members.map(([key, role]) => ({
          organisationId: createdOrgs[i]!.id,
          userId: userId.get(demoEmail(key))!,
          role,
        })),
      ),
    );

    // Each account acts for the (one) organisation it belongs to.
    const organisationOf = new Map(
      all.flatMap((o, i) =>
        o.members.map(([key]) => [key, { id: createdOrgs[i]!.id, municipalityCode: o.municipalityCode }] as const),
      ),
    );
    const accounts = new Map<string, DemoAccount>(
      DEMO_USERS.map((u) => [
        u.key,
        {
          viewer: { id: userId.get(demoEmail(u.key))!, email: demoEmail(u.key), roles: u.roles, emailVerified: true },
          organisation: organisationOf.get(u.key) ?? null,
        },
      ]),
    );
    const marketplace = await seedMarketplace(seedDeps(tx), accounts);
    const history = await seedHistory(tx, accounts, {
      organisations: all.map((o) => ({
        key: o.members[0]![0],
        name: o.name,
        kind: o.kind,
        municipalityCode: o.municipalityCode,
        verified: o.verified,
        // The Tornio company writes in Swedish (./demo-needs.ts).
        language: o.members[0]![0] === 'tornionlaakso' ? 'sv' : 'fi',
      })),
      students: DEMO_STUDENTS,
      names: new Map(DEMO_USERS.map((u) => [u.key, u.name])),
      emails: new Map(DEMO_USERS.map((u) => [u.key, demoEmail(u.key)])),
    });
    return { users: createdUsers.length, organisations: createdOrgs.length, ...marketplace, history };
  });
}
