// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, graphqlError, prepareDom, prepareI18n, renderWithApp } from '../../../shared/testing';
import { SignUpPage } from './SignUpPage';
import { VerifyEmailPage } from './VerifyEmailPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const signIn = vi.fn();
const visitor = { status: 'visitor' as const, user: null, signIn };

// Typing into a form takes a while in jsdom on a busy machine.
describe('signing up', { timeout: 20_000 }, () => {
  beforeEach(() => {
    prepareDom();
    signIn.mockReset();
    session.current = visitor;
  });
  afterEach(cleanup);

  async function fillAndSubmit(password = 'Revontuli-2026') {
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /^Nimi/ }), 'Aila Aurinkoinen');
    await user.type(screen.getByRole('textbox', { name: /Sähköpostiosoite/ }), 'Aila@Example.fi');
    await user.type(screen.getByLabelText(/^Salasana/), password);
    await user.click(screen.getByText('Yrittäjä', { exact: true }));
    await user.click(screen.getByRole('button', { name: 'Luo tili' }));
  }

  it('asks the new user to open the link sent to their address, without signing in', async () => {
    const server = fakeGraphql(() => ({ data: { signUp: true } }));
    renderWithApp(<SignUpPage />, server.client, '/sign-up');
    await fillAndSubmit();
    expect(await screen.findByRole('heading', { level: 1, name: 'Tarkista sähköpostisi' })).toBeTruthy();
    expect(screen.getByText(/Lähetimme osoitteeseen aila@example.fi viestin/)).toBeTruthy();
    expect(server.named('SignUp')[0]!.variables.input).toMatchObject({ email: 'aila@example.fi', locale: 'fi' });
    expect(signIn).not.toHaveBeenCalled();
  });

  it('shows a refused common password on its field', async () => {
    const server = fakeGraphql(() =>
      graphqlError('VALIDATION', { fields: [{ field: 'password', message: 'validation.passwordCommon' }] }),
    );
    renderWithApp(<SignUpPage />, server.client, '/sign-up');
    await fillAndSubmit('password123');
    expect(await screen.findByText(/Salasana on liian yleinen/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Tarkista sähköpostisi' })).toBeNull();
  });
});

describe('the confirmation link', () => {
  beforeEach(() => {
    prepareDom();
    signIn.mockReset();
    session.current = visitor;
  });
  afterEach(cleanup);

  it('confirms the address and signs in', async () => {
    prepareI18n();
    const payload = {
      accessToken: 'token',
      expiresIn: 900,
      user: {
        id: 'u1',
        email: 'aila@example.fi',
        displayName: 'Aila Aurinkoinen',
        roles: ['ENTREPRENEUR'],
        locale: 'fi',
        emailVerified: true,
        createdAt: '2026-12-03T10:00:00Z',
      },
    };
    const server = fakeGraphql(() => ({ data: { verifyEmail: payload } }));
    renderWithApp(<VerifyEmailPage />, server.client, '/verify-email?token=abc');
    await waitFor(() => expect(signIn).toHaveBeenCalledWith(payload));
    expect(await screen.findByText(/olet kirjautunut sisään/)).toBeTruthy();
    expect(server.named('VerifyEmail')).toEqual([{ operationName: 'VerifyEmail', variables: { token: 'abc' } }]);
  });

  it('explains how to get a new link when it is spent', async () => {
    const server = fakeGraphql(() => graphqlError('TOKEN_INVALID'));
    renderWithApp(<VerifyEmailPage />, server.client, '/verify-email?token=used');
    expect(
      await screen.findByText(/kirjaudu sisään salasanallasi: lähetämme sinulle uuden vahvistuslinkin/),
    ).toBeTruthy();
    expect(signIn).not.toHaveBeenCalled();
  });
});
