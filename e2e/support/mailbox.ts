/** The development mailbox (DEV_MAILBOX): where the e2e server's outbox delivers its e-mail. */
import type { Locator, Page } from 'playwright-core';
import { waitForMail } from './api.js';
import { mainHeading, visible } from './browser.js';

/**
 * Waits until the e-mail to the address with this subject is delivered, opens the mailbox page on
 * it and resolves to the e-mail's card there (the newest, if there are several).
 */
export async function openMail(page: Page, to: string, subject: string): Promise<Locator> {
  await waitForMail(to, subject);
  await page.goto('/dev/mailbox');
  await visible(mainHeading(page, 'Kehitysympäristön postilaatikko'));
  const mail = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: subject, exact: true }) })
    .filter({ has: page.getByText(to, { exact: true }) })
    .first();
  return visible(mail);
}

/**
 * After a sign-up: opens the confirmation e-mail in the development mailbox and follows its link,
 * which confirms the address and signs in; ends on the account page.
 */
export async function confirmSignUp(page: Page, email: string): Promise<void> {
  const mail = await openMail(page, email, 'Vahvista sähköpostiosoitteesi');
  await mail.locator('pre a[href*="/verify-email?token="]').click();
  await visible(page.getByText('Sähköpostiosoitteesi on vahvistettu, ja olet kirjautunut sisään. Tervetuloa!'));
  await page.getByRole('link', { name: 'Siirry omalle tilille' }).click();
  await visible(mainHeading(page, 'Oma tili'));
}
