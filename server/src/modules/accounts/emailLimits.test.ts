/**
 * Nobody can flood an inbox through the service: e-mail that visitors and users can make it send is
 * limited per recipient, per signed-in account and per client address, and sign-ups per address.
 * Where the answer must not reveal whether an address has an account, the limit answers as usual.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../messaging/tables.js';
import { buildOrganisation, buildUser } from '../../test/factories.js';
import { buildTestApp, codeOf, type GqlResult, type TestApp } from '../../test/helper.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) }`;
const RESET = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESEND = `mutation { requestEmailVerification }`;
const INVITE = `mutation ($id: ID!, $input: InviteMemberInput!) { inviteMember(organisationId: $id, input: $input) { id } }`;

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({
    SIGN_UP_LIMIT_PER_ADDRESS: '3',
    MAIL_LIMIT_PER_RECIPIENT: '2',
    MAIL_LIMIT_PER_ACCOUNT: '3',
    MAIL_LIMIT_PER_ADDRESS: '4',
  });
});
afterAll(() => app.closeAndDrop());

let n = 0;
const unique = (name: string) => `${name}-${++n}-${Math.random().toString(36).slice(2, 8)}@example.fi`;

/** One GraphQL request from the client address `ip`. */
async function from(ip: string, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: JSON.stringify({ query, variables }),
  });
  const body = response.json();
  return {
    status: response.statusCode,
    data: body.data ?? null,
    errors: body.errors,
    body: response.body,
  } as GqlResult;
}

const signUpInput = (email: string) => ({
  email,
  password: 'tunturilla tuulee 5',
  displayName: 'Testi Tekijä',
  role: 'STUDENT',
  locale: 'fi',
});
const mailsTo = (address: string) => app.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));

describe('sign-up', () => {
  it('is limited per client address', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await from('10.20.0.1', SIGN_UP, { input: signUpInput(unique('s')) }));
    expect(answers.map(codeOf)).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
    expect(answers[3]!.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is not held up.
    expect(codeOf(await from('10.20.0.2', SIGN_UP, { input: signUpInput(unique('s')) }))).toBeUndefined();
  });

  it('past the recipient’s limit answers as usual and sends nothing, for a new address and a taken one', async () => {
    const owner = await buildUser(app);
    for (let i = 0; i < 3; i++) {
      const r = await from(`10.21.0.${i}`, SIGN_UP, { input: signUpInput(owner.email) });
      expect(r.data).toEqual({ signUp: true });
    }
    expect(await mailsTo(owner.email)).toHaveLength(2);

    const fresh = unique('fresh');
    for (let i = 0; i < 3; i++) {
      expect((await from(`10.22.0.${i}`, SIGN_UP, { input: signUpInput(fresh) })).data).toEqual({ signUp: true });
    }
    // The first made the account and sent its link; the second tells the new owner; the third sends nothing.
    expect(await mailsTo(fresh)).toHaveLength(2);
  });
});

describe('password reset', () => {
  it('is limited per client address, whether or not the address has an account', async () => {
    const user = await buildUser(app);
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await from('10.23.0.1', RESET, { email: i % 2 ? user.email : unique('ghost') }));
    }
    expect(answers.map(codeOf)).toEqual([undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
  });

  it('past the recipient’s limit answers true and sends nothing', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 4; i++) {
      expect((await from(`10.24.0.${i}`, RESET, { email: user.email })).data).toEqual({ requestPasswordReset: true });
    }
    expect(await mailsTo(user.email)).toHaveLength(2);
  });
});

describe('verification link again', () => {
  it('is limited per recipient (the signed-in user’s own address)', async () => {
    const user = await buildUser(app, { verified: false });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await from(`10.25.0.${i}`, RESEND, {}, user.token));
    expect(answers.map(codeOf)).toEqual([undefined, undefined, 'RATE_LIMITED']);
    expect(await mailsTo(user.email)).toHaveLength(2);
  });
});

describe('invitations', () => {
  it('are limited per recipient, per inviting account and per client address', async () => {
    const org = await buildOrganisation(app);
    const invite = (ip: string, email: string, token = org.owner.token) =>
      from(ip, INVITE, { id: org.id, input: { email, role: 'MEMBER' } }, token);

    const colleague = unique('colleague');
    expect(codeOf(await invite('10.26.0.1', colleague))).toBeUndefined();
    expect(codeOf(await invite('10.26.0.2', colleague))).toBeUndefined();
    expect(codeOf(await invite('10.26.0.3', colleague))).toBe('RATE_LIMITED');
    expect(await mailsTo(colleague)).toHaveLength(2);

    // The owner has sent 3 this hour (the refused one counted against the account too).
    expect(codeOf(await invite('10.26.0.4', unique('other')))).toBe('RATE_LIMITED');

    const other = await buildOrganisation(app);
    const fromOneAddress = [];
    for (let i = 0; i < 5; i++) {
      fromOneAddress.push(
        await from(
          '10.27.0.1',
          INVITE,
          { id: other.id, input: { email: unique('x'), role: 'MEMBER' } },
          other.owner.token,
        ),
      );
    }
    // The account allows 3, the address 4: the account's limit comes first here.
    expect(fromOneAddress.map(codeOf)).toEqual([undefined, undefined, undefined, 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
