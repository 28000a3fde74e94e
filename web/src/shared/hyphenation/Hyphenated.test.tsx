// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../testing/axe';
import { Hyphenated } from './Hyphenated';
import { hyphenate, loadAllHyphenation, loadHyphenation, SOFT_HYPHEN, withoutSoftHyphens } from './hyphenate';

const TITLE = 'Aurinkosähköjärjestelmien asennus';
const shown = (text: string) => text.replaceAll(SOFT_HYPHEN, '|');

afterEach(() => cleanup());

describe('hyphenation', () => {
  it("gives a long Finnish title soft hyphens at its syllables' boundaries", async () => {
    render(
      <h1 lang="fi">
        <Hyphenated text={TITLE} lang="fi" />
      </h1>,
    );
    const heading = screen.getByRole('heading');
    await waitFor(() => expect(heading.textContent).toContain(SOFT_HYPHEN));
    // Finnish breaks before the consonant that starts a syllable: au-rin-ko-säh-kö-jär-jes-tel-mien.
    expect(shown(heading.textContent!)).toBe('Au|rin|ko|säh|kö|jär|jes|tel|mien asennus');
    expect(withoutSoftHyphens(heading.textContent!)).toBe(TITLE);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it("leaves a link's accessible name the title with invisible soft hyphens only, and axe content", async () => {
    const title = 'Energiatehokkuusasiantuntija Levillä';
    render(
      <h3>
        <a href="/offers/1" lang="fi">
          <Hyphenated text={title} lang="fi" />
        </a>
      </h3>,
    );
    const link = screen.getByRole('link');
    await waitFor(() => expect(link.textContent).toContain(SOFT_HYPHEN));
    // The name testing-library computes (as a browser does): the title, with only U+00AD added.
    let name = '';
    screen.getByRole('link', { name: (accessibleName) => ((name = accessibleName), true) });
    expect(name).not.toBe(title);
    expect(withoutSoftHyphens(name)).toBe(title);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('hyphenates Swedish and English by their own patterns, and long words only', async () => {
    await Promise.all([loadHyphenation('fi'), loadHyphenation('sv'), loadHyphenation('en')]);
    expect(shown(hyphenate('Energiatehokkuusasiantuntija', 'fi'))).toBe('Ener|gia|te|hok|kuus|asian|tun|ti|ja');
    expect(shown(hyphenate('Energikartläggningar', 'sv-FI'))).toContain('lägg|ning');
    expect(shown(hyphenate('Internationalisation', 'en'))).toContain('na|tion');
    expect(hyphenate('Aurinkosähkö maatilalle', 'fi')).toContain('Au\u00ADrin');
    expect(hyphenate('kurssi ja asennus', 'fi')).toBe('kurssi ja asennus');
  });

  it('leaves web and e-mail addresses, codes with digits and other languages whole', async () => {
    await loadHyphenation('fi');
    const text =
      'Ilmoittautuminen: https://lapinamk.fi/koulutuskalenteri tai koulutuspalvelut@lapinamk.fi SFS6002-koulutus';
    expect(hyphenate(text, 'fi')).toContain('https://lapinamk.fi/koulutuskalenteri ');
    expect(hyphenate(text, 'fi')).toContain(' koulutuspalvelut@lapinamk.fi ');
    expect(hyphenate(text, 'fi')).toContain('SFS6002-koulutus');
    expect(hyphenate(text, 'fi')).toContain(`Il${SOFT_HYPHEN}moit`);
    expect(hyphenate(TITLE, 'de')).toBe(TITLE);
    expect(hyphenate(TITLE, null)).toBe(TITLE);
  });

  it("hydrates the server's hyphenation without loading any patterns, and loads them for a new text", async () => {
    await loadAllHyphenation();
    const page = (H: typeof Hyphenated, extra?: string) => (
      <div>
        <h2 lang="fi">
          <H text={TITLE} lang="fi" />
        </h2>
        <p lang="sv">
          <H text="Energikartläggningar" lang="sv" />
        </p>
        <p lang="en">
          <H text="Solar panels" lang="en" />
        </p>
        {extra ? (
          <p lang="fi">
            <H text={extra} lang="fi" />
          </p>
        ) : null}
      </div>
    );
    const html = renderToString(page(Hyphenated));
    expect(shown(html)).toContain('Au|rin|ko|säh|kö');

    // The browser: the same modules afresh, with no patterns loaded.
    vi.resetModules();
    const browser = await import('./hyphenate');
    const { Hyphenated: BrowserHyphenated } = await import('./Hyphenated');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    browser.rememberServerHyphenation(container);
    const recovered = vi.fn();
    const root = await act(async () =>
      hydrateRoot(container, page(BrowserHyphenated), { onRecoverableError: recovered }),
    );
    expect(recovered).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(html);
    for (const language of ['fi', 'sv', 'en'] as const) expect(browser.isHyphenationLoaded(language)).toBe(false);

    // A title the server did not write (a later page of results): Finnish patterns load for it.
    await act(async () => root.render(page(BrowserHyphenated, 'Lämpöpumppujärjestelmät')));
    await waitFor(() => expect(shown(container.textContent ?? '')).toMatch(/Läm\|pö/));
    expect(browser.isHyphenationLoaded('fi')).toBe(true);
    expect(browser.isHyphenationLoaded('sv')).toBe(false);
    await act(async () => root.unmount());
    container.remove();
  });
});
