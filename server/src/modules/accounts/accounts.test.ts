import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, lastEmailTo, PASSWORD } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, type TestApp } from '../../test/helper.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) }`;
const VERIFY = `mutation ($token: String!) { verifyEmail(token: $token) { accessToken expiresIn user { id email displayName roles locale emailVerified } } }`;
const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken user { id email } } }`;
const REFRESH = `mutation { refreshSession { accessToken user { id } } }`;
const ME = `{ me { id email displayName emailVerified } }`;

let app: TestApp;
beforeAll(async () => {
  // Every request here comes from one address: its sign-up and e-mail limits are tested elsewhere.
  app = await buildTestApp({ SIGN_UP_LIMIT_PER_ADDRESS: '1000', MAIL_LIMIT_PER_ADDRESS: '1000' });
});
afterAll(() => app.closeAndDrop());

const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 10)}@example.fi`;

async function signUp(overrides: Record<string, unknown> = {}) {
  const input = {
    email: unique('new'),
    password: 'hyvä salasana 1',
    displayName: 'Maija Meikäläinen',
    role: 'ENTREPRENEUR',
    locale: 'fi',
    ...overrides,
  };
  return { input, result: await gql(app, SIGN_UP, { input }) };
}

describe('sign-up', () => {
  it('creates the account and e-mails a link that confirms the address and signs in', async () => {
    const { result } = await signUp({ email: '  Maija.M@Example.FI ', locale: 'sv' });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ signUp: true });
    // Not signed in yet: the address is confirmed first.
    expect(result.refresh).toBeUndefined();

    const mail = await lastEmailTo(app, 'maija.m@example.fi');
    expect(mail?.locale).toBe('sv');
    expect(mail?.subject).toBe('Bekräfta din e-postadress');
    // The link opens the page in the recipient's language.
    expect(mail?.textBody).toContain(`http://localhost:3000/sv/verify-email?token=`);

    const verified = await gql(app, VERIFY, { token: mail!.token });
    expect(verified.errors).toBeUndefined();
    const payload = verified.data!.verifyEmail;
    expect(payload.user).toMatchObject({
      email: 'maija.m@example.fi',
      roles: ['ENTREPRENEUR'],
      locale: 'sv',
      emailVerified: true,
    });
    expect(payload.expiresIn).toBe(900);
    expect(verified.refresh).toBeTruthy();
    const me = await gql(app, ME, {}, { token: payload.accessToken });
    expect(me.data!.me.email).toBe('maija.m@example.fi');
  });

  it('answers a taken address as a new one, and e-mails its owner instead of a link', async () => {
    const owner = await buildUser(app, { locale: 'en', displayName: 'Olli Omistaja' });
    const fresh = await signUp();
    const taken = await signUp({ email: owner.email.toUpperCase(), password: 'another good one 9' });
    expect(taken.result.errors).toBeUndefined();
    expect(taken.result.body).toBe(fresh.result.body);
    expect(taken.result.status).toBe(fresh.result.status);

    const mail = await lastEmailTo(app, owner.email);
    expect(mail!.subject).toBe('Someone tried to sign up with your address');
    expect(mail!.textBody).toContain('Hello Olli Omistaja');
    expect(mail!.textBody).toContain('http://localhost:3000/en/forgot-password');
    expect(mail!.textBody).toContain('http://localhost:3000/en/sign-in');
    expect(mail!.textBody).not.toContain('token=');
    // Nothing about the account changed: the owner's password still works.
    expect((await gql(app, SIGN_IN, { input: { email: owner.email, password: PASSWORD } })).errors).toBeUndefined();
  });

  it('takes about as long for a taken address as for a new one (the password is hashed either way)', async () => {
    const owner = await buildUser(app);
    const time = async (email: string) => {
      const started = performance.now();
      await signUp({ email });
      return performance.now() - started;
    };
    await time(unique('warm-up'));
    const fresh: number[] = [];
    const taken: number[] = [];
    for (let i = 0; i < 3; i++) {
      fresh.push(await time(unique('fresh')));
      taken.push(await time(owner.email));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // An argon2 hash takes tens of milliseconds: without it, a taken address would answer at once.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.5);
  });

  it('names each invalid field with a translatable message', async () => {
    const { result } = await signUp({ email: 'nope', password: 'short', displayName: ' ' });
    expect(codeOf(result)).toBe('VALIDATION');
    expect(result.errors![0]!.extensions.fields).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'validation.email' },
        { field: 'password', message: 'validation.passwordTooShort' },
        { field: 'displayName', message: 'validation.required' },
      ]),
    );
  });

  it('accepts a 64-character password and refuses staff roles', async () => {
    expect((await signUp({ password: 'p'.repeat(63) + 'q' })).result.errors).toBeUndefined();
    const staff = await signUp({ role: 'COORDINATOR' });
    expect(codeOf(staff.result)).toBe('BAD_REQUEST');
  });

  it('stores passwords as argon2id with OWASP parameters', async () => {
    const { input } = await signUp();
    const rows = await app.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, input.email) });
    expect(rows!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});

