/**
 * Demo data for a first start: Lapland's real educational organisations, a dozen fictional
 * energy companies around the region, and an account for every role. Runs only on an empty
 * database, so it never touches real data.
 */
import type { MembershipRole, OrganisationKind, UserRole } from '@keskusvaraamo/shared';
import { count, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { users } from '../modules/accounts/tables.js';
import { memberships, organisations } from '../modules/organisations/tables.js';

/** Every demo account signs in with this password (README, "Demo accounts"). */
export const DEMO_PASSWORD = 'Demo-2026-lappi';
export const DEMO_DOMAIN = 'demo.keskusvaraamo.fi';

interface DemoUser {
  key: string;
  name: string;
  roles: UserRole[];
  locale?: 'fi' | 'sv' | 'en';
}

/** The five named demo accounts, one per role, then the other companies' owners. */
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
    description: 'University of Lapland: arctic law, tourism, social sciences, education and art in Rovaniemi.',
    verified: true,
    members: [['educator.ulapland', 'OWNER']],
  },
  {
    name: 'Lapin ammattikorkeakoulu',
    kind: 'EDUCATIONAL',
    municipalityCode: '698',
    website: 'https://www.lapinamk.fi',
    description:
      'Lapland University of Applied Sciences: engineering, bioeconomy and energy in Rovaniemi, Kemi and Tornio.',
    verified: true,
    members: [['educator', 'OWNER']],
  },
  {
    name: 'Lapin koulutuskeskus REDU',
    kind: 'EDUCATIONAL',
    municipalityCode: '698',
    website: 'https://www.redu.fi',
    description: 'Vocational education across Lapland, from Rovaniemi to Sodankylä and Inari.',
    verified: true,
    members: [['educator.redu', 'OWNER']],
  },
  {
    name: 'Lappia',
    kind: 'EDUCATIONAL',
    municipalityCode: '851',
    website: 'https://www.lappia.fi',
    description:
      'Vocational education in Kemi-Tornio and the Torne Valley: electrical, energy and construction trades.',
    verified: true,
    members: [['educator.lappia', 'OWNER']],
  },
  {
    name: 'ProAgria Lappi',
    kind: 'TRAINING_BODY',
    municipalityCode: '698',
    website: 'https://www.proagria.fi/lappi',
    description: 'Advice and training for farms and rural enterprises, energy solutions included.',
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
    'Solar and heat pump installations for farms and holiday villages in Salla.',
  ],
  [
    'Kemijoen Hakelämpö Oy',
    '698',
    '3201400',
    'kemijoki',
    'Wood chip heating plants and heat entrepreneurship around Rovaniemi.',
  ],
  ['Aurinkolappi Oy', '320', '3202100', 'aurinkolappi', 'Solar PV systems for homes and farms in Eastern Lapland.'],
  ['Inarin Bioenergia Oy', '148', '3202800', 'inari', 'Firewood and chip supply for Inari and Utsjoki.'],
  [
    'Tornionlaakson Lämpöyrittäjät Oy',
    '851',
    '3203500',
    'tornionlaakso',
    'Co-operative of heat entrepreneurs in the Torne Valley.',
  ],
  ['Pellon Pelletti Oy', '854', '3204200', 'pello', 'Pellet production and boiler service.'],
  [
    'Sodankylän Biokaasu Oy',
    '758',
    '3204900',
    'sodankyla',
    'Farm-scale biogas from reindeer and dairy farm side streams.',
  ],
  [
    'Kolarin Tuulivoimapalvelut Oy',
    '273',
    '3205600',
    'kolari',
    'Wind farm maintenance and electrical work in Western Lapland.',
  ],
  ['Posion Puuenergia Oy', '614', '3206300', 'posio', 'Forest energy harvesting and logistics.'],
  ['Ranuan Maatilaenergia Oy', '683', '3207000', 'ranua', 'Energy audits and renewable energy for farms.'],
  [
    'Kittilän Energiaremontti Oy',
    '261',
    '3207700',
    'kittila',
    'Energy renovations for tourism buildings in Levi and Kittilä.',
  ],
  ['Simon Aurinkosähkö Oy', '751', '3208400', 'simo', 'Solar power and battery storage on the Bothnian Bay coast.'],
  ['Keminmaan Lämpöpumppu Oy', '241', '3209100', 'keminmaa', 'Ground source and air-to-water heat pumps.'],
].map(([name, municipalityCode, businessIdBase, owner, description], i) => ({
  name: name!,
  kind: 'COMPANY' as const,
  municipalityCode: municipalityCode!,
  businessIdBase: businessIdBase!,
  description: description!,
  verified: i % 4 !== 3, // a few wait for a coordinator's verification
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

/** Seeds the demo data into an empty database; returns what it made, or null when it did nothing. */
export async function seedDemoData(db: Database): Promise<{ users: number; organisations: number } | null> {
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

    const all = [...EDUCATIONAL, ...COMPANIES];
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
    return { users: createdUsers.length, organisations: createdOrgs.length };
  });
}
