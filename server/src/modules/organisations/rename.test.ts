/**
 * Verification vouches for one name and one business ID: a verified organisation that changes
 * either is no longer verified, and the coordinators are told to check it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildOrganisation, buildUser, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';

const UPDATE = `mutation ($id: ID!, $input: OrganisationInput!) { updateOrganisation(id: $id, input: $input) { name businessId verified } }`;
const NOTIFICATIONS = `{ notifications { nodes { type subject actor path } } }`;

let app: TestApp;
let coordinators: TestUser[];

beforeAll(async () => {
  app = await buildTestApp();
  coordinators = [await buildUser(app, { roles: ['COORDINATOR'] }), await buildUser(app, { roles: ['COORDINATOR'] })];
});
afterAll(() => app.closeAndDrop());

type Org = Awaited<ReturnType<typeof buildOrganisation>>;
const inputOf = (org: Org, overrides: Record<string, unknown> = {}) => ({
  name: org.name,
  kind: org.kind,
  businessId: org.businessId,
  municipalityCode: org.municipalityCode,
  website: 'https://example.fi',
  ...overrides,
});

async function renamesTo(who: TestUser, org: Org) {
  const all = (await gql(app, NOTIFICATIONS, {}, { token: who.token })).data!.notifications.nodes as {
    type: string;
    subject: string;
    actor: string;
    path: string;
  }[];
  return all.filter((n) => n.type === 'ORGANISATION_RENAMED' && n.path === `/organisations/${org.id}`);
}

describe('renaming a verified organisation', () => {
  it('a verified company that renames itself after another is no longer verified; coordinators are told', async () => {
    const known = await buildOrganisation(app, { name: 'Kemijoki Oy', verified: true });
    const org = await buildOrganisation(app, { name: 'Pikku Pörssi Oy', verified: true });
    const r = await gql(
      app,
      UPDATE,
      { id: org.id, input: inputOf(org, { name: known.name }) },
      { token: org.owner.token },
    );
    expect(r.data!.updateOrganisation).toMatchObject({ name: 'Kemijoki Oy', verified: false });
    for (const coordinator of coordinators) {
      expect(await renamesTo(coordinator, org)).toEqual([
        {
          type: 'ORGANISATION_RENAMED',
          subject: 'Kemijoki Oy',
          actor: 'Pikku Pörssi Oy',
          path: `/organisations/${org.id}`,
        },
      ]);
    }
    expect(await renamesTo(org.owner, org)).toEqual([]);
    // The one that was verified keeps it.
    const list = await gql(app, `{ organisations(verified: true, first: 100) { nodes { id } } }`);
    const verifiedIds = list.data!.organisations.nodes.map((o: { id: string }) => o.id);
    expect(verifiedIds).toContain(known.id);
    expect(verifiedIds).not.toContain(org.id);
  });

  it('a new business ID clears it too; other edits keep it and tell nobody', async () => {
    const org = await buildOrganisation(app, { verified: true });
    const edited = await gql(
      app,
      UPDATE,
      { id: org.id, input: inputOf(org, { website: 'https://aurinko.example.fi', description: 'Aurinkovoimaa' }) },
      { token: org.owner.token },
    );
    expect(edited.data!.updateOrganisation.verified).toBe(true);
    expect(await renamesTo(coordinators[0]!, org)).toEqual([]);
    const moved = await gql(
      app,
      UPDATE,
      { id: org.id, input: inputOf(org, { businessId: '0201256-6' }) },
      { token: org.owner.token },
    );
    expect(moved.data!.updateOrganisation).toMatchObject({ businessId: '0201256-6', verified: false });
    expect(await renamesTo(coordinators[0]!, org)).toHaveLength(1);
  });

  it('a coordinator’s rename clears it as well, and tells the other coordinators', async () => {
    const org = await buildOrganisation(app, { kind: 'EDUCATIONAL', verified: true });
    const r = await gql(
      app,
      UPDATE,
      { id: org.id, input: inputOf(org, { name: 'Lapin koulutuskeskus' }) },
      { token: coordinators[0]!.token },
    );
    expect(r.data!.updateOrganisation.verified).toBe(false);
    expect(await renamesTo(coordinators[0]!, org)).toEqual([]);
    expect(await renamesTo(coordinators[1]!, org)).toHaveLength(1);
  });

  it('an organisation not verified renames freely, and nobody is told', async () => {
    const org = await buildOrganisation(app);
    const r = await gql(
      app,
      UPDATE,
      { id: org.id, input: inputOf(org, { name: 'Uusi Nimi Oy' }) },
      { token: org.owner.token },
    );
    expect(r.data!.updateOrganisation).toMatchObject({ name: 'Uusi Nimi Oy', verified: false });
    expect(await renamesTo(coordinators[0]!, org)).toEqual([]);
  });

  it('nobody but its owners and coordinators renames it, and a refused rename keeps the verification', async () => {
    const member = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const org = await buildOrganisation(app, { verified: true, members: [member] });
    const outsider = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    for (const who of [outsider, member]) {
      expect(
        codeOf(
          await gql(app, UPDATE, { id: org.id, input: inputOf(org, { name: 'Kaappaus Oy' }) }, { token: who.token }),
        ),
      ).toBe('FORBIDDEN');
    }
    const READ = `query ($id: ID!) { organisation(id: $id) { name verified } }`;
    expect((await gql(app, READ, { id: org.id })).data!.organisation).toEqual({ name: org.name, verified: true });
  });
});

describe('renaming an organisation with published items', () => {
  it('its courses carry the new name in the search, and the old name no longer finds them', async () => {
    const org = await buildOrganisation(app, { kind: 'EDUCATIONAL', name: 'Vanhanimi Koulutus Oy' });
    const course = await buildCourse(app, { title: 'Lämpöyrittäjän perusteet' }, { organisation: org });
    const SEARCH = `query ($text: String) { search(filter: { text: $text }) { nodes { id organisationName } } }`;
    const found = async (text: string) =>
      (await gql(app, SEARCH, { text })).data!.search.nodes as { id: string; organisationName: string }[];
    expect((await found('Vanhanimi')).map((n) => n.id)).toEqual([course.id]);

    const r = await gql(
      app,
      UPDATE,
      { id: org.id, input: inputOf(org, { name: 'Uusinimi Akatemia' }) },
      { token: org.owner.token },
    );
    expect(r.errors).toBeUndefined();
    expect(await found('Vanhanimi')).toEqual([]);
    expect(await found('Uusinimi')).toEqual([{ id: course.id, organisationName: 'Uusinimi Akatemia' }]);
    // The title's words still find it.
    expect((await found('lämpöyrittäjän')).map((n) => n.id)).toEqual([course.id]);
  });
});
