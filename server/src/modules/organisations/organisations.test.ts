import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildUser, lastEmailTo, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';

const CREATE = `mutation ($input: OrganisationInput!) { createOrganisation(input: $input) { id name kind businessId verified myRole members { userId role } } }`;
const UPDATE = `mutation ($id: ID!, $input: OrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name verified } }`;
const READ = `query ($id: ID!) { organisation(id: $id) { id name myRole members { userId email role } invitations { email } } }`;
const INVITE = `mutation ($id: ID!, $input: InviteMemberInput!) { inviteMember(organisationId: $id, input: $input) { id email role } }`;
const ACCEPT = `mutation ($token: String!) { acceptInvitation(token: $token) { role organisation { id } } }`;
const CHANGE_ROLE = `mutation ($org: ID!, $user: ID!, $role: MembershipRole!) { changeMemberRole(organisationId: $org, userId: $user, role: $role) { userId role } }`;
const REMOVE = `mutation ($org: ID!, $user: ID!) { removeMember(organisationId: $org, userId: $user) }`;
const VERIFY = `mutation ($id: ID!, $verified: Boolean!) { verifyOrganisation(id: $id, verified: $verified) { verified verifiedAt } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.closeAndDrop());

const company = (overrides: Record<string, unknown> = {}) => ({
  name: 'Sallan Aurinko Oy',
  kind: 'COMPANY',
  businessId: '0112038-9',
  municipalityCode: '732',
  website: 'https://example.fi',
  ...overrides,
});

describe('founding an organisation', () => {
  it('makes the founding entrepreneur its owner', async () => {
    const founder = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const r = await gql(app, CREATE, { input: company({ businessId: '2331972-7' }) }, { token: founder.token });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createOrganisation).toMatchObject({
      kind: 'COMPANY',
      businessId: '2331972-7',
      verified: false,
      myRole: 'OWNER',
    });
    expect(r.data!.createOrganisation.members).toEqual([{ userId: founder.id, role: 'OWNER' }]);
  });

  it('checks the business ID and its check digit', async () => {
    const founder = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const bad = await gql(app, CREATE, { input: company({ businessId: '1234567-8' }) }, { token: founder.token });
    expect(codeOf(bad)).toBe('VALIDATION');
    expect(bad.errors![0]!.extensions.fields).toEqual([{ field: 'businessId', message: 'validation.businessId' }]);
    const missing = await gql(app, CREATE, { input: company({ businessId: null }) }, { token: founder.token });
    expect(missing.errors![0]!.extensions.fields).toEqual([
      { field: 'businessId', message: 'validation.businessIdRequired' },
    ]);
    const badPlace = await gql(app, CREATE, { input: company({ municipalityCode: '091' }) }, { token: founder.token });
    expect(badPlace.errors![0]!.extensions.fields).toEqual([
      { field: 'municipalityCode', message: 'validation.municipality' },
    ]);
  });

  it('refuses a second organisation with the same business ID, saving nothing', async () => {
    const a = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    const b = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    expect(
      (await gql(app, CREATE, { input: company({ businessId: '1572860-0' }) }, { token: a.token })).errors,
    ).toBeUndefined();
    const dup = await gql(
      app,
      CREATE,
      { input: company({ businessId: '1572860-0', name: 'Kopio Oy' }) },
      { token: b.token },
    );
    expect(codeOf(dup)).toBe('CONFLICT');
    const mine = await gql(app, `{ me { memberships { role } } }`, {}, { token: b.token });
    expect(mine.data!.me.memberships).toEqual([]);
  });

  it('lets each role found only its own kinds', async () => {
    const student = await buildUser(app, { roles: ['STUDENT'] });
    const educator = await buildUser(app, { roles: ['EDUCATOR'] });
    const visitor = await gql(app, CREATE, { input: company() });
    expect(codeOf(visitor)).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, CREATE, { input: company() }, { token: student.token }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, CREATE, { input: company() }, { token: educator.token }))).toBe('FORBIDDEN');
    const school = await gql(
      app,
      CREATE,
      { input: { name: 'Testiopisto', kind: 'EDUCATIONAL' } },
      { token: educator.token },
    );
    expect(school.data!.createOrganisation).toMatchObject({ kind: 'EDUCATIONAL', businessId: null });
  });
});

describe('authorisation matrix', () => {
  let org: Awaited<ReturnType<typeof buildOrganisation>>;
  let member: TestUser;
  let outsider: TestUser;
  let otherOwner: TestUser;
  let coordinator: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    member = await buildUser(app);
    outsider = await buildUser(app, { roles: ['ENTREPRENEUR'] });
    coordinator = await buildUser(app, { roles: ['COORDINATOR'] });
    admin = await buildUser(app, { roles: ['ADMIN'] });
    org = await buildOrganisation(app, { members: [member] });
    otherOwner = (await buildOrganisation(app)).owner;
  });

  it('shows the public card to everyone, members only to members and staff', async () => {
    const visible = async (token?: string) => (await gql(app, READ, { id: org.id }, { token })).data!.organisation;
    expect(await visible()).toMatchObject({ name: org.name, myRole: null, members: null, invitations: null });
    expect((await visible(outsider.token)).members).toBeNull();
    expect((await visible(otherOwner.token)).members).toBeNull();
    expect((await visible(member.token)).members).toHaveLength(2);
    expect((await visible(member.token)).invitations).toBeNull();
    expect((await visible(org.owner.token)).invitations).toEqual([]);
    expect((await visible(coordinator.token)).members).toHaveLength(2);
    expect((await visible(admin.token)).members).toHaveLength(2);
  });

  it('lets only owners and coordinators edit it', async () => {
    const input = company({ name: 'Uusi nimi Oy', businessId: org.businessId });
    for (const who of [undefined, outsider, otherOwner, member, admin]) {
      const r = await gql(app, UPDATE, { id: org.id, input }, { token: who?.token });
      expect(codeOf(r)).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect(
      (await gql(app, UPDATE, { id: org.id, input }, { token: org.owner.token })).data!.updateOrganisation.name,
    ).toBe('Uusi nimi Oy');
    const byCoordinator = await gql(
      app,
      UPDATE,
      { id: org.id, input: { ...input, name: 'Koordinoitu Oy' } },
      { token: coordinator.token },
    );
    expect(byCoordinator.data!.updateOrganisation.name).toBe('Koordinoitu Oy');
  });

  it('lets only owners invite, change roles and remove others', async () => {
    for (const who of [outsider, otherOwner, member, coordinator]) {
      expect(
        codeOf(
          await gql(
            app,
            INVITE,
            { id: org.id, input: { email: 'x@example.fi', role: 'MEMBER' } },
            { token: who.token },
          ),
        ),
      ).toBe('FORBIDDEN');
      expect(
        codeOf(await gql(app, CHANGE_ROLE, { org: org.id, user: member.id, role: 'OWNER' }, { token: who.token })),
      ).toBe('FORBIDDEN');
    }
    for (const who of [outsider, otherOwner, coordinator]) {
      expect(codeOf(await gql(app, REMOVE, { org: org.id, user: member.id }, { token: who.token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await gql(app, REMOVE, { org: org.id, user: org.owner.id }, { token: member.token }))).toBe(
      'FORBIDDEN',
    );
  });

  it('lets only coordinators verify', async () => {
    for (const who of [outsider, member, org.owner, admin]) {
      expect(codeOf(await gql(app, VERIFY, { id: org.id, verified: true }, { token: who.token }))).toBe('FORBIDDEN');
    }
    const r = await gql(app, VERIFY, { id: org.id, verified: true }, { token: coordinator.token });
    expect(r.data!.verifyOrganisation.verified).toBe(true);
    expect(
      (await gql(app, VERIFY, { id: org.id, verified: false }, { token: coordinator.token })).data!.verifyOrganisation,
    ).toEqual({
      verified: false,
      verifiedAt: null,
    });
  });

  it('answers NOT_FOUND, not an error page, for made-up IDs', async () => {
    expect((await gql(app, READ, { id: 'not-a-uuid' })).data!.organisation).toBeNull();
    expect((await gql(app, READ, { id: '00000000-0000-4000-8000-000000000000' })).data!.organisation).toBeNull();
    const r = await gql(app, UPDATE, { id: 'not-a-uuid', input: company() }, { token: org.owner.token });
    expect(codeOf(r)).toBe('NOT_FOUND');
  });
});

describe('verification and business ID', () => {
  it('drops verification when the business ID changes', async () => {
    const org = await buildOrganisation(app, { verified: true });
    const r = await gql(
      app,
      UPDATE,
      { id: org.id, input: company({ name: org.name, businessId: '0201256-6' }) },
      { token: org.owner.token },
    );
    expect(r.data!.updateOrganisation.verified).toBe(false);
  });

  it('keeps the kind unless a coordinator changes it', async () => {
    const org = await buildOrganisation(app);
    const r = await gql(
      app,
      UPDATE,
      { id: org.id, input: { name: org.name, kind: 'TRAINING_BODY' } },
      { token: org.owner.token },
    );
    expect(r.errors![0]!.extensions.fields).toEqual([{ field: 'kind', message: 'validation.kindLocked' }]);
  });
});

describe('invitations', () => {
  it('invites a colleague by e-mail, who joins with the link', async () => {
    const org = await buildOrganisation(app);
    const colleague = await buildUser(app, { email: 'kollega@example.fi', locale: 'en', verified: false });
    const invited = await gql(
      app,
      INVITE,
      { id: org.id, input: { email: ' Kollega@Example.fi', role: 'MEMBER' } },
      { token: org.owner.token },
    );
    expect(invited.data!.inviteMember).toMatchObject({ email: 'kollega@example.fi', role: 'MEMBER' });
    const mail = await lastEmailTo(app, 'kollega@example.fi');
    expect(mail!.subject).toBe(`Invitation: ${org.name}`);
    expect(mail!.textBody).toContain(`${app.config.publicUrl}/en/invitations/accept?token=`);

    const preview = await gql(
      app,
      `query ($t: String!) { invitation(token: $t) { organisationName email role expired accepted } }`,
      { t: mail!.token },
    );
    expect(preview.data!.invitation).toEqual({
      organisationName: org.name,
      email: 'kollega@example.fi',
      role: 'MEMBER',
      expired: false,
      accepted: false,
    });

    const stranger = await buildUser(app);
    expect(codeOf(await gql(app, ACCEPT, { token: mail!.token }, { token: stranger.token }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(app, ACCEPT, { token: mail!.token }))).toBe('UNAUTHENTICATED');

    const accepted = await gql(app, ACCEPT, { token: mail!.token }, { token: colleague.token });
    expect(accepted.data!.acceptInvitation).toEqual({ role: 'MEMBER', organisation: { id: org.id } });
    expect((await gql(app, `{ me { emailVerified } }`, {}, { token: colleague.token })).data!.me.emailVerified).toBe(
      true,
    );
    expect(codeOf(await gql(app, ACCEPT, { token: mail!.token }, { token: colleague.token }))).toBe('TOKEN_INVALID');
    expect(
      codeOf(
        await gql(
          app,
          INVITE,
          { id: org.id, input: { email: colleague.email, role: 'MEMBER' } },
          { token: org.owner.token },
        ),
      ),
    ).toBe('ALREADY_MEMBER');
  });

  it('replaces an earlier invitation and honours revocation', async () => {
    const org = await buildOrganisation(app);
    const invitee = await buildUser(app);
    await gql(app, INVITE, { id: org.id, input: { email: invitee.email, role: 'MEMBER' } }, { token: org.owner.token });
    const first = await lastEmailTo(app, invitee.email);
    const second = await gql(
      app,
      INVITE,
      { id: org.id, input: { email: invitee.email, role: 'OWNER' } },
      { token: org.owner.token },
    );
    expect(codeOf(await gql(app, ACCEPT, { token: first!.token }, { token: invitee.token }))).toBe('TOKEN_INVALID');

    const open = await gql(app, READ, { id: org.id }, { token: org.owner.token });
    expect(open.data!.organisation.invitations).toEqual([{ email: invitee.email }]);
    const outsider = await buildUser(app);
    const REVOKE = `mutation ($id: ID!) { revokeInvitation(id: $id) }`;
    expect(codeOf(await gql(app, REVOKE, { id: second.data!.inviteMember.id }, { token: outsider.token }))).toBe(
      'FORBIDDEN',
    );
    expect((await gql(app, REVOKE, { id: second.data!.inviteMember.id }, { token: org.owner.token })).data).toEqual({
      revokeInvitation: true,
    });
    const latest = await lastEmailTo(app, invitee.email);
    expect(codeOf(await gql(app, ACCEPT, { token: latest!.token }, { token: invitee.token }))).toBe('TOKEN_INVALID');
  });
});

describe('membership', () => {
  it('keeps at least one owner', async () => {
    const member = await buildUser(app);
    const org = await buildOrganisation(app, { members: [member] });
    expect(
      codeOf(
        await gql(app, CHANGE_ROLE, { org: org.id, user: org.owner.id, role: 'MEMBER' }, { token: org.owner.token }),
      ),
    ).toBe('LAST_OWNER');
    expect(codeOf(await gql(app, REMOVE, { org: org.id, user: org.owner.id }, { token: org.owner.token }))).toBe(
      'LAST_OWNER',
    );
    const promoted = await gql(
      app,
      CHANGE_ROLE,
      { org: org.id, user: member.id, role: 'OWNER' },
      { token: org.owner.token },
    );
    expect(promoted.data!.changeMemberRole).toEqual({ userId: member.id, role: 'OWNER' });
    expect((await gql(app, REMOVE, { org: org.id, user: org.owner.id }, { token: org.owner.token })).data).toEqual({
      removeMember: true,
    });
  });

  it('lets a member leave', async () => {
    const member = await buildUser(app);
    const org = await buildOrganisation(app, { members: [member] });
    expect((await gql(app, REMOVE, { org: org.id, user: member.id }, { token: member.token })).data).toEqual({
      removeMember: true,
    });
    expect((await gql(app, READ, { id: org.id }, { token: member.token })).data!.organisation.members).toBeNull();
  });
});

describe('listing', () => {
  it('pages through organisations by name with a cursor, within a maximum page size', async () => {
    for (const name of ['Aaa Testi', 'Aab Testi', 'Aac Testi']) await buildOrganisation(app, { name });
    const LIST = `query ($after: String) { organisations(search: "testi", first: 2, after: $after) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`;
    const page1 = await gql(app, LIST);
    expect(page1.data!.organisations.nodes.map((n: { name: string }) => n.name)).toEqual(['Aaa Testi', 'Aab Testi']);
    const page2 = await gql(app, LIST, { after: page1.data!.organisations.pageInfo.endCursor });
    expect(page2.data!.organisations.nodes[0].name).toBe('Aac Testi');
    expect(codeOf(await gql(app, `{ organisations(first: 1000) { totalCount } }`))).toBe('VALIDATION');
    expect(codeOf(await gql(app, `{ organisations(after: "garbage") { totalCount } }`))).toBe('VALIDATION');
  });
});
