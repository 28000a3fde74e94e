/**
 * Sign-in throttling: attempts counted before the password is checked (also under a race on real
 * PostgreSQL), growing delays instead of a lockout, device cookies that keep the owner in, and
 * client addresses taken from X-Forwarded-For only as far as TRUST_PROXY says.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { buildUser, lastEmailTo, PASSWORD, type TestUser } from '../../test/factories.js';
import { buildTestApp, codeOf, gql, onRealPostgres, type GqlResult, type TestApp } from '../../test/helper.js';
import { DEVICE_COOKIE } from './devices.js';
import { signInThrottles } from './tables.js';

const SIGN_IN = `mutation ($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`;

// A first wait of a minute (not the default second): on a busy machine a second can pass between two
// requests of a test, and the wait would be over before the test looks.
const SLOW = { SIGN_IN_FIRST_DELAY_SECONDS: '60', SIGN_IN_MAX_DELAY_SECONDS: '3600' };

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp(SLOW);
}, 120_000);
afterAll(() => app.closeAndDrop());

/** Signs in through inject, from `ip`, with the cookies given; returns the result and the device cookie set. */
async function signIn(
  target: TestApp,
  email: string,
  password: string,
  options: { ip?: string; device?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult & { device?: string }> {
  const response = await target.inject({
    method: 'POST',
    url: '/graphql',
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: {
      'content-type': 'application/json',
      ...(options.device ? { cookie: `${DEVICE_COOKIE}=${options.device}` } : {}),
      ...options.headers,
    },
    payload: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  const body = response.json();
  return {
    status: response.statusCode,
    data: body.data ?? null,
    errors: body.errors,
    body: response.body,
    device: response.cookies.find((c) => c.name === DEVICE_COOKIE)?.value,
  };
}

/** Lets the key's current delay pass at once, as if the time had come. */
async function skipDelay(target: TestApp, key: string) {
  await target.db
    .update(signInThrottles)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(signInThrottles.key, key));
}

/** The wait the key's last counted attempt set, in seconds. */
async function storedDelay(target: TestApp, key: string): Promise<number> {
  const [row] = await target.db
    .select({
      seconds: sql<string>`extract(epoch from ${signInThrottles.nextAttemptAt} - ${signInThrottles.lastAttemptAt})`,
    })
    .from(signInThrottles)
    .where(eq(signInThrottles.key, key));
  return Math.round(Number(row!.seconds));
}

const attemptsOn = async (target: TestApp, key: string) =>
  (await target.db.select().from(signInThrottles).where(eq(signInThrottles.key, key)))[0]?.attempts;

const codes = (results: GqlResult[]) => results.map(codeOf);

describe('growing delays instead of a lockout', () => {
  it('lets 5 wrong guesses through, then makes each next one wait twice as long as the last', async () => {
    const user = await buildUser(app);
    const key = `account:${user.email}`;
    const guesses = [];
    for (let i = 0; i < 5; i++) guesses.push(await signIn(app, user.email, `wrong-${i}`, { ip: `10.1.0.${i}` }));
    expect(codes(guesses)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(await storedDelay(app, key)).toBe(60);

    const waiting = await signIn(app, user.email, 'wrong-again', { ip: '10.1.0.9' });
    expect(codeOf(waiting)).toBe('RATE_LIMITED');
    expect(waiting.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(50);
    expect(waiting.errors![0]!.extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Refused attempts are not counted: hammering does not make the wait longer.
    for (let i = 0; i < 5; i++) await signIn(app, user.email, 'wrong-again', { ip: '10.1.0.9' });
    expect(await attemptsOn(app, key)).toBe(5);
    expect(await storedDelay(app, key)).toBe(60);

    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      await skipDelay(app, key);
      expect(codeOf(await signIn(app, user.email, `wrong-late-${i}`, { ip: '10.1.0.9' }))).toBe('INVALID_CREDENTIALS');
      waits.push(await storedDelay(app, key));
    }
    expect(waits).toEqual([120, 240, 480, 960]);
  });

  it('starts at 1 s by default, caps the delay (SIGN_IN_MAX_DELAY_SECONDS) and forgets a quiet account', async () => {
    const capped = await buildTestApp({ SIGN_IN_MAX_DELAY_SECONDS: '3', SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '1' });
    try {
      const user = await buildUser(capped);
      const key = `account:${user.email}`;
      const waits: number[] = [];
      for (let i = 0; i < 4; i++) {
        await skipDelay(capped, key);
        expect(codeOf(await signIn(capped, user.email, `wrong-${i}`, { ip: `10.2.0.${i}` }))).toBe(
          'INVALID_CREDENTIALS',
        );
        waits.push(await storedDelay(capped, key));
      }
      expect(waits).toEqual([1, 2, 3, 3]);
      // Quiet for the window (15 minutes): the count starts again.
      await capped.db
        .update(signInThrottles)
        .set({ nextAttemptAt: sql`now() - interval '16 minutes'`, lastAttemptAt: sql`now() - interval '16 minutes'` })
        .where(eq(signInThrottles.key, key));
      expect(codeOf(await signIn(capped, user.email, PASSWORD, { ip: '10.2.0.9' }))).toBeUndefined();
    } finally {
      await capped.closeAndDrop();
    }
  }, 120_000);

  it('lets the right password in once the delay has passed, and starts the count again', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 6; i++) await signIn(app, user.email, `wrong-${i}`, { ip: '10.3.0.1' });
    expect(codeOf(await signIn(app, user.email, PASSWORD, { ip: '10.3.0.1' }))).toBe('RATE_LIMITED');
    await skipDelay(app, `account:${user.email}`);
    expect(codeOf(await signIn(app, user.email, PASSWORD, { ip: '10.3.0.1' }))).toBeUndefined();
    const [row] = await app.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.key, `account:${user.email}`));
    expect(row).toBeUndefined();
  });

  it('throttles an unknown address the same way, so the answer does not tell who has an account', async () => {
    const ghost = `ghost-${Date.now()}@example.fi`;
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signIn(app, ghost, `wrong-${i}`, { ip: '10.4.0.1' }));
    expect(codes(results)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
  });

  it('the password reset link is the owner’s way past the delay, from any browser', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 6; i++) await signIn(app, user.email, `wrong-${i}`, { ip: '10.5.0.1' });
    expect(codeOf(await signIn(app, user.email, PASSWORD, { ip: '10.5.0.2' }))).toBe('RATE_LIMITED');
    await gql(app, `mutation ($email: String!) { requestPasswordReset(email: $email) }`, { email: user.email });
    const mail = await lastEmailTo(app, user.email);
    const reset = await gql(app, `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }`, {
      input: { token: mail!.token, newPassword: 'tunturin takana 7' },
    });
    expect(reset.errors).toBeUndefined();
    expect(codeOf(await signIn(app, user.email, 'tunturin takana 7', { ip: '10.5.0.2' }))).toBeUndefined();
  });
});