describe('common passwords', () => {
  const COMMON = ['password123', 'Qwertyuiop', 'iloveyou1', '1234567890', 'salasana'];

  it('refuses the most common and breached passwords at sign-up, in any letter case', async () => {
    for (const password of COMMON) {
      const { input, result } = await signUp({ password });
      expect(codeOf(result)).toBe('VALIDATION');
      expect(result.errors![0]!.extensions.fields).toEqual([
        { field: 'password', message: 'validation.passwordCommon' },
      ]);
      expect(await lastEmailTo(app, input.email)).toBeUndefined();
    }
  });

  it('refuses the address itself and the service name', async () => {
    const email = unique('itself');
    expect(codeOf((await signUp({ email, password: email })).result)).toBe('VALIDATION');
    expect(codeOf((await signUp({ password: 'Keskusvaraamo2026' })).result)).toBe('VALIDATION');
  });

  it('refuses them on a password change and a reset too', async () => {
    const user = await buildUser(app);
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`;
    const changed = await gql(
      app,
      CHANGE,
      { input: { currentPassword: PASSWORD, newPassword: 'Password1' } },
      { token: user.token },
    );
    expect(changed.errors![0]!.extensions.fields).toEqual([
      { field: 'newPassword', message: 'validation.passwordCommon' },
    ]);
    await gql(app, `mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: user.email });
    const mail = await lastEmailTo(app, user.email);
    const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
    const reset = await gql(app, RESET, { input: { token: mail!.token, newPassword: 'football1' } });
    expect(reset.errors![0]!.extensions.fields).toEqual([
      { field: 'newPassword', message: 'validation.passwordCommon' },
    ]);
    // The link was not spent by the refused password.
    expect((await gql(app, RESET, { input: { token: mail!.token, newPassword: 'revontulet talvella' } })).data).toEqual(
      { resetPassword: true },
    );
  });

  it('refuses the demo accounts’ published password, which only the seed uses', async () => {
    expect(codeOf((await signUp({ password: 'Demo-2026-lappi' })).result)).toBe('VALIDATION');
    expect((await signUp({ password: 'Demo-2026-lappi-and-more' })).result.errors).toBeUndefined();
  });
});

describe('sign-in', () => {
  it('signs in with the right password only, with one answer for unknown and wrong', async () => {
    const user = await buildUser(app);
    const ok = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expect(ok.data!.signIn.user.id).toBe(user.id);
    const wrong = await gql(app, SIGN_IN, { input: { email: user.email, password: 'wrong-password' } });
    const unknown = await gql(app, SIGN_IN, { input: { email: unique('ghost'), password: 'wrong-password' } });
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    expect(unknown.errors![0]).toEqual(wrong.errors![0]);
  });

  it('answers an unconfirmed account as a wrong password, and e-mails it a new link', async () => {
    const { input } = await signUp();
    const first = await lastEmailTo(app, input.email);
    const r = await gql(app, SIGN_IN, { input: { email: input.email, password: input.password } });
    const wrong = await gql(app, SIGN_IN, { input: { email: input.email, password: 'not the password' } });
    expect(codeOf(r)).toBe('INVALID_CREDENTIALS');
    expect(r.errors![0]).toEqual(wrong.errors![0]);
    const again = await lastEmailTo(app, input.email);
    expect(again!.token).not.toBe(first!.token);
    expect((await gql(app, VERIFY, { token: again!.token })).errors).toBeUndefined();
    expect(
      (await gql(app, SIGN_IN, { input: { email: input.email, password: input.password } })).errors,
    ).toBeUndefined();
  });
});

