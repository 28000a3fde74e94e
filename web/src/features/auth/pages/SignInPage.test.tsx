// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fakeGraphql,
  graphqlError,
  prepareDom,
  prepareI18n,
  renderWithApp,
  switchLanguage,
} from '../../../shared/testing';
import { SignInPage } from './SignInPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

// Typing into a form takes a while in jsdom on a busy machine.
describe('signing in', { timeout: 20_000 }, () => {
  beforeEach(() => {
    prepareDom();
    session.current = { status: 'visitor', user: null, signIn: vi.fn() };
  });
  afterEach(async () => {
    cleanup();
    await switchLanguage('fi');
  });

  async function submit() {
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /Sähköpostiosoite/ }), 'aila@example.fi');
    await user.type(screen.getByLabelText(/^Salasana/), 'Revontuli-2026');
    await user.click(screen.getByRole('button', { name: 'Kirjaudu sisään' }));
  }

  it("keeps the page's language when the account's is another (the address decides)", async () => {
    const i18n = prepareI18n();
    await switchLanguage('sv');
    const account = {
      id: 'u-en',
      email: 'aila@example.fi',
      displayName: 'Aila',
      roles: ['STUDENT'],
      locale: 'en',
      emailVerified: true,
      createdAt: '2026-01-01T00:00:00Z',
    };
    const server = fakeGraphql(() => ({
      data: { signIn: { accessToken: 'token', accessTokenExpiresAt: '2026-12-31T00:00:00Z', user: account } },
    }));
    renderWithApp(<SignInPage />, server.client, '/sign-in');
    const user = userEvent.setup({ delay: null });
    await user.type(screen.getByRole('textbox', { name: /E-postadress/ }), 'aila@example.fi');
    await user.type(screen.getByLabelText(/^Lösenord/), 'Revontuli-2026');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    const signIn = (session.current as { signIn: ReturnType<typeof vi.fn> }).signIn;
    await vi.waitFor(() => expect(signIn).toHaveBeenCalledTimes(1));
    expect(signIn.mock.calls[0]![0]).toMatchObject({ user: { locale: 'en' } });
    expect(i18n.language).toBe('sv');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Logga in');
  });

  it('reminds a new user to confirm the address first when the answer is "wrong e-mail or password"', async () => {
    const server = fakeGraphql(() => graphqlError('INVALID_CREDENTIALS'));
    renderWithApp(<SignInPage />, server.client, '/sign-in');
    await submit();
    expect((await screen.findByRole('alert')).textContent).toContain('Sähköpostiosoite tai salasana on väärin.');
    expect(screen.getByText(/Jos loit tilin juuri, vahvista ensin sähköpostiosoitteesi/)).toBeTruthy();
  });

  it('says how long to wait after too many attempts, and how to get in by e-mail', async () => {
    const server = fakeGraphql(() => graphqlError('RATE_LIMITED', { retryAfterSeconds: 4 }));
    renderWithApp(<SignInPage />, server.client, '/sign-in');
    await submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Liian monta yritystä.*4 sekunnin/);
    expect(screen.getByText(/voit valita uuden salasanan sähköpostiisi lähetettävällä linkillä/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Unohditko salasanasi?' })).toBeTruthy();
  });
});
