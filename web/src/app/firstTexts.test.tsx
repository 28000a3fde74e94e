// @vitest-environment jsdom
/**
 * The browser starts with only the first part of its language's texts (shared/i18n/textParts.ts).
 * The frame and the landing page must need nothing else, for a visitor and for a person with every
 * role; a signed-in person's tools and any other page load the rest first.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachPartialTexts, beginPartialTexts, createI18n, ensureAllTexts, loadFirstTexts } from '../shared/i18n';
import { fakeGraphql, prepareDom, renderInLanguage } from '../shared/testing';
import { basenameFor } from './router';
import { routes } from './routes';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../shared/session')>()),
  useSession: () => session.current,
}));

const everyRole = {
  status: 'signedIn',
  user: {
    id: 'u-all',
    email: 'all@example.fi',
    displayName: 'Kaikki Roolit',
    roles: ['ENTREPRENEUR', 'EDUCATOR', 'STUDENT', 'COORDINATOR', 'ADMIN'],
    locale: 'fi',
    emailVerified: true,
    createdAt: '2026-01-01T00:00:00Z',
  },
};

/** The landing page as the browser first renders it, collecting every key the texts lack. */
async function renderLanding(locale: 'fi' | 'sv' | 'en') {
  beginPartialTexts(locale);
  const i18n = createI18n(locale, { [locale]: await loadFirstTexts(locale) });
  attachPartialTexts(i18n);
  const missing: string[] = [];
  i18n.options.saveMissing = true;
  i18n.options.missingKeyHandler = (_languages, _namespace, key) => void missing.push(key);
  const { client } = fakeGraphql(() => ({ data: null }));
  const basename = basenameFor(locale);
  renderInLanguage({ routes, i18n, locale, basename, url: basename, client });
  await screen.findByRole('heading', { level: 1 });
  return { i18n, missing };
}

describe('the first part of the texts', () => {
  beforeEach(() => prepareDom({ wide: true }));
  afterEach(cleanup);

  it.each(['fi', 'sv', 'en'] as const)('is all a visitor’s landing page needs (%s)', async (locale) => {
    session.current = { status: 'visitor', user: null };
    const { i18n, missing } = await renderLanding(locale);
    expect(missing).toEqual([]);
    // Only the first part is there: the rest has not been loaded.
    expect(i18n.exists('legal.privacy.title')).toBe(false);
  });

  it('is all the frame needs for a person with every role, whose tools load the rest first', async () => {
    session.current = everyRole;
    const { i18n, missing } = await renderLanding('fi');
    expect(await screen.findByRole('button', { name: /Käyttäjävalikko/ }, { timeout: 10_000 })).toBeTruthy();
    expect(i18n.exists('legal.privacy.title')).toBe(true);
    expect(missing).toEqual([]);
  });

  it('loads the rest once, for every page that asks', async () => {
    session.current = { status: 'visitor', user: null };
    const { i18n } = await renderLanding('sv');
    await Promise.all([ensureAllTexts(), ensureAllTexts()]);
    expect(i18n.t('legal.privacy.title')).not.toBe('legal.privacy.title');
    expect(i18n.language).toBe('sv');
  });
});
