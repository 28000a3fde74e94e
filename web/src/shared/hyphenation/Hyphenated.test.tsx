// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../testing/axe';
import { Hyphenated } from './Hyphenated';
import {
  hyphenate,
  hyphenationOnPage,
  loadAllHyphenation,
  loadHyphenation,
  SOFT_HYPHEN,
  withoutSoftHyphens,
} from './hyphenate';

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

  it('hyphenates on the server, and the browser loads the languages its HTML used before hydrating', async () => {
    await loadAllHyphenation();
    const html = renderToString(
      <div>
        <h2 lang="fi">
          <Hyphenated text={TITLE} lang="fi" />
        </h2>
        <p lang="sv">
          <Hyphenated text="Energikartläggningar" lang="sv" />
        </p>
        <p lang="en">
          <Hyphenated text="Solar panels" lang="en" />
        </p>
      </div>,
    );
    expect(shown(html)).toContain('Au|rin|ko|säh|kö');
    const page = document.createElement('div');
    page.innerHTML = html;
    // English had no word long enough to break: nothing of it needs loading.
    expect(hyphenationOnPage(page).sort()).toEqual(['fi', 'sv']);
  });
});
