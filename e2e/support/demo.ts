/** The demo accounts the e2e server is seeded with (SEED_DEMO_DATA), and signing in as them. */
import type { Page } from 'playwright-core';
import { visible } from './browser.js';

export const DEMO_PASSWORD = 'Demo-2026-lappi';

export const DEMO = {
  student: 'student@demo.keskusvaraamo.fi',
  /** Sami Aikio, the demo student's display name. */
  studentName: 'Sami Aikio',
  /** A member of Tunturienergia Oy. */
  entrepreneur: 'entrepreneur@demo.keskusvaraamo.fi',
  /** Of Lapin ammattikorkeakoulu. */
  educator: 'educator@demo.keskusvaraamo.fi',
  coordinator: 'coordinator@demo.keskusvaraamo.fi',
} as const;

/** Signs in from the sign-in page (in Finnish) and waits for the person's home it leads to. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/home');
  await visible(page.getByRole('heading', { level: 1, name: /^Hei, / }));
}
