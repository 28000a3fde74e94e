/**
 * A coordinator's match holds seats on a paid course for a company with no billing details saved:
 * its member claims them from My bookings, saying who is invoiced in the claim's dialog.
 */
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  axeViolations,
  choose,
  daysAhead,
  DEMO,
  gql,
  graphql,
  mainHeading,
  publishCourse,
  publishNeed,
  signIn,
  unique,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

/** A business ID (Y-tunnus) not used before: seven random digits and their check digit. */
function newBusinessId(): string {
  for (;;) {
    const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0');
    const sum = [7, 9, 10, 5, 8, 4, 2].reduce((total, weight, i) => total + weight * Number(digits[i]), 0);
    const rest = sum % 11;
    if (rest !== 1) return `${digits}-${rest === 0 ? 0 : 11 - rest}`;
  }
}

/** A new company of the demo entrepreneur's, with nothing invoiced to it yet; its business ID. */
async function newCompany(name: string): Promise<string> {
  const businessId = newBusinessId();
  await graphql(
    gql`
      mutation NewCompany($input: OrganisationInput!) {
        createOrganisation(input: $input) {
          id
        }
      }
    `,
    { input: { name, kind: 'COMPANY', businessId, municipalityCode: '732' } },
    await apiSignIn(DEMO.entrepreneur),
  );
  return businessId;
}

/** Proposes the session for the need as the coordinator; both sides accept. */
async function matchAccepted(needId: string, sessionId: string): Promise<void> {
  const { proposeMatch } = await graphql<{ proposeMatch: { id: string } }>(
    gql`
      mutation Propose($input: ProposeMatchInput!) {
        proposeMatch(input: $input) {
          id
        }
      }
    `,
    { input: { needId, targetKind: 'SESSION', sessionId, note: 'Tämä toteutus sopii tarpeeseenne.' } },
    await apiSignIn(DEMO.coordinator),
  );
  for (const side of [DEMO.educator, DEMO.entrepreneur]) {
    await graphql(
      gql`
        mutation Accept($id: ID!) {
          acceptProposal(id: $id) {
            id
          }
        }
      `,
      { id: proposeMatch.id },
      await apiSignIn(side),
    );
  }
}

describe('seats held by a match', () => {
  it('a company with no billing details claims the paid seats held for it, saying who is invoiced', async () => {
    const company = `Revontulilämpö ${unique()} Oy`;
    const businessId = await newCompany(company);
    const needTitle = `Lämpöpumppukoulutus kolmelle ${unique()}`;
    const needId = await publishNeed(
      { email: DEMO.entrepreneur, company },
      {
        kind: 'COURSE',
        title: needTitle,
        description: 'Kolme asentajaamme tarvitsee koulutuksen maalämpöpumppujen huoltoon.',
        language: 'fi',
        topics: ['bioenergy'],
        municipalityCode: '732',
        remote: false,
        periodStart: daysAhead(20),
        periodEnd: daysAhead(120),
        positions: 3,
        budgetCents: 100_000,
        languages: ['fi'],
      },
    );
    const courseTitle = `Lämpölaitoksen polttoaineet ${unique()}`;
    const { sessionId } = await publishCourse(courseTitle, 'Jokiväylä 11, Rovaniemi', { priceCents: 15_000 });
    await matchAccepted(needId, sessionId);

    const { page } = await browser.openPage();
    await signIn(page, DEMO.entrepreneur);
    await page.goto('/my/bookings');
    await visible(mainHeading(page, 'Omat varaukset'));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: courseTitle }) });
    await card.getByRole('button', { name: /^Vahvista paikka \(/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Vahvista 3 paikkaa' });
    await visible(dialog.getByText(/3 paikkaa maksavat yhteensä 450/));

    // Invoiced to the new company: its name and business ID come from it; the address is typed.
    // The fields start from the person's first organisation once their organisations have loaded.
    const invoiced = dialog.getByLabel(/^Laskutettavan organisaation nimi/);
    await expect.poll(() => invoiced.inputValue()).not.toBe('');
    await choose(page, dialog, /Organisaatio$/, company);
    await expect.poll(() => invoiced.inputValue()).toBe(company);
    expect(await dialog.getByLabel(/^Y-tunnus/).inputValue()).toBe(businessId);
    await dialog.getByText('Sähköpostilla', { exact: true }).click();
    await dialog.getByLabel(/^Laskutussähköposti/).fill(`laskut.${unique()}@example.fi`);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Vahvista 3 paikkaa' }).click();

    await visible(page.getByRole('status').getByText('Paikka on vahvistettu sinulle.'));
    await visible(card.getByText('Vahvistettu', { exact: true }));
    expect(await card.getByRole('button', { name: /^Vahvista paikka/ }).count()).toBe(0);
  });
});
