import { describe, expect, it } from 'vitest';
import { emptyNeedValues, needResolver, type NeedFormValues } from './needForm';

const TODAY = '2026-12-05';

/** An internship that passes every other check, with this application deadline. */
const internship = (applicationDeadline: string): NeedFormValues => ({
  ...emptyNeedValues('fi'),
  kind: 'INTERNSHIP',
  title: 'Aurinkoharjoittelu',
  description: 'Asennat aurinkopaneeleja.',
  topics: ['solar-pv'],
  municipalityCode: '732',
  periodStart: '2027-06-01',
  periodEnd: '2027-08-31',
  positions: '1',
  payKind: 'UNPAID',
  languages: ['fi'],
  applicationDeadline,
});

async function deadlineError(values: NeedFormValues, current: { applicationDeadline: string | null } | null = null) {
  const resolve = needResolver('fi', current, () => TODAY);
  const result = await resolve(values, undefined, { fields: {}, shouldUseNativeValidation: false });
  return result.errors.applicationDeadline?.message ?? null;
}

describe('the need form’s application deadline', () => {
  it('is refused when it has passed, at the step where it is entered', async () => {
    expect(await deadlineError(internship('2026-12-04'))).toBe('validation.inPast');
  });

  it('may be today or later', async () => {
    expect(await deadlineError(internship(TODAY))).toBeNull();
    expect(await deadlineError(internship('2027-01-15'))).toBeNull();
  });

  it('stays as it was on a need being edited, even once passed, but may not be moved into the past', async () => {
    expect(await deadlineError(internship('2026-11-30'), { applicationDeadline: '2026-11-30' })).toBeNull();
    expect(await deadlineError(internship('2026-12-01'), { applicationDeadline: '2026-11-30' })).toBe(
      'validation.inPast',
    );
  });

  it('keeps the schema’s other problems beside it', async () => {
    const resolve = needResolver('fi', null, () => TODAY);
    const result = await resolve({ ...internship('2026-12-01'), title: '' }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(result.errors.title?.message).toBe('validation.required');
    expect(result.errors.applicationDeadline?.message).toBe('validation.inPast');
  });
});
