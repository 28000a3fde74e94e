/**
 * "Your data" (issue 15) in the built app: a new student, whose profile a coordinator opens, sees
 * that view in the log on the account page, downloads their data (a JSON file that names them),
 * deletes the account with the password, and can no longer sign in. axe checks the account page in
 * Chromium.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  axeViolations,
  confirmSignUp,
  DEMO,
  gql,
  graphql,
  mainHeading,
  unique,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

const PASSWORD = 'Revontuli-2026';

/** A new student account, confirmed with the link from its e-mail and signed in, on the account page. */
async function signUpStudent(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/sign-up');
  await visible(mainHeading(page, 'Luo tili'));
  await page.getByLabel('Nimi', { exact: true }).fill(name);
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill(PASSWORD);
  await page.getByText('Opiskelija', { exact: true }).click();
  await page.getByRole('button', { name: 'Luo tili' }).click();
  await visible(mainHeading(page, 'Tarkista sähköpostisi'));
  await confirmSignUp(page, email);
}

describe('your data', () => {
  it('a student sees a coordinator’s view of their profile, downloads their data, deletes the account and can no longer sign in', async () => {
    const { page } = await browser.openPage();
    const name = `Tiina Tietosuoja ${unique()}`;
    const email = `opiskelija-${unique()}@example.fi`;
    await signUpStudent(page, name, email);

    // The student keeps a profile (through the API, as another device would).
    const studentToken = await apiSignIn(email, PASSWORD);
    const { saveStudentProfile } = await graphql<{ saveStudentProfile: { userId: string } }>(
      gql`
        mutation SaveProfile($input: StudentProfileInput!) {
          saveStudentProfile(input: $input) {
            userId
          }
        }
      `,
      {
        input: {
          institutionName: 'Lapin ammattikorkeakoulu',
          fieldOfStudy: 'Sähkö- ja automaatiotekniikka',
          studyLevel: 'BACHELOR',
          topics: ['solar-pv'],
          languages: ['fi'],
          discoverable: false,
        },
      },
      studentToken,
    );

    // A coordinator opens the student's profile.
    const coordinatorToken = await apiSignIn(DEMO.coordinator);
    const { me: coordinator } = await graphql<{ me: { displayName: string } }>(
      gql`
        query CoordinatorName {
          me {
            displayName
          }
        }
      `,
      {},
      coordinatorToken,
    );
    const { studentProfile } = await graphql<{ studentProfile: { displayName: string } | null }>(
      gql`
        query StudentProfile($userId: ID!) {
          studentProfile(userId: $userId) {
            displayName
          }
        }
      `,
      { userId: saveStudentProfile.userId },
      coordinatorToken,
    );
    expect(studentProfile?.displayName).toBe(name);

    // The student sees that view in the log on the account page.
    await page.goto('/account');
    await visible(mainHeading(page, 'Oma tili'));
    const yourData = page.locator('#your-data');
    await visible(yourData.getByRole('heading', { level: 2, name: 'Omat tietosi' }));
    const log = yourData.getByRole('list', { name: 'Tietojesi katselut, uusin ensin' });
    const view = await visible(log.getByRole('listitem').filter({ hasText: coordinator.displayName }));
    for (const text of ['Koordinaattori', 'Opiskelijaprofiilisi', 'Profiilisivu']) {
      await visible(view.getByText(text, { exact: true }));
    }
    await visible(yourData.getByText(/Kukin merkintä säilytetään \d+ kuukautta/));
    expect(await axeViolations(page)).toEqual([]);

    // The data as a JSON file that names the student.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      yourData.getByRole('button', { name: 'Lataa tietoni (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^keskusvaraamo-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      person: unknown;
      sections: { studentProfile: unknown; dataAccessLog: unknown[] };
    };
    expect(exported.person).toEqual({ id: saveStudentProfile.userId, email, displayName: name });
    expect(exported.sections.studentProfile).toMatchObject({ institutionName: 'Lapin ammattikorkeakoulu' });
    // The coordinator's view is in the file too.
    expect(exported.sections.dataAccessLog).toEqual([expect.objectContaining({ kind: 'PROFILE' })]);

    // Deleting the account: what will happen, then the password and the tick.
    await yourData.getByRole('button', { name: 'Poista tilini…' }).click();
    const dialog = await visible(page.getByRole('dialog'));
    await visible(dialog.getByRole('heading', { name: 'Poistetaanko tilisi?' }));
    await dialog.getByRole('button', { name: 'Jatka' }).click();
    await visible(dialog.getByRole('heading', { name: 'Vahvista tilin poistaminen' }));
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('Salasana', { exact: true }).fill(PASSWORD);
    await dialog.getByText('Ymmärrän, että tilini ja tietoni poistetaan pysyvästi.').click();
    await dialog.getByRole('button', { name: 'Poista tilini', exact: true }).click();

    // Signed out, on the front page, told that the account was deleted.
    await page.waitForURL((url) => url.pathname === '/');
    await visible(page.getByText('Tilisi on poistettu. Vahvistus on lähetetty sähköpostiisi.'));
    await visible(page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Kirjaudu sisään' }));

    // The account can no longer sign in, in the browser or through the API.
    await page.goto('/sign-in');
    await page.getByLabel('Sähköpostiosoite').fill(email);
    await page.getByLabel('Salasana', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
    await visible(page.getByText('Sähköpostiosoite tai salasana on väärin.'));
    expect(page.url()).toMatch(/\/sign-in$/);
    await expect(apiSignIn(email, PASSWORD)).rejects.toThrow(/INVALID_CREDENTIALS/);
  });
});
