import { describe, it } from 'vitest';
import {
  daysAhead,
  DEMO,
  escapeRegExp,
  mainHeading,
  publishCourse,
  publishNeed,
  signIn,
  unique,
  useBrowser,
  visible,
} from '../support/index.js';

const browser = useBrowser();

/** Hydrogen and solar thermal: topics few demo courses have, so that the course made here ranks first. */
const TOPICS = ['hydrogen', 'solar-thermal'];

describe('booking a course for a need', () => {
  it('the entrepreneur books a suggested course for their COURSE need', async () => {
    const tag = unique();
    const needTitle = `Vety- ja aurinkolämpökoulutus ${tag}`;
    const courseTitle = `Vety ja aurinkolämpö maatiloilla ${tag}`;
    const needId = await publishNeed(
      { email: DEMO.entrepreneur, company: 'Tunturienergia Oy' },
      {
        kind: 'COURSE',
        title: needTitle,
        description: 'Tarvitsemme koulutuksen vedyn tuotannosta ja aurinkolämmöstä maatilan energiaratkaisuina.',
        language: 'fi',
        topics: TOPICS,
        municipalityCode: '698',
        remote: false,
        periodStart: daysAhead(20),
        periodEnd: daysAhead(120),
        positions: 1,
        budgetCents: 80_000,
        languages: ['fi'],
      },
    );
    await publishCourse(courseTitle, 'Lapin AMK, Jokiväylä 11, Rovaniemi', {
      topics: TOPICS,
      description:
        'Vedyn tuotanto ja aurinkolämpö maatilan energiaratkaisuina: laitteet, turvallisuus ja kannattavuus.',
    });

    // The need's suggestions offer the course, to book for the need.
    const { context, page } = await browser.openPage();
    await signIn(page, DEMO.entrepreneur);
    await page.goto(`/needs/${needId}`);
    await visible(mainHeading(page, needTitle));
    const suggestions = page.getByRole('region', { name: 'Ehdotuksia sinulle' });
    await suggestions
      .getByRole('link', { name: new RegExp(`^Varaa tähän tarpeeseen\\s*: ${escapeRegExp(courseTitle)}`) })
      .first()
      .click();
    await visible(mainHeading(page, courseTitle));

    // The booking form says which need it is for; the confirmation links to it.
    await page
      .getByRole('button', { name: /^Varaa paikka/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText(`Varaat tarpeeseesi: ${needTitle}`));
    await dialog.getByRole('button', { name: 'Varaa 1 paikka' }).click();
    await visible(dialog.getByRole('heading', { name: 'Paikka on varattu' }));
    await visible(dialog.getByRole('link', { name: needTitle }));

    // My bookings shows the need the booking answers.
    await dialog.getByRole('link', { name: 'Omat varaukset' }).click();
    await visible(mainHeading(page, 'Omat varaukset'));
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: courseTitle }) });
    await visible(card.getByRole('link', { name: needTitle }));
    await card.getByRole('link', { name: needTitle }).click();
    await visible(mainHeading(page, needTitle));
    await context.close();
  });
});
