import { randomUUID } from 'node:crypto';
import { needSchema, offerSchema, sessionSchema, studentProfileSchema } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { demoNeeds } from './demo-needs.js';
import { demoCourses, demoPools } from './demo-offers.js';
import { DEMO_STUDENTS } from './demo-students.js';
import { courseInput, needInput, poolInput, profileInput, seedDeps } from './marketplace.js';
import { addDays, COURSE_HORIZON_DAYS, isCourseDay, timeline } from './timeline.js';

describe('the demo marketplace, whatever day it is seeded', () => {
  const organisation = { id: randomUUID(), municipalityCode: '698' };

  it('passes the rules the use cases apply, on every other day of a year', () => {
    const failures: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) failures.push(what);
    };
    const valid = (result: { success: boolean; error?: unknown }, what: string) =>
      check(result.success, `${what}: ${JSON.stringify(result.error)}`);
    // Every other day still covers every weekday, month end and holiday season.
    for (let day = 0; day < 366; day += 2) {
      const t = timeline(new Date(Date.UTC(2027, 0, 1 + day, 10)));
      for (const need of demoNeeds(t)) {
        const input = needInput(need, organisation);
        valid(needSchema.safeParse(input), `${t.today} ${need.title}`);
        check(!input.applicationDeadline || input.applicationDeadline > t.today, `${t.today} ${need.title}: deadline`);
      }
      for (const course of demoCourses()) {
        const { offer, sessions } = courseInput(course, organisation.id);
        valid(offerSchema.safeParse(offer), course.title);
        const list = sessions(t);
        check(list.length >= 1, `${t.today} ${course.title}: no session`);
        for (const session of list) {
          const what = `${t.today} ${course.title} ${session.startsAt}`;
          valid(sessionSchema.safeParse(session), what);
          check(session.registrationDeadline.slice(0, 10) > t.today, `${what}: registration closed`);
          check(session.startsAt.slice(0, 10) <= addDays(t.today, COURSE_HORIZON_DAYS), `${what}: too far`);
          check(
            isCourseDay(session.startsAt.slice(0, 10)) && isCourseDay(session.endsAt.slice(0, 10)),
            `${what}: holiday`,
          );
        }
      }
      for (const pool of demoPools(t)) valid(offerSchema.safeParse(poolInput(pool, organisation)), pool.title);
      for (const student of DEMO_STUDENTS)
        valid(studentProfileSchema.safeParse(profileInput(student, t)), student.name);
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe('the deps the demo seed acts with', () => {
  const deps = seedDeps({} as Database);

  it('give the mail paths harmless settings and log nothing', () => {
    expect(deps.config.production).toBe(false);
    expect(deps.config.publicUrl).toBe('http://localhost:3000');
    expect(() => deps.log.child({}).info('quiet')).not.toThrow();
  });

  it('fail loudly when a use case needs more than the seed has', () => {
    expect(() => deps.config.jwtSecret).toThrow(/no config\.jwtSecret/);
    expect(() => deps.signAccessToken({ id: 'x', tokenVersion: 0 })).toThrow(/no token signing/);
  });
});