describe('access tokens', () => {
  const signer = (options: Record<string, unknown>) =>
    createSigner({ key: 'test-secret-that-is-long-enough-for-hs256-signing', algorithm: 'HS256', ...options });

  it('refuses tokens with the wrong type, issuer, audience, algorithm or age', async () => {
    const user = await buildUser(app);
    const claims = { sub: user.id, ver: 0, typ: 'access' };
    const good = signer({ iss: 'keskusvaraamo', aud: 'keskusvaraamo-web', expiresIn: 60_000 })(claims);
    expect((await gql(app, ME, {}, { token: good })).data!.me.id).toBe(user.id);

    const bad = [
      signer({ iss: 'keskusvaraamo', aud: 'keskusvaraamo-web', expiresIn: 60_000 })({ ...claims, typ: 'refresh' }),
      signer({ iss: 'someone-else', aud: 'keskusvaraamo-web', expiresIn: 60_000 })(claims),
      signer({ iss: 'keskusvaraamo', aud: 'another-app', expiresIn: 60_000 })(claims),
      signer({ iss: 'keskusvaraamo', aud: 'keskusvaraamo-web' })(claims), // no exp
      signer({ iss: 'keskusvaraamo', aud: 'keskusvaraamo-web', expiresIn: 60_000, algorithm: 'HS512' })(claims),
      signer({
        iss: 'keskusvaraamo',
        aud: 'keskusvaraamo-web',
        clockTimestamp: Date.now() - 3_600_000,
        expiresIn: 60_000,
      })(claims),
      createSigner({ algorithm: 'none', iss: 'keskusvaraamo', aud: 'keskusvaraamo-web', expiresIn: 60_000 })(claims),
      'not-a-token',
    ];
    for (const token of bad) expect(codeOf(await gql(app, ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('treats a request without a token as a visitor', async () => {
    expect((await gql(app, ME)).data).toEqual({ me: null });
  });
});

describe('sessions', () => {
  async function session() {
    const user = await buildUser(app);
    const r = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    return { user, token: r.data!.signIn.accessToken as string, refresh: r.refresh! };
  }

  it('rotates the refresh token on every use', async () => {
    const { user, refresh } = await session();
    const first = await gql(app, REFRESH, {}, { refresh });
    expect(first.data!.refreshSession.user.id).toBe(user.id);
    expect(first.refresh).toBeTruthy();
    expect(first.refresh).not.toBe(refresh);
    const second = await gql(app, REFRESH, {}, { refresh: first.refresh! });
    expect(second.errors).toBeUndefined();
  });

  it('revokes the whole family when a spent refresh token comes back', async () => {
    const { refresh } = await session();
    const rotated = await gql(app, REFRESH, {}, { refresh });
    const replay = await gql(app, REFRESH, {}, { refresh });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(replay.refresh).toBe(''); // cookie cleared
    // The thief's replay also ends the legitimate holder's newer token.
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: rotated.refresh! }))).toBe('UNAUTHENTICATED');
  });

  it('signs out this browser only', async () => {
    const { user, refresh } = await session();
    const other = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    const out = await gql(app, `mutation { signOut }`, {}, { refresh });
    expect(out.data).toEqual({ signOut: true });
    expect(codeOf(await gql(app, REFRESH, {}, { refresh }))).toBe('UNAUTHENTICATED');
    expect((await gql(app, REFRESH, {}, { refresh: other.refresh! })).errors).toBeUndefined();
  });

  it('signs out everywhere: every refresh token and every access token stop working', async () => {
    const { user, token, refresh } = await session();
    const other = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expect((await gql(app, `mutation { signOutEverywhere }`, {}, { token })).data).toEqual({ signOutEverywhere: true });
    expect(codeOf(await gql(app, ME, {}, { token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, ME, {}, { token: other.data!.signIn.accessToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, REFRESH, {}, { refresh }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: other.refresh! }))).toBe('UNAUTHENTICATED');
  });

  it('sets the refresh cookie httpOnly, SameSite=Strict, on /graphql only', async () => {
    const user = await buildUser(app);
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: SIGN_IN, variables: { input: { email: user.email, password: PASSWORD } } },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/kv_refresh=[\w-]{43}/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/graphql');
  });
});

describe('passwords', () => {
  const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`;

  it('changes the password only with the current one, and ends other sessions', async () => {
    const user = await buildUser(app);
    const old = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    const wrong = await gql(
      app,
      CHANGE,
      { input: { currentPassword: 'nope-nope', newPassword: 'uusi salasana 2' } },
      { token: user.token },
    );
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    const changed = await gql(
      app,
      CHANGE,
      { input: { currentPassword: PASSWORD, newPassword: 'uusi salasana 2' } },
      { token: user.token },
    );
    expect(changed.errors).toBeUndefined();
    expect((await gql(app, ME, {}, { token: changed.data!.changePassword.accessToken })).data!.me.id).toBe(user.id);
    expect(codeOf(await gql(app, ME, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: old.refresh! }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } }))).toBe(
      'INVALID_CREDENTIALS',
    );
    expect(
      (await gql(app, SIGN_IN, { input: { email: user.email, password: 'uusi salasana 2' } })).errors,
    ).toBeUndefined();
  });

  it('resets a forgotten password with a single-use link, without revealing who has an account', async () => {
    const user = await buildUser(app, { locale: 'en' });
    const session = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
    expect((await gql(app, REQUEST, { email: user.email })).data).toEqual({ requestPasswordReset: true });
    const ghost = unique('ghost');
    expect((await gql(app, REQUEST, { email: ghost })).data).toEqual({ requestPasswordReset: true });
    expect(await lastEmailTo(app, ghost)).toBeUndefined();

    const mail = await lastEmailTo(app, user.email);
    expect(mail!.subject).toBe('Reset your password');
    const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
    const weak = await gql(app, RESET, { input: { token: mail!.token, newPassword: 'short' } });
    expect(codeOf(weak)).toBe('VALIDATION');
    expect((await gql(app, RESET, { input: { token: mail!.token, newPassword: 'brand new secret' } })).data).toEqual({
      resetPassword: true,
    });
    expect(codeOf(await gql(app, RESET, { input: { token: mail!.token, newPassword: 'another secret' } }))).toBe(
      'TOKEN_INVALID',
    );
    expect(codeOf(await gql(app, REFRESH, {}, { refresh: session.refresh! }))).toBe('UNAUTHENTICATED');
    expect(
      (await gql(app, SIGN_IN, { input: { email: user.email, password: 'brand new secret' } })).errors,
    ).toBeUndefined();
  });

  it('sends at most five account e-mails an hour to one address, answering the same after that', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 7; i++) {
      const r = await gql(app, `mutation { requestPasswordReset(email: "${user.email}") }`);
      expect(r.data).toEqual({ requestPasswordReset: true });
    }
    const mails = await app.db.query.emailOutbox.findMany({ where: (m, { eq }) => eq(m.toAddress, user.email) });
    expect(mails).toHaveLength(5);
  });
});

describe('e-mail verification', () => {
  it('verifies the address with the link, once', async () => {
    const { input } = await signUp();
    const mail = await lastEmailTo(app, input.email);
    const verified = await gql(app, VERIFY, { token: mail!.token });
    expect(verified.data!.verifyEmail.user.emailVerified).toBe(true);
    const token = verified.data!.verifyEmail.accessToken;
    expect((await gql(app, ME, {}, { token })).data!.me.emailVerified).toBe(true);
    expect(codeOf(await gql(app, VERIFY, { token: mail!.token }))).toBe('TOKEN_INVALID');
    expect(codeOf(await gql(app, VERIFY, { token: 'made-up' }))).toBe('TOKEN_INVALID');
  });

  it('sends a new link on request, only to the signed-in user', async () => {
    const user = await buildUser(app, { verified: false });
    await gql(app, `mutation { requestEmailVerification }`, {}, { token: user.token });
    const before = await lastEmailTo(app, user.email);
    await gql(app, `mutation { requestEmailVerification }`, {}, { token: user.token });
    const after = await lastEmailTo(app, user.email);
    expect(after!.token).not.toBe(before!.token);
    expect(codeOf(await gql(app, `mutation { requestEmailVerification }`))).toBe('UNAUTHENTICATED');
  });
});

describe('own account', () => {
  const UPDATE = `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName locale } }`;

  it('lets a user change only their own name and language', async () => {
    const user = await buildUser(app);
    const other = await buildUser(app, { displayName: 'Toinen' });
    const r = await gql(app, UPDATE, { input: { displayName: 'Uusi Nimi', locale: 'en' } }, { token: user.token });
    expect(r.data!.updateProfile).toEqual({ id: user.id, displayName: 'Uusi Nimi', locale: 'en' });
    const untouched = await app.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, other.id) });
    expect(untouched!.displayName).toBe('Toinen');
    expect(codeOf(await gql(app, UPDATE, { input: { displayName: 'X', locale: 'fi' } }))).toBe('UNAUTHENTICATED');
  });
});

describe('housekeeping', () => {
  it('deletes refresh tokens and links only once they are long expired', async () => {
    const { deleteExpiredCredentials } = await import('./cleanup.js');
    const { refreshTokens } = await import('./tables.js');
    const { sql, eq } = await import('drizzle-orm');
    const user = await buildUser(app);
    const fresh = await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    await gql(app, SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    const rows = await app.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id));
    await app.db
      .update(refreshTokens)
      .set({ expiresAt: sql`now() - interval '2 days'` })
      .where(eq(refreshTokens.id, rows[1]!.id));
    const deleted = await deleteExpiredCredentials(app.db);
    expect(deleted.refreshTokens).toBe(1);
    expect(await app.db.select().from(refreshTokens).where(eq(refreshTokens.userId, user.id))).toHaveLength(1);
    expect(fresh.refresh).toBeTruthy();
  });
});