describe('guessing the current password on a password change', () => {
  it('is throttled like a sign-in, so a stolen access token cannot try password after password', async () => {
    const user = await buildUser(app);
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken } }`;
    const tries = [];
    for (let i = 0; i < 6; i++) {
      tries.push(
        await gql(
          app,
          CHANGE,
          { input: { currentPassword: `guess-${i}`, newPassword: 'uusi pitkä salasana' } },
          { token: user.token, headers: { 'x-forwarded-for': '10.14.0.1' } },
        ),
      );
    }
    expect(codes(tries)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
    expect(tries[0]!.errors![0]!.extensions.fields).toEqual([
      { field: 'currentPassword', message: 'validation.wrongPassword' },
    ]);
  });
});

describe('device cookies', () => {
  async function knownDevice(user: TestUser, ip = '10.6.0.1') {
    const first = await signIn(app, user.email, PASSWORD, { ip });
    expect(first.errors).toBeUndefined();
    expect(first.device).toBeTruthy();
    return first.device!;
  }

  it('is set on sign-in: signed, httpOnly, SameSite=Strict, on /graphql only', async () => {
    const user = await buildUser(app);
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: SIGN_IN, variables: { input: { email: user.email, password: PASSWORD } } },
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`${DEVICE_COOKIE}=${user.id}\\.[0-9a-f-]{36}\\.[\\w-]{43}`));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/graphql');
  });

  it('keeps the owner in on their known browser while someone else guesses, and from the same address', async () => {
    const user = await buildUser(app);
    const device = await knownDevice(user, '10.7.0.1');
    // Someone else guesses until the account must wait, some of it from the owner's own address.
    for (let i = 0; i < 8; i++) await signIn(app, user.email, `guess-${i}`, { ip: i % 2 ? '10.7.0.1' : '10.7.0.2' });
    expect(codeOf(await signIn(app, user.email, PASSWORD, { ip: '10.7.0.3' }))).toBe('RATE_LIMITED');

    const owner = await signIn(app, user.email, PASSWORD, { ip: '10.7.0.1', device });
    expect(owner.errors).toBeUndefined();
    expect(owner.data!.signIn.user.id).toBe(user.id);
    // The same device is kept, renewed.
    expect(owner.device!.split('.')[1]).toBe(device.split('.')[1]);
  });

  it('limits guesses made with a known device on that device', async () => {
    const user = await buildUser(app);
    const device = await knownDevice(user);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signIn(app, user.email, `wrong-${i}`, { device }));
    expect(codes(results)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
    // The account itself was not counted: another browser of the owner's is not held up.
    expect(codeOf(await signIn(app, user.email, PASSWORD, { ip: '10.8.0.1' }))).toBeUndefined();
  });

  it('counts a forged cookie, or one issued for another account, as no cookie', async () => {
    const user = await buildUser(app);
    const other = await buildUser(app);
    const othersDevice = await knownDevice(other);
    const forged = `${user.id}.${othersDevice.split('.')[1]}.${othersDevice.split('.')[2]}`;
    for (let i = 0; i < 6; i++) await signIn(app, user.email, `wrong-${i}`, { ip: `10.9.0.${i}` });
    expect(codeOf(await signIn(app, user.email, PASSWORD, { device: othersDevice }))).toBe('RATE_LIMITED');
    expect(codeOf(await signIn(app, user.email, PASSWORD, { device: forged }))).toBe('RATE_LIMITED');
  });
});

// Each of these builds an app of its own, which takes a while on a busy machine.
describe('per client address', { timeout: 120_000 }, () => {
  it('makes one address wait after its free attempts, whatever accounts it tries', async () => {
    const limited = await buildTestApp({ ...SLOW, SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      for (let i = 0; i < 3; i++) await signIn(limited, `spray${i}@example.fi`, 'wrong-password', { ip: '10.10.0.1' });
      const victim = await buildUser(limited);
      expect(codeOf(await signIn(limited, victim.email, PASSWORD, { ip: '10.10.0.1' }))).toBe('RATE_LIMITED');
      expect(codeOf(await signIn(limited, victim.email, PASSWORD, { ip: '10.10.0.2' }))).toBeUndefined();
    } finally {
      await limited.closeAndDrop();
    }
  });

  it('does not count successful sign-ins against the address', async () => {
    const limited = await buildTestApp({ ...SLOW, SIGN_IN_MAX_FAILURES_PER_ADDRESS: '2' });
    try {
      const users = await Promise.all([1, 2, 3, 4].map(() => buildUser(limited)));
      for (const user of users) {
        expect(codeOf(await signIn(limited, user.email, PASSWORD, { ip: '10.11.0.1' }))).toBeUndefined();
      }
    } finally {
      await limited.closeAndDrop();
    }
  });
});

describe('TRUST_PROXY', { timeout: 120_000 }, () => {
  const config = (value: string) => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), TRUST_PROXY: value });

  it('refuses true, saying why and what to set', () => {
    expect(() => config('true')).toThrow(ConfigError);
    expect(() => config('true')).toThrow(/leftmost X-Forwarded-For.*TRUST_PROXY=1/s);
    expect(() => config('10.0.0.0/33')).toThrow(/not an IP address or CIDR range/);
    expect(() => config('proxy.example.fi')).toThrow(/not an IP address or CIDR range/);
  });

  it('takes false, a hop count, or addresses and ranges', () => {
    expect(config('false').trustProxy).toBe(false);
    expect(config('0').trustProxy).toBe(false);
    expect(typeof config('1').trustProxy).toBe('function');
    expect(config('10.0.0.0/8, 192.168.1.5,::1').trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
  });

  it('with one proxy, a rotated leftmost X-Forwarded-For does not escape the per-address limit', async () => {
    const proxied = await buildTestApp({ ...SLOW, TRUST_PROXY: '1', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '3' });
    try {
      const results = [];
      for (let i = 0; i < 5; i++) {
        results.push(
          await signIn(proxied, `spray${i}@example.fi`, 'wrong-password', {
            ip: '10.0.0.2', // the load balancer
            headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
          }),
        );
      }
      expect(codes(results)).toEqual([...Array(3).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED', 'RATE_LIMITED']);
      const rows = await proxied.db
        .select()
        .from(signInThrottles)
        .where(eq(signInThrottles.key, 'address:198.51.100.7'));
      expect(rows).toHaveLength(1);
    } finally {
      await proxied.closeAndDrop();
    }
  });

  it('with trusted ranges, only a trusted peer’s X-Forwarded-For is believed', async () => {
    const proxied = await buildTestApp({ ...SLOW, TRUST_PROXY: '10.0.0.0/8' });
    try {
      await signIn(proxied, 'a@example.fi', 'wrong-password', {
        ip: '10.0.0.2',
        headers: { 'x-forwarded-for': '198.51.100.8' },
      });
      await signIn(proxied, 'b@example.fi', 'wrong-password', {
        ip: '192.0.2.50', // not a proxy of ours: its header is ignored
        headers: { 'x-forwarded-for': '198.51.100.9' },
      });
      const keys = (await proxied.db.select().from(signInThrottles)).map((r) => r.key);
      expect(keys).toEqual(expect.arrayContaining(['address:198.51.100.8', 'address:192.0.2.50']));
      expect(keys).not.toContain('address:198.51.100.9');
    } finally {
      await proxied.closeAndDrop();
    }
  });
});

describe('attempts racing', () => {
  // On PGlite the statements of parallel requests interleave as well; only real PostgreSQL runs them at once.
  it(`of 50 parallel wrong guesses with limit 5, only 5 get a password check${onRealPostgres ? ' (real PostgreSQL)' : ''}`, async () => {
    const user = await buildUser(app);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(app, user.email, `wrong-${i}`, { ip: `10.12.${i}.1` })),
    );
    // Only a checked password answers INVALID_CREDENTIALS; every other attempt was refused before.
    expect(results.filter((r) => codeOf(r) === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(results.filter((r) => codeOf(r) === 'RATE_LIMITED')).toHaveLength(45);
    const [row] = await app.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.key, `account:${user.email}`));
    expect(row!.attempts).toBe(5);
  });

  it('of 40 parallel guesses from one address with limit 30, only 30 get a password check', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signIn(app, `race-${i}-${Date.now()}@example.fi`, 'wrong', { ip: '10.13.0.1' }),
      ),
    );
    expect(results.filter((r) => codeOf(r) === 'INVALID_CREDENTIALS')).toHaveLength(30);
  });
});
