import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, mainHeading, openPage, visible } from './browser.js';

const DEMO_PASSWORD = 'Demo-2026-lappi';
const COORDINATOR = 'coordinator@demo.keskusvaraamo.fi';
const ENTREPRENEUR = 'entrepreneur@demo.keskusvaraamo.fi';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function graphql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function apiSignIn(email: string): Promise<string> {
  const { signIn } = await graphql<{ signIn: { accessToken: string } }>(
    'mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }',
    { input: { email, password: DEMO_PASSWORD } },
  );
  return signIn.accessToken;
}

/** The demo entrepreneur posts and publishes a solar PV course need for Tunturienergia Oy. */
async function publishCourseNeed(title: string): Promise<string> {
  const token = await apiSignIn(ENTREPRENEUR);
  const { me } = await graphql<{ me: { memberships: { organisation: { id: string; name: string } }[] } }>(
    'query Me { me { memberships { organisation { id name } } } }',
    {},
    token,
  );
  const company = me.memberships.find((m) => m.organisation.name === 'Tunturienergia Oy')!.organisation;
  const { createNeed } = await graphql<{ createNeed: { id: string } }>(
    'mutation Create($input: NeedInput!) { createNeed(input: $input) { id } }',
    {
      input: {
        kind: 'COURSE',
        organisationId: company.id,
        title,
        description:
          'Kaksi asentajaamme tarvitsee koulutuksen aurinkosähköjärjestelmien asennukseen ja käyttöönottoon.',
        language: 'fi',
        topics: ['solar-pv', 'electrical-installation'],
        municipalityCode: '732',
        remote: false,
        periodStart: daysAhead(20),
        periodEnd: daysAhead(120),
        positions: 2,
        budgetCents: 140_000,
        languages: ['fi'],
      },
    },
    token,
  );
  await graphql('mutation Publish($id: ID!) { publishNeed(id: $id) { id } }', { id: createNeed.id }, token);
  return createNeed.id;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Kirjaudu sisään', exact: true }).click();
  await visible(mainHeading(page, 'Oma tili'));
}

describe('proposals', () => {
  it('a coordinator proposes a suggested course for a need, and the entrepreneur accepts it', async () => {
    const title = `Aurinkosähkökoulutus asentajille ${Date.now().toString(36)}`;
    const needId = await publishCourseNeed(title);
    const note = 'Lapin AMK:n kurssi sopii aiheiltaan ja ajankohdaltaan, ja se järjestetään suomeksi.';

    // The coordinator sees the need's suggestions, with why they fit, and proposes the best one.
    const coordinator = await openPage(browser);
    const page = coordinator.page;
    await signIn(page, COORDINATOR);
    await page.goto(`/needs/${needId}`);
    await visible(mainHeading(page, title));
    const suggestions = page.getByRole('region', { name: 'Ehdotuksia sinulle' });
    const first = suggestions.getByRole('listitem').first();
    await visible(first.getByText(/yhteinen aihe|yhteistä aihetta/));
    await visible(first.getByText(/\/100$/));
    await first.getByRole('button', { name: /^Ehdota/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ehdota yhdistämistä' });
    await dialog.getByRole('textbox', { name: 'Viesti molemmille osapuolille' }).fill(note);
    await dialog.getByRole('button', { name: 'Lähetä ehdotus' }).click();
    const sent = page.getByRole('dialog', { name: 'Ehdotus on lähetetty' });
    await sent.getByRole('link', { name: 'Näytä ehdotus' }).click();
    await visible(mainHeading(page, `Ehdotus: ${title}`));
    await visible(page.getByText(note));

    // The entrepreneur finds it among their proposals and accepts.
    const entrepreneur = await openPage(browser);
    const own = entrepreneur.page;
    await signIn(own, ENTREPRENEUR);
    await own.getByRole('button', { name: /Käyttäjävalikko/ }).click();
    await own.getByRole('menuitem', { name: 'Ehdotukset', exact: true }).click();
    await visible(mainHeading(own, 'Ehdotukset'));
    await own.getByRole('link', { name: new RegExp(`^${escape(title)} – `) }).click();
    await visible(mainHeading(own, `Ehdotus: ${title}`));
    await visible(own.getByText(note));
    await own.getByRole('button', { name: 'Hyväksy', exact: true }).click();
    const confirm = own.getByRole('alertdialog', { name: 'Hyväksytkö ehdotuksen?' });
    await confirm.getByRole('button', { name: 'Hyväksy', exact: true }).click();
    await visible(own.getByRole('status').getByText(new RegExp(`^Hyväksyit ehdotuksen: ${escape(title)} – `)));
    await visible(own.getByText(/^Hyväksynyt /).first());
    expect(await own.getByRole('button', { name: 'Hyväksy', exact: true }).count()).toBe(0);

    await coordinator.context.close();
    await entrepreneur.context.close();
  });
});
