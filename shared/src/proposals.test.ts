import { describe, expect, it } from 'vitest';
import { NEED_KINDS } from './marketplaceKinds.js';
import { answerDemandPoolSchema, isCompatibleMatch, proposeMatchSchema } from './proposals.js';

const fields = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('compatible matches', () => {
  it('matches a COURSE need with courses and their sessions only', () => {
    expect(isCompatibleMatch('COURSE', { kind: 'OFFER', offerKind: 'COURSE' })).toBe(true);
    expect(isCompatibleMatch('COURSE', { kind: 'SESSION', offerKind: 'COURSE' })).toBe(true);
    expect(
      isCompatibleMatch('COURSE', { kind: 'OFFER', offerKind: 'STUDENT_POOL', placementKinds: ['INTERNSHIP'] }),
    ).toBe(false);
    expect(isCompatibleMatch('COURSE', { kind: 'STUDENT' })).toBe(false);
  });

  it('matches placements with students and with student pools offering that kind of placement', () => {
    for (const kind of NEED_KINDS.filter((k) => k !== 'COURSE')) {
      expect(isCompatibleMatch(kind, { kind: 'STUDENT' })).toBe(true);
      expect(isCompatibleMatch(kind, { kind: 'OFFER', offerKind: 'STUDENT_POOL', placementKinds: [kind] })).toBe(true);
      expect(isCompatibleMatch(kind, { kind: 'OFFER', offerKind: 'STUDENT_POOL', placementKinds: [] })).toBe(false);
      expect(isCompatibleMatch(kind, { kind: 'OFFER', offerKind: 'COURSE' })).toBe(false);
      expect(isCompatibleMatch(kind, { kind: 'SESSION', offerKind: 'COURSE' })).toBe(false);
    }
  });
});

describe('proposal input', () => {
  const needId = '6f1c1f3e-8a51-4c1e-9d0a-0b7f2f4c9a11';
  const offerId = '2d7e4b5a-3c6f-4e8d-a1b2-c3d4e5f60718';

  it('takes the id its target kind names, and a note', () => {
    expect(proposeMatchSchema.parse({ needId, targetKind: 'OFFER', offerId, note: ' Hei ' })).toEqual({
      needId,
      targetKind: 'OFFER',
      offerId,
      sessionId: null,
      studentId: null,
      note: 'Hei',
    });
    expect(fields(proposeMatchSchema.safeParse({ needId, targetKind: 'SESSION', offerId, note: 'Hei' }))).toEqual({
      sessionId: 'validation.required',
      offerId: 'validation.invalid',
    });
    expect(fields(proposeMatchSchema.safeParse({ needId, targetKind: 'OFFER', offerId, note: '' }))).toEqual({
      note: 'validation.required',
    });
    expect(
      fields(proposeMatchSchema.safeParse({ needId, targetKind: 'OFFER', offerId, note: 'x'.repeat(2001) })),
    ).toEqual({ note: 'validation.tooLong' });
  });

  it('answers a pool with a course or a session, not both', () => {
    expect(answerDemandPoolSchema.safeParse({ poolKey: 'abc', offerId, note: 'Hei' }).success).toBe(true);
    expect(fields(answerDemandPoolSchema.safeParse({ poolKey: 'abc', note: 'Hei' }))).toEqual({
      offerId: 'validation.required',
    });
    expect(
      fields(
        answerDemandPoolSchema.safeParse({
          poolKey: 'abc',
          offerId,
          sessionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          note: 'Hei',
        }),
      ),
    ).toEqual({ sessionId: 'validation.invalid' });
  });
});
