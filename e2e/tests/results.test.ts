import { describe, expect, it } from 'vitest';
import {
  axeViolations,
  choose,
  daysAhead,
  DEMO,
  gql,
  graphql,
  mainHeading,
  followNavLink,
  publishNeed,
  signIn,
  unique,
  useBrowser,
  visible,
  waitForTitle,
  withContext,
} from '../support/index.js';

const browser = useBrowser();

interface PublicCount {
  value: number | null;
  suppressed: boolean;
}
type Year = { year: number } & Record<string, PublicCount>;

/** The public figures by their Finnish labels, in the order of the page. */
const FIGURES: [string, string][] = [
  ['needsPosted', 'Julkaistut tarpeet'],
  ['matchesMade', 'Syntyneet yhteydet'],
  ['sessionsHeld', 'Toteutuneet toteutuskerrat'],
  ['participantsAttended', 'Osallistuneet'],
  ['placementsFilled', 'Täytetyt harjoittelu-, kesätyö- ja opinnäytepaikat'],
  ['companiesServed', 'Palvellut yritykset'],
  ['municipalitiesReached', 'Tavoitetut kunnat'],
];

/** A count as the Finnish page writes it. */
const asFinnish = (count: PublicCount) =>
  count.suppressed || count.value === null ? 'alle 5' : new Intl.NumberFormat('fi-FI').format(count.value);
const spaces = (text: string | null) => (text ?? '').replace(/\s/g, ' ').trim();

describe('cluster results and unmet demand', () => {
  it('a visitor follows the front page’s figures to the results page and sees what the server counted', async () => {
    const { page } = await browser.openPage();
    await page.goto('/');
    const band = page.getByRole('region', { name: 'Klusteri lukuina' });
    await visible(band);
    await band.getByRole('link', { name: 'Katso klusterin kaikki tulokset' }).click();

    await visible(mainHeading(page, 'Tulokset'));
    await waitForTitle(page, 'Tulokset – Osaamisen keskusvaraamo');
    // The same figures as anyone gets from the API, this year so far beside last year.
    const { publicResults } = await graphql<{ publicResults: { thisYear: Year; lastYear: Year } }>(gql`
      query PublicResults {
        publicResults {
          thisYear {
            year
            needsPosted {
              value
              suppressed
            }
            matchesMade {
              value
              suppressed
            }
            sessionsHeld {
              value
              suppressed
            }
            participantsAttended {
              value
              suppressed
            }
            placementsFilled {
              value
              suppressed
            }
            companiesServed {
              value
              suppressed
            }
            municipalitiesReached {
              value
              suppressed
            }
          }
          lastYear {
            year
            needsPosted {
              value
              suppressed
            }
            matchesMade {
              value
              suppressed
            }
            sessionsHeld {
              value
              suppressed
            }
            participantsAttended {
              value
              suppressed
            }
            placementsFilled {
              value
              suppressed
            }
            companiesServed {
              value
              suppressed
            }
            municipalitiesReached {
              value
              suppressed
            }
          }
        }
      }
    `);
    const { thisYear, lastYear } = publicResults;
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(FIGURES.map(([, label]) => label));
    for (const [key, label] of FIGURES) {
      const card = page.getByRole('listitem', { name: label });
      expect(spaces(await card.getByRole('term').nth(0).textContent())).toBe(`${thisYear.year} tähän mennessä`);
      expect(spaces(await card.getByRole('term').nth(1).textContent())).toBe(String(lastYear.year));
      const values = (await card.getByRole('definition').allTextContents()).map(spaces);
      expect(values, label).toEqual([asFinnish(thisYear[key]!), asFinnish(lastYear[key]!)]);
    }
    // The demo has a history: the page is not all zeros.
    expect(FIGURES.some(([key]) => (lastYear[key]!.value ?? 0) > 0)).toBe(true);
    // Small numbers are explained once.
    await expect(page.getByText(/Luvut 1–4 näytetään muodossa ”alle 5”/).count()).resolves.toBe(1);
    // The footer links here from every page.
    expect(
      await page.getByRole('contentinfo').getByRole('link', { name: 'Tulokset', exact: true }).getAttribute('href'),
    ).toBe('/results');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('an educator opens unmet demand, finds a new need waiting and starts a course for it', async () => {
    const title = `Julkisten hankintojen kurssi Utsjoella ${unique()}`;
    const needId = await publishNeed(
      { email: DEMO.entrepreneur, company: 'Tunturienergia Oy' },
      {
        kind: 'COURSE',
        title,
        description: 'Tarvitsemme koulutuksen julkisista hankinnoista ja tarjousten tekemisestä kunnille.',
        language: 'fi',
        topics: ['public-procurement'],
        municipalityCode: '890',
        remote: false,
        periodStart: daysAhead(20),
        periodEnd: daysAhead(120),
        positions: 40,
        budgetCents: 120_000,
        languages: ['fi'],
      },
    );
    const { page } = await browser.openPage();
    await signIn(page, DEMO.educator);
    await followNavLink(page, 'Vastaamaton kysyntä');
    await visible(mainHeading(page, 'Vastaamaton kysyntä'));
    await waitForTitle(page, 'Vastaamaton kysyntä – Osaamisen keskusvaraamo');
    await visible(page.getByText(/^Avoimet kurssi- ja paikkatarpeet aiheittain ja kunnittain/));

    // Filtered to the topic, the need is there with the people waiting, linked to its page.
    await choose(page, page, /Aihe$/, 'Julkiset hankinnat');
    const rowName = 'Julkiset hankinnat, Utsjoki – Ohcejohka';
    const row = page.getByRole('listitem', { name: rowName });
    await visible(row);
    const rowHeadings = await page.getByRole('heading', { level: 3 }).allTextContents();
    expect(rowHeadings.every((heading) => heading.startsWith('Julkiset hankinnat, '))).toBe(true);
    expect(await row.getByText('Koulutus', { exact: true }).count()).toBe(1);
    const peopleWaiting = row
      .locator('dt', { hasText: 'Odottavia henkilöitä' })
      .locator('xpath=following-sibling::dd[1]');
    const people = Number(spaces(await peopleWaiting.textContent()).replace(/\s/g, ''));
    expect(people).toBeGreaterThanOrEqual(40);
    expect(await row.getByRole('link', { name: title }).getAttribute('href')).toBe(`/needs/${needId}`);
    expect(await axeViolations(page)).toEqual([]);

    // "Create a course for this" opens the new-offer form with the topic chosen.
    await row.getByRole('link', { name: withContext('Luo kurssi tähän', rowName) }).click();
    await page.waitForURL(/\/offers\/new\?topic=public-procurement$/);
    await visible(mainHeading(page, 'Julkaise kurssi'));
    const topic = page.getByRole('checkbox', { name: 'Julkiset hankinnat' });
    await visible(topic.locator('xpath=ancestor::label[1]'));
    expect(await topic.isChecked()).toBe(true);
  });
});
