import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  apiSignIn,
  DEMO,
  gql,
  graphql,
  mainHeading,
  followNavLink,
  mainNav,
  publishInternship,
  signIn,
  useBrowser,
  visible,
  withContext,
} from '../support/index.js';

const STUDENT = DEMO.student;
const STUDENT_NAME = DEMO.studentName;
const browser = useBrowser();

/** The user's unread messages, asked of the server directly. */
async function unreadMessages(email: string): Promise<number> {
  const { unreadMessageCount } = await graphql<{ unreadMessageCount: number }>(
    gql`
      query Unread {
        unreadMessageCount
      }
    `,
    {},
    await apiSignIn(email),
  );
  return unreadMessageCount;
}

/** The unread count the main navigation's Messages link tells in its name: "Viestit, 2 lukematonta". */
async function navUnread(page: Page): Promise<number> {
  const name =
    (await mainNav(page)
      .getByRole('link', { name: /^Viestit/ })
      .textContent()) ?? '';
  return Number(name.match(/(\d+) lukemat/)?.[1] ?? 0);
}

/** A column of the applicant board, by its heading ("Uudet (1)"). */
const column = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name} \\(`) });

/** The applicant's card on the board. */
const applicantCard = (scope: Page | Locator) => scope.getByRole('listitem', { name: STUDENT_NAME, exact: true });

/** Writes a message in the open conversation and waits until it shows. */
async function sendMessage(scope: Page | Locator, body: string): Promise<void> {
  await scope.getByRole('textbox', { name: 'Viesti', exact: true }).fill(body);
  await scope.getByRole('button', { name: 'Lähetä', exact: true }).click();
  await visible(scope.locator('.message--mine').getByText(body, { exact: true }));
}

describe('applications', () => {
  it('a student applies, the company shortlists and offers, the student accepts, and they exchange messages', async () => {
    const stamp = Date.now().toString(36);
    const title = `Lämpöpumppuasentajan harjoittelu ${stamp}`;
    const needId = await publishInternship(title);
    // Earlier tests and the demo data may have left the student unread messages.
    const unreadBefore = await unreadMessages(STUDENT);
    const letter = 'Opiskelen sähköasentajaksi REDUssa ja olen asentanut lämpöpumppuja kesätöissä Ivalossa.';

    // The student finds the internship, applies with a cover letter and writes to the company.
    const student = await browser.openPage();
    const studentPage = student.page;
    await signIn(studentPage, STUDENT);
    await studentPage.goto(`/search?q=${encodeURIComponent('lämpöpumppuasentaja')}&kind=INTERNSHIP&sort=NEWEST`);
    await visible(mainHeading(studentPage, 'Haku'));
    await studentPage.getByRole('link', { name: title }).click();
    await visible(mainHeading(studentPage, title));
    await studentPage.getByRole('button', { name: 'Hae', exact: true }).click();
    const applyDialog = studentPage.getByRole('dialog', { name: `Hae: ${title}` });
    await visible(applyDialog.getByText(/Tunturienergia Oy näkee sen/));
    await applyDialog.getByRole('textbox', { name: 'Hakemuskirje' }).fill(letter);
    await visible(applyDialog.getByText(`${letter.length}/5000 merkkiä`));
    await applyDialog.getByRole('button', { name: 'Lähetä hakemus' }).click();
    // The dialog is named by its heading, which now confirms.
    const confirmation = studentPage.getByRole('dialog', { name: 'Hakemus on lähetetty' });
    await visible(confirmation.getByText('Tunturienergia Oy näkee sen nyt.', { exact: false }));
    await confirmation.getByRole('link', { name: 'Näytä hakemus' }).click();
    await visible(mainHeading(studentPage, `Hakemus: ${title}`));
    const applicationUrl = studentPage.url();
    await visible(studentPage.locator('.badge', { hasText: /^Lähetetty$/ }));
    await sendMessage(studentPage, 'Hei! Pääsen aloittamaan jo toukokuussa.');
    // Away from the thread, so that the answer stays unread (an open thread marks it read).
    await followNavLink(studentPage, 'Oma sivu');

    // The company sees the applicant on its board (from My needs, with the count), reads the message
    // and answers it, shortlists and makes an offer.
    const entrepreneur = await browser.openPage();
    const page = entrepreneur.page;
    await signIn(page, DEMO.entrepreneur);
    await followNavLink(page, 'Omat tarpeet');
    await visible(mainHeading(page, 'Omat tarpeet'));
    await page.getByRole('link', { name: withContext('Hakijat (1)', title) }).click();
    await visible(mainHeading(page, `Hakijat: ${title}`));
    expect(new URL(page.url()).pathname).toBe(`/needs/${needId}/applicants`);
    // On a phone the columns stack, one state under another, and nothing needs dragging.
    await page.setViewportSize({ width: 390, height: 844 });
    const [fresh, shortlisted] = [
      (await column(page, 'Uudet').boundingBox())!,
      (await column(page, 'Jatkoon valitut').boundingBox())!,
    ];
    expect(shortlisted.x).toBe(fresh.x);
    expect(shortlisted.y).toBeGreaterThan(fresh.y);
    expect(fresh.x + fresh.width).toBeLessThanOrEqual(390);
    // A list on a phone: the name and state, and the application (letter, profile, actions) one tap away.
    const card = applicantCard(column(page, 'Uudet'));
    await visible(card.getByRole('link', { name: withContext('Avaa hakemus', STUDENT_NAME) }));
    expect(await card.getByText(letter).isVisible()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 900 });
    await visible(card.getByText(letter));
    // The profile, shared by applying, in brief.
    await visible(card.getByText('Sähkö- ja automaatioalan perustutkinto'));
    await visible(card.getByText('Lapin koulutuskeskus REDU'));

    await card.getByRole('button', { name: withContext('Viestit', STUDENT_NAME) }).click();
    const conversation = page.getByRole('dialog', { name: `Keskustelu: ${STUDENT_NAME}` });
    await visible(conversation.getByText('Hei! Pääsen aloittamaan jo toukokuussa.'));
    await sendMessage(conversation, 'Kiitos! Sopisiko haastattelu ensi tiistaina?');
    await conversation.getByRole('button', { name: 'Sulje' }).click();

    await applicantCard(page)
      .getByRole('button', { name: withContext('Valitse jatkoon', STUDENT_NAME) })
      .click();
    await visible(applicantCard(column(page, 'Jatkoon valitut')));
    await visible(page.getByRole('status').getByText(`${STUDENT_NAME} on valittu jatkoon.`));
    await applicantCard(page)
      .getByRole('button', { name: withContext('Tee tarjous', STUDENT_NAME) })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Tee tarjous' }).click();
    await visible(applicantCard(column(page, 'Tarjous tehty')));

    // The student sees the offer and the answer (counted unread until the application is opened),
    // and accepts.
    // The count in the navigation goes up without reloading: the message's notification is pushed.
    await expect.poll(() => navUnread(studentPage), { timeout: 10_000 }).toBe(unreadBefore + 1);
    await studentPage.goto(applicationUrl);
    await visible(mainHeading(studentPage, `Hakemus: ${title}`));
    await visible(studentPage.getByText('Sinulle tarjotaan paikkaa'));
    await visible(studentPage.getByText('Kiitos! Sopisiko haastattelu ensi tiistaina?'));
    await studentPage.getByRole('button', { name: 'Hyväksy tarjous' }).click();
    await studentPage.getByRole('alertdialog').getByRole('button', { name: 'Hyväksy tarjous' }).click();
    await visible(studentPage.getByRole('status').getByText(`Olet hyväksynyt tarjouksen: ${title}.`));
    await visible(studentPage.locator('.badge', { hasText: /^Hyväksytty$/ }));
    const timeline = studentPage.locator('.timeline__title');
    await expect
      .poll(() => timeline.allTextContents())
      .toEqual(['Hakemus lähetetty', 'Valittu jatkoon', 'Paikkaa tarjottu', 'Tarjous hyväksytty']);
    // Opening the application read the answer.
    await expect.poll(() => navUnread(studentPage)).toBe(unreadBefore);

    // My applications lists it as accepted; the need, with its one position, is filled.
    await followNavLink(studentPage, 'Omat hakemukset');
    await visible(mainHeading(studentPage, 'Omat hakemukset'));
    const mine = studentPage.getByRole('listitem').filter({ has: studentPage.getByRole('link', { name: title }) });
    await visible(mine.locator('.badge', { hasText: /^Hyväksytty$/ }));
    await studentPage.goto(`/needs/${needId}`);
    await visible(mainHeading(studentPage, title));
    await visible(studentPage.locator('.badge', { hasText: /^Täytetty$/ }));

    // The company's board shows the applicant accepted and the need filled.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await visible(mainHeading(page, `Hakijat: ${title}`));
    // On a wide screen the four columns stand side by side.
    const tops = await Promise.all(
      ['Uudet', 'Jatkoon valitut', 'Tarjous tehty', 'Hyväksyneet'].map(
        async (name) => (await column(page, name).boundingBox())!.y,
      ),
    );
    expect(new Set(tops).size).toBe(1);
    await visible(applicantCard(column(page, 'Hyväksyneet')));
    await visible(page.getByText('Kaikki paikat on täytetty.', { exact: false }));
    await applicantCard(page)
      .getByRole('link', { name: withContext('Avaa hakemus', STUDENT_NAME) })
      .click();
    await visible(mainHeading(page, `Hakemus: ${title}`));
    await visible(page.locator('.badge', { hasText: /^Hyväksytty$/ }));

    // Both find the thread under Messages.
    await mainNav(page)
      .getByRole('link', { name: /^Viestit/ })
      .click();
    await visible(mainHeading(page, 'Viestit'));
    await page.getByRole('link', { name: title }).click();
    await visible(mainHeading(page, `Viestit: ${title}`));
    await visible(page.getByText('Hei! Pääsen aloittamaan jo toukokuussa.'));

    await student.context.close();
    await entrepreneur.context.close();
  });
});
