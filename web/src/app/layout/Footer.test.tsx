// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../shared/testing/axe';
import { fakeGraphql, prepareDom, renderWithApp, studentSession, switchLanguage } from '../../shared/testing';
import { Footer } from './Footer';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/session')>()),
  useSession: () => session.current,
}));

const legalLinks = () =>
  within(screen.getByRole('navigation', { name: /Tietosuoja, saavutettavuus|Dataskydd|Privacy, accessibility/ }))
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);

describe('the footer', () => {
  beforeEach(() => prepareDom());
  afterEach(async () => {
    cleanup();
    await switchLanguage('fi');
  });

  it.each([
    ['a visitor', { status: 'visitor', user: null }],
    ['a signed-in user', studentSession],
  ])('links the privacy notice, the accessibility statement and the contact page for %s', async (_who, current) => {
    session.current = current;
    renderWithApp(<Footer />, fakeGraphql(() => ({ data: {} })).client);
    expect(legalLinks()).toEqual([
      ['Tietosuojaseloste', '/privacy'],
      ['Saavutettavuusseloste', '/accessibility'],
      ['Yhteystiedot ja palaute', '/contact'],
    ]);
    expect(await axeViolations()).toEqual([]);
  });

  it('names them in the reader’s language', async () => {
    session.current = { status: 'visitor', user: null };
    renderWithApp(<Footer />, fakeGraphql(() => ({ data: {} })).client);
    await switchLanguage('sv');
    expect(legalLinks().map(([text]) => text)).toEqual([
      'Dataskyddsbeskrivning',
      'Tillgänglighetsutlåtande',
      'Kontaktuppgifter och respons',
    ]);
    await switchLanguage('en');
    expect(legalLinks().map(([text]) => text)).toEqual([
      'Privacy notice',
      'Accessibility statement',
      'Contact and feedback',
    ]);
  });
});
