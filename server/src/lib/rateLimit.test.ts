import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, onRealPostgres, type TestApp } from '../test/helper.js';
import { deleteExpiredCounters, hit, rateLimitCounters } from './rateLimit.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(() => app.closeAndDrop());

const key = (name: string) => `test:${name}:${Math.random().toString(36).slice(2)}`;

describe('hit', () => {
  it('allows the limit in a window, then refuses with the seconds left in the window', async () => {
    const k = key('basic');
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(app.db, k, 3600, 3));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.count)).toEqual([1, 2, 3, 4, 5]);
    expect(results[0]!.retryAfterSeconds).toBe(0);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(0);
    expect(results[3]!.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });

  it('counts each key on its own', async () => {
    const a = key('a');
    const b = key('b');
    expect((await hit(app.db, a, 60, 1)).allowed).toBe(true);
    expect((await hit(app.db, a, 60, 1)).allowed).toBe(false);
    expect((await hit(app.db, b, 60, 1)).allowed).toBe(true);
  });

  it('starts again in the next window', async () => {
    const k = key('next');
    await hit(app.db, k, 3600, 1);
    expect((await hit(app.db, k, 3600, 1)).allowed).toBe(false);
    // The window that is counting now began an hour earlier: this hit falls in a new one.
    await app.db
      .update(rateLimitCounters)
      .set({
        windowStart: sql`${rateLimitCounters.windowStart} - interval '1 hour'`,
        expiresAt: sql`${rateLimitCounters.expiresAt} - interval '1 hour'`,
      })
      .where(eq(rateLimitCounters.key, k));
    expect(await hit(app.db, k, 3600, 1)).toEqual({ allowed: true, count: 1, retryAfterSeconds: 0 });
  });

  it('stores a long key as a hash, still counted as one key', async () => {
    const k = `${key('long')}:${'x'.repeat(500)}`;
    await hit(app.db, k, 60, 5);
    expect((await hit(app.db, k, 60, 5)).count).toBe(2);
    const rows = await app.db
      .select()
      .from(rateLimitCounters)
      .where(sql`${rateLimitCounters.key} like 'sha256:%'`);
    expect(rows.some((r) => r.key.length < 100 && r.count === 2)).toBe(true);
  });

  it('refuses a window that is not a whole number of seconds', async () => {
    await expect(hit(app.db, key('bad'), 0, 1)).rejects.toThrow(RangeError);
    await expect(hit(app.db, key('bad'), 1.5, 1)).rejects.toThrow(RangeError);
  });
});

describe('deleteExpiredCounters', () => {
  it('deletes only windows that have ended', async () => {
    const ended = key('ended');
    const current = key('current');
    await hit(app.db, ended, 60, 5);
    await hit(app.db, current, 60, 5);
    await app.db
      .update(rateLimitCounters)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(rateLimitCounters.key, ended));
    expect(await deleteExpiredCounters(app.db)).toBeGreaterThanOrEqual(1);
    expect(await app.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, ended))).toHaveLength(0);
    expect(await app.db.select().from(rateLimitCounters).where(eq(rateLimitCounters.key, current))).toHaveLength(1);
  });
});

describe.runIf(onRealPostgres)('hit under concurrency (real PostgreSQL)', () => {
  it('of 50 parallel hits with limit 7, exactly 7 are allowed', async () => {
    const k = key('race');
    const results = await Promise.all(Array.from({ length: 50 }, () => hit(app.db, k, 3600, 7)));
    expect(results.filter((r) => r.allowed)).toHaveLength(7);
    // Every hit got its own count: none was lost or counted twice.
    expect(new Set(results.map((r) => r.count)).size).toBe(50);
    expect(Math.max(...results.map((r) => r.count))).toBe(50);
  });
});
