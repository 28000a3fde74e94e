// @vitest-environment jsdom
import type { Locale } from '@keskusvaraamo/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import {
  fakeGraphql,
  graphqlError,
  prepareDom,
  prepareI18n,
  renderWithApp,
  switchLanguage,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import type { LegalInfo } from '../operations';
import { AccessibilityPage } from './AccessibilityPage';
import { ContactPage } from './ContactPage';
import { PrivacyPage } from './PrivacyPage';

const session = vi.hoisted(() => ({ current: { status: 'visitor', user: null } as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const INFO: LegalInfo = {
  operatorName: 'Lapin Testiklusteri ry',
  businessId: '1234567-8',
  address: 'Testikatu 1, 96100 Rovaniemi',
  email: 'info@klusteri.test',
  phone: '+358 40 123 4567',
  privacyEmail: 'tietosuoja@klusteri.test',
  accessibilityEmail: 'saavutettavuus@klusteri.test',
  accessibilityEvaluatedOn: '2026-11-30',
  applicationRetentionMonths: 6,
  participantRetentionMonths: 18,
  inactiveAccountMonths: 1,
  inactiveAccountNoticeDays: 14,
  dataAccessLogMonths: 36,
  auditLogMonths: 84,
  sentMailDays: 30,
};

/** Answers LegalInfo with INFO, and sendFeedback with `feedback`. */
function server(feedback: (operation: SentOperation) => Answer = () => ({ data: { sendFeedback: true } })) {
  return fakeGraphql((operation) =>
    operation.operationName === 'LegalInfo' ? { data: { legalInfo: INFO } } : feedback(operation),
  );
}

const PRIVACY_H2: Record<Locale, string[]> = {
  fi: [
    'Rekisterinpitäjä',
    'Yhteydenotot tietosuoja-asioissa',
    'Mihin tietojasi käytetään ja millä perusteella',
    'Mitä tietoja käsittelemme',
    'Kuka tietojasi näkee ja kenelle niitä luovutetaan',
    'Kuinka kauan tietoja säilytetään',
    'Oikeutesi ja niiden käyttäminen',
    'Kuka on katsonut tietojasi',
    'Automaattinen päätöksenteko',
    'Evästeet',
    'Tietojen suojaaminen',
  ],
  sv: [
    'Personuppgiftsansvarig',
    'Kontakt i dataskyddsärenden',
    'Vad dina uppgifter används till och på vilken grund',
    'Vilka uppgifter vi behandlar',
    'Vem som ser dina uppgifter och till vem de lämnas ut',
    'Hur länge uppgifterna sparas',
    'Dina rättigheter och hur du använder dem',
    'Vem som har tittat på dina uppgifter',
    'Automatiserat beslutsfattande',
    'Kakor',
    'Hur uppgifterna skyddas',
  ],
  en: [
    'Controller',
    'Contact on data protection',
    'What your data is used for, and on what basis',
    'What data we process',
    'Who sees your data, and to whom it is disclosed',
    'How long data is kept',
    'Your rights, and how to use them',
    'Who has looked at your data',
    'Automated decision-making',
    'Cookies',
    'How data is protected',
  ],
};

const PRIVACY_TITLE: Record<Locale, string> = {
  fi: 'Tietosuojaseloste',
  sv: 'Dataskyddsbeskrivning',
  en: 'Privacy notice',
};
const ACCESSIBILITY_TITLE: Record<Locale, string> = {
  fi: 'Saavutettavuusseloste',
  sv: 'Tillgänglighetsutlåtande',
  en: 'Accessibility statement',
};

const headings = (level: number) => screen.getAllByRole('heading', { level }).map((h) => h.textContent);
const section = (name: string) => screen.getByRole('region', { name });

describe('the legal pages', { timeout: 20_000 }, () => {
  beforeEach(() => {
    prepareDom();
    prepareI18n();
    session.current = { status: 'visitor', user: null };
  });
  afterEach(async () => {
    cleanup();
    await switchLanguage('fi');
  });

  describe.each(['fi', 'sv', 'en'] as const)('in %s', (language) => {
    beforeEach(() => switchLanguage(language));

    it('the privacy notice names the controller and every part, and has no axe violations', async () => {
      renderWithApp(<PrivacyPage />, server().client, '/privacy');
      await screen.findByRole('heading', { level: 2, name: PRIVACY_H2[language][0] });
      expect(headings(1)).toEqual([PRIVACY_TITLE[language]]);
      expect(document.title).toContain(PRIVACY_TITLE[language]);
      expect(headings(2)).toEqual(PRIVACY_H2[language]);
      // The table of contents links each section by its id.
      const contents = screen.getByRole('navigation');
      expect(
        within(contents)
          .getAllByRole('link')
          .map((a) => a.getAttribute('href')),
      ).toHaveLength(11);
      for (const link of within(contents).getAllByRole('link')) {
        expect(document.getElementById(link.getAttribute('href')!.slice(1))).not.toBeNull();
      }
      const controller = section(PRIVACY_H2[language][0]!);
      expect(controller.textContent).toContain('Lapin Testiklusteri ry');
      expect(controller.textContent).toContain('1234567-8');
      expect(controller.textContent).toContain('Testikatu 1, 96100 Rovaniemi');
      expect(
        within(section(PRIVACY_H2[language][1]!)).getByRole('link', { name: 'tietosuoja@klusteri.test' }),
      ).toBeTruthy();
      expect(await axeViolations()).toEqual([]);
    });

    it('the accessibility statement gives the evaluation date, the feedback channel and the authority, without axe violations', async () => {
      renderWithApp(<AccessibilityPage />, server().client, '/accessibility');
      await screen.findByRole('link', { name: 'saavutettavuus@klusteri.test' });
      expect(headings(1)).toEqual([ACCESSIBILITY_TITLE[language]]);
      expect(headings(2)).toHaveLength(5);
      const text = document.body.textContent!;
      expect(text).toContain('WCAG 2.1');
      expect(text).toContain('Lapin Testiklusteri ry');
      // 30 November 2026 in the reader's format.
      expect(text).toContain({ fi: '30.11.2026', sv: '30 nov. 2026', en: '30 Nov 2026' }[language]);
      expect(text).toContain('0295 016 000');
      expect(screen.getByRole('link', { name: 'saavutettavuus@avi.fi' }).getAttribute('href')).toBe(
        'mailto:saavutettavuus@avi.fi',
      );
      expect(screen.getByRole('link', { name: 'www.saavutettavuusvaatimukset.fi' })).toBeTruthy();
      const form = screen.getByRole('link', {
        name: { fi: 'Palautelomake', sv: 'Responsformulär', en: 'Feedback form' }[language],
      });
      expect(form.getAttribute('href')).toBe('/contact?topic=ACCESSIBILITY');
      expect(await axeViolations()).toEqual([]);
    });

    it('the contact page gives the operator’s details and a form, without axe violations', async () => {
      renderWithApp(<ContactPage />, server().client, '/contact');
      await screen.findByRole('link', { name: 'info@klusteri.test' });
      expect(screen.getByRole('link', { name: '+358 40 123 4567' }).getAttribute('href')).toBe('tel:+358401234567');
      expect(screen.getByRole('link', { name: 'tietosuoja@klusteri.test' })).toBeTruthy();
      expect(screen.getByRole('radiogroup')).toBeTruthy();
      expect(await axeViolations()).toEqual([]);
    });
  });

  it('shows the retention periods as configured, each in its words', async () => {
    renderWithApp(<PrivacyPage />, server().client, '/privacy');
    const retention = await screen.findByRole('region', { name: 'Kuinka kauan tietoja säilytetään' });
    const items = within(retention)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items[0]).toContain('on kulunut 1 kuukausi');
    expect(items[0]).toContain('14 päivää varoituksen jälkeen');
    expect(items[2]).toContain('6 kuukautta hakemuksen päättymisen jälkeen');
    expect(items[3]).toContain('18 kuukautta toteutuskerran jälkeen');
    expect(items[4]).toContain('36 kuukautta');
    expect(items[5]).toContain('84 kuukautta');
    expect(items[6]).toContain('30 päivää');
    expect(section('Kuka on katsonut tietojasi').textContent).toContain('36 kuukautta');
  });

  it('links each right to where it is used, and the Data Protection Ombudsman', async () => {
    renderWithApp(<PrivacyPage />, server().client, '/privacy');
    const rights = await screen.findByRole('region', { name: 'Oikeutesi ja niiden käyttäminen' });
    const hrefs = within(rights)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('/account#your-data');
    expect(hrefs).toContain('/account');
    expect(hrefs).toContain('/my/profile');
    expect(hrefs).toContain('/contact?topic=PRIVACY');
    expect(hrefs).toContain('https://tietosuoja.fi');
    expect(rights.textContent).toContain('PL 800, 00531 Helsinki');
    expect(section('Evästeet').textContent).toContain('ei käytä analytiikka-');
    expect(section('Kuka tietojasi näkee ja kenelle niitä luovutetaan').textContent).toContain(
      'Euroopan talousalueen ulkopuolelle',
    );
  });
});

describe('the feedback form', { timeout: 20_000 }, () => {
  beforeEach(() => {
    prepareDom();
    session.current = { status: 'visitor', user: null };
  });
  afterEach(cleanup);

  const messageBox = () => screen.getByRole('textbox', { name: /^Viesti/ });

  it('takes the topic and page from the address and sends the feedback, then thanks the sender', async () => {
    const graphql = server();
    renderWithApp(<ContactPage />, graphql.client, '/contact?topic=ACCESSIBILITY&page=/reports');
    const user = userEvent.setup({ delay: null });
    expect((screen.getByRole('radio', { name: /Saavutettavuus/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('textbox', { name: /^Sivu/ }) as HTMLInputElement).value).toBe('/reports');
    await user.type(messageBox(), 'Kartta ei toimi näppäimistöllä.');
    await user.type(screen.getByRole('textbox', { name: /^Sähköpostiosoite/ }), 'Aino@Example.fi');
    await user.click(screen.getByRole('button', { name: 'Lähetä palaute' }));
    const status = await screen.findByText(/Kiitos palautteestasi/);
    expect(status.textContent).toContain('Vastaamme osoitteeseen aino@example.fi.');
    expect(graphql.named('SendFeedback')).toEqual([
      {
        operationName: 'SendFeedback',
        variables: {
          input: {
            topic: 'ACCESSIBILITY',
            message: 'Kartta ei toimi näppäimistöllä.',
            page: '/reports',
            name: null,
            email: 'aino@example.fi',
          },
        },
      },
    ]);
    // Another can be sent: the form comes back empty.
    await user.click(screen.getByRole('button', { name: 'Lähetä uusi palaute' }));
    expect((messageBox() as HTMLTextAreaElement).value).toBe('');
  });

  it('says when no answer can come, for anonymous feedback', async () => {
    renderWithApp(<ContactPage />, server().client, '/contact?topic=GENERAL');
    const user = userEvent.setup({ delay: null });
    await user.type(messageBox(), 'Hyvä palvelu.');
    await user.click(screen.getByRole('button', { name: 'Lähetä palaute' }));
    expect((await screen.findByText(/Kiitos palautteestasi/)).textContent).toContain('emme voi vastata');
  });

  it('shows field errors linked to their fields, focuses the first, and sends nothing', async () => {
    const graphql = server();
    const view = renderWithApp(<ContactPage />, graphql.client, '/contact?topic=nonsense');
    const user = userEvent.setup({ delay: null });
    // An unknown topic in the address chooses none.
    expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    await user.type(screen.getByRole('textbox', { name: /^Sähköpostiosoite/ }), 'ei-osoite');
    await user.click(screen.getByRole('button', { name: 'Lähetä palaute' }));
    await waitFor(() => expect(messageBox().getAttribute('aria-invalid')).toBe('true'));
    const described = (element: HTMLElement) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(described(messageBox())).toContain('Tämä tieto tarvitaan.');
    const email = screen.getByRole('textbox', { name: /^Sähköpostiosoite/ });
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(described(email)).toContain('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(screen.getByRole('radiogroup').textContent).toContain('Valitse jokin vaihtoehdoista.');
    expect(graphql.named('SendFeedback')).toHaveLength(0);
    // The page itself (react-aria's live announcer adds a node of its own to the body for a while).
    expect(await axeViolations(view.container)).toEqual([]);
  });

  it('puts the server’s field errors on their fields', async () => {
    const graphql = server(() =>
      graphqlError('VALIDATION', { fields: [{ field: 'message', message: 'validation.tooLong' }] }),
    );
    renderWithApp(<ContactPage />, graphql.client, '/contact?topic=PRIVACY');
    const user = userEvent.setup({ delay: null });
    await user.type(messageBox(), 'Pitkä viesti');
    await user.click(screen.getByRole('button', { name: 'Lähetä palaute' }));
    await waitFor(() => expect(messageBox().getAttribute('aria-invalid')).toBe('true'));
    expect(document.activeElement).toBe(messageBox());
  });

  it('tells how long to wait when the limit is reached', async () => {
    const graphql = server(() => graphqlError('RATE_LIMITED', { retryAfterSeconds: 1800 }));
    renderWithApp(<ContactPage />, graphql.client, '/contact?topic=GENERAL');
    const user = userEvent.setup({ delay: null });
    await user.type(messageBox(), 'Taas');
    await user.click(screen.getByRole('button', { name: 'Lähetä palaute' }));
    const alert = await waitFor(() => {
      const found = screen.getAllByRole('alert').find((a) => a.textContent);
      expect(found).toBeTruthy();
      return found!;
    });
    expect(alert.textContent).toBe('Liian monta yritystä lyhyessä ajassa. Yritä uudelleen 30 minuutin kuluttua.');
    expect(screen.queryByText(/Kiitos palautteestasi/)).toBeNull();
  });
});

describe('signing up', () => {
  beforeEach(() => {
    prepareDom();
    session.current = { status: 'visitor', user: null };
  });
  afterEach(cleanup);

  it('links the privacy notice next to the submit button', async () => {
    const { SignUpPage } = await import('../../auth');
    renderWithApp(<SignUpPage />, server().client, '/sign-up');
    const link = screen.getByRole('link', { name: 'tietosuojaselosteessa' });
    expect(link.getAttribute('href')).toBe('/privacy');
    expect(link.closest('form')).toBe(screen.getByRole('button', { name: 'Luo tili' }).closest('form'));
  });
});
