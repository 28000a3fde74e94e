import { describe, expect, it } from 'vitest';
import { organisationSchema, signUpSchema } from './schemas.js';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('sign-up schema', () => {
  const base = {
    email: ' Maija@Example.FI ',
    password: 'correct horse',
    displayName: 'Maija',
    role: 'STUDENT',
    locale: 'fi',
  };

  it('normalises the e-mail address', () => {
    expect(signUpSchema.parse(base).email).toBe('maija@example.fi');
  });

  it('allows passwords of 8 to 128 characters', () => {
    expect(messages(signUpSchema.safeParse({ ...base, password: 'short' }))).toEqual({
      password: 'validation.passwordTooShort',
    });
    expect(signUpSchema.safeParse({ ...base, password: 'x'.repeat(64) }).success).toBe(true);
    expect(messages(signUpSchema.safeParse({ ...base, password: 'x'.repeat(129) }))).toEqual({
      password: 'validation.passwordTooLong',
    });
  });

  it('refuses staff roles at sign-up', () => {
    expect(messages(signUpSchema.safeParse({ ...base, role: 'ADMIN' }))).toEqual({ role: 'validation.choice' });
  });

  it('explains a bad address', () => {
    expect(messages(signUpSchema.safeParse({ ...base, email: 'not-an-address' }))).toEqual({
      email: 'validation.email',
    });
  });
});

describe('organisation schema', () => {
  it('requires a valid business ID for a company', () => {
    expect(messages(organisationSchema.safeParse({ name: 'Oy', kind: 'COMPANY' }))).toEqual({
      businessId: 'validation.businessIdRequired',
    });
    expect(messages(organisationSchema.safeParse({ name: 'Oy', kind: 'COMPANY', businessId: '1234567-8' }))).toEqual({
      businessId: 'validation.businessId',
    });
    expect(organisationSchema.parse({ name: 'Oy', kind: 'COMPANY', businessId: '112038-9' }).businessId).toBe(
      '0112038-9',
    );
  });

  it('checks the municipality code against the data', () => {
    expect(
      messages(organisationSchema.safeParse({ name: 'Lappia', kind: 'EDUCATIONAL', municipalityCode: '091' })),
    ).toEqual({
      municipalityCode: 'validation.municipality',
    });
  });
});
