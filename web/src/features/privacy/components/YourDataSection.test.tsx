// @vitest-environment jsdom
import type { Locale } from '@keskusvaraamo/shared';
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import {
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  studentSession,
  switchLanguage,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { readNotice } from '../../../shared/utils/notice';
import type { DataAccessEvent, ErasurePreview } from '../operations';
import { YourDataSection } from './YourDataSection';

const session = vi.hoisted(() => ({ current: null as unknown, signOut: vi.fn() }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({ ...(session.current as object), signOut: session.signOut }),
}));

const download = vi.hoisted(() => ({ withAuth: vi.fn() }));
vi.mock('../../../shared/utils/download', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/utils/download')>()),
  downloadWithAuth: download.withAuth,
}));

const event = (id: string, overrides: Partial<DataAccessEvent> = {}): DataAccessEvent => ({
  id,
  // 12.00 in Helsinki (summer time, UTC+3).
  at: '2026-06-10T09:00:00Z',
  viewerName: 'Kaisa Koordinaattori',
  viewerRoles: ['COORDINATOR'],
  organisationName: null,
  kind: 'PROFILE',
  source: 'PROFILE_PAGE',
  ...overrides,
});

const FIRST_PAGE: DataAccessEvent[] = [
  event('e1'),
  event('e2', {
    at: '2026-06-01T06:30:00Z',
    viewerName: 'Erkki Yrittäjä',
    viewerRoles: ['ENTREPRENEUR'],
    organisationName: 'Tunturienergia Oy',
    kind: 'PROFILE',
    source: 'MATCHING',
  }),
  event('e3', {
    at: '2026-05-20T10:00:00Z',
    viewerName: ERASED_TEXT,
    viewerRoles: ['ADMIN'],
    kind: 'APPLICATION',
    source: 'APPLICATIONS',
  }),
];

const NOTHING_TO_DO: ErasurePreview = {
  blockers: [],
  bookingsToCancel: 0,
  applicationsToWithdraw: 0,
  needsToClose: 0,
  organisationsToLeave: 0,
  messagesToErase: 0,
};

const A_STUDENT: ErasurePreview = {
  ...NOTHING_TO_DO,
  bookingsToCancel: 2,
  applicationsToWithdraw: 1,
  messagesToErase: 5,
};

const OWNER_BLOCKED: ErasurePreview = {
  ...NOTHING_TO_DO,
  organisationsToLeave: 1,
  blockers: [{ reason: 'LAST_OWNER', organisationId: 'o1', organisationName: 'Tunturienergia Oy' }],
};

interface ServerOptions {
  pages?: DataAccessEvent[][];
  previews?: ErasurePreview[];
  deleteAccount?: (operation: SentOperation) => Answer;
}

/** The log in pages (cursor "c<n>" after page n), the previews in the order asked, and deletion. */
function server({ pages = [FIRST_PAGE], previews = [A_STUDENT], deleteAccount }: ServerOptions = {}) {
  let previewsAsked = 0;
  return fakeGraphql((operation) => {
    switch (operation.operationName) {
      case 'DataAccessLog': {
        const after = operation.variables.after as string | null;
        const index = after ? Number(after.slice(1)) : 0;
        const hasNextPage = index + 1 < pages.length;
        return {
          data: {
            dataAccessLog: {
              nodes: pages[index] ?? [],
              pageInfo: { hasNextPage, endCursor: hasNextPage ? `c${index + 1}` : null },
            },
          },
        };
      }
      case 'DataAccessLogRetention':
        return { data: { legalInfo: { dataAccessLogMonths: 24 } } };
      case 'ErasurePreview': {
        const preview = previews[Math.min(previewsAsked, previews.length - 1)];
        previewsAsked += 1;
        return { data: { erasurePreview: preview } };
      }
      case 'DeleteAccount':
        return deleteAccount ? deleteAccount(operation) : { data: { deleteAccount: true } };
      default:
        return { data: null };
    }
  });
}

/** The front page, saying which notice it was handed. */
function FrontPage() {
  const location = useLocation();
  return <h1>Etusivu: {readNotice(location.state) ?? 'ei ilmoitusta'}</h1>;
}

function renderSection(client: ReturnType<typeof fakeGraphql>['client']) {
  return renderRoutes(
    [
      { path: '/account', element: <YourDataSection /> },
      { path: '/', element: <FrontPage /> },
    ],
    '/account',
    client,
  );
}

/** The log's entries, each as its terms and descriptions ("Kuka: …"). */
const logEntries = () =>
  within(screen.getByRole('list', { name: 'Tietojesi katselut, uusin ensin' }))
    .getAllByRole('listitem')
    .map((item) =>
      [...item.querySelectorAll('dt')].map(
        (term) =>
          `${term.textContent}: ${(term.nextElementSibling?.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ')}`,
      ),
    );

/**
 * The section, which axe checks on its own: react-aria's live announcer, which a pending button of
 * an earlier test used, stays in the document with a label that no longer exists.
 */
const section = () => document.getElementById('your-data')!;

async function openDialog(user = userEvent.setup()) {
  await user.click(await screen.findByRole('button', { name: 'Poista tilini…' }));
  return { user, dialog: await screen.findByRole('dialog') };
}

describe('your data on the account page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    prepareDom();
    session.current = studentSession;
    session.signOut.mockReset();
    session.signOut.mockImplementation(async (options?: { beforeLocalEnd?: () => unknown }) => {
      await options?.beforeLocalEnd?.();
    });
    download.withAuth.mockReset();
  });
  afterEach(async () => {
    cleanup();
    await i18n.changeLanguage('fi');
  });

  it('shows who has looked at the data, newest first, in Helsinki time, with a deleted viewer translated', async () => {
    const { client } = server();
    renderSection(client);

    expect(screen.getByRole('heading', { level: 2, name: 'Omat tietosi' })).toBeTruthy();
    expect(document.getElementById('your-data')).toBe(screen.getByRole('heading', { level: 2 }).closest('section'));
    expect(await screen.findByText(/Kukin merkintä säilytetään 24 kuukautta/)).toBeTruthy();
    await screen.findByText('Kaisa Koordinaattori');
    expect(logEntries()).toEqual([
      [
        'Milloin: 10.6.2026 klo 12.00',
        'Kuka: Kaisa Koordinaattori',
        'Rooli: Koordinaattori',
        'Mitä: Opiskelijaprofiilisi',
        'Missä: Profiilisivu',
      ],
      [
        'Milloin: 1.6.2026 klo 9.30',
        'Kuka: Erkki Yrittäjä',
        'Rooli: Yrittäjä',
        'Organisaatio: Tunturienergia Oy',
        'Mitä: Opiskelijaprofiilisi',
        'Missä: Sopivuusehdotukset',
      ],
      [
        'Milloin: 20.5.2026 klo 13.00',
        'Kuka: Poistettu käyttäjä',
        'Rooli: Ylläpitäjä',
        'Mitä: Hakemuksesi ja sen saatekirje',
        'Missä: Hakemukset',
      ],
    ]);
    // The raw marker is never shown.
    expect(document.body.textContent).not.toContain(ERASED_TEXT);
    expect(screen.getByRole('link', { name: 'Lue tietosuojaseloste' }).getAttribute('href')).toBe('/privacy');
  });

  it('says plainly when nobody has opened the data', async () => {
    const { client } = server({ pages: [[]] });
    renderSection(client);
    expect(await screen.findByText('Kukaan ei ole vielä avannut tietojasi.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();
  });

  it('shows more of the log a page at a time, keeping the rows already shown', async () => {
    const { client, named } = server({ pages: [FIRST_PAGE, [event('e4', { at: '2026-04-01T09:00:00Z' })]] });
    renderSection(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä lisää' }));
    await waitFor(() => expect(logEntries()).toHaveLength(4));
    expect(logEntries()[3]![0]).toBe('Milloin: 1.4.2026 klo 12.00');
    expect(named('DataAccessLog').map((operation) => operation.variables)).toEqual([
      { first: 20, after: null },
      { first: 20, after: 'c1' },
    ]);
    expect(screen.queryByRole('button', { name: 'Näytä lisää' })).toBeNull();
  });

  it('shows a failure to load the log translated, with a way to try again', async () => {
    let fail = true;
    const { client } = fakeGraphql((operation) => {
      if (operation.operationName !== 'DataAccessLog') return { data: { legalInfo: { dataAccessLogMonths: 24 } } };
      if (fail) return graphqlError('FORBIDDEN');
      return { data: { dataAccessLog: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } };
    });
    renderSection(client);
    expect(await screen.findByText('Sinulla ei ole oikeutta tähän toimintoon.')).toBeTruthy();
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Yritä uudelleen' }));
    expect(await screen.findByText('Kukaan ei ole vielä avannut tietojasi.')).toBeTruthy();
  });

  it('downloads the data as a JSON file named by today in Helsinki, and shows a failure translated', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 23.30 UTC on 14 June is already 15 June in Helsinki.
    vi.setSystemTime(new Date('2026-06-14T23:30:00Z'));
    try {
      download.withAuth
        .mockResolvedValueOnce(null)
        .mockResolvedValueOnce({ code: 'RATE_LIMITED', fields: [], retryAfterSeconds: 60 });
      const { client } = server();
      renderSection(client);
      const user = userEvent.setup();
      const button = screen.getByRole('button', { name: 'Lataa tietoni (JSON)' });
      await user.click(button);
      expect(download.withAuth).toHaveBeenCalledWith('/api/me/data-export.json', 'keskusvaraamo-data-2026-06-15.json');
      expect(screen.queryAllByRole('alert').filter((alert) => alert.textContent)).toEqual([]);
      await user.click(button);
      expect(await screen.findByText(/Liian monta yritystä lyhyessä ajassa/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it.each<[Locale, string, string, string, string]>([
    ['fi', 'Omat tietosi', 'Kuka on katsonut tietojasi', 'Poistettu käyttäjä', 'Poista tilini…'],
    ['sv', 'Dina uppgifter', 'Vem har tittat på dina uppgifter', 'Raderad användare', 'Radera mitt konto…'],
    ['en', 'Your data', 'Who has looked at your data', 'Deleted user', 'Delete my account…'],
  ])('reads in %s, with no accessibility violations', async (language, heading, logHeading, deleted, open) => {
    const { client } = server();
    renderSection(client);
    await screen.findByText('Kaisa Koordinaattori');
    await switchLanguage(language);
    expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: logHeading })).toBeTruthy();
    expect(screen.getByText(deleted)).toBeTruthy();
    expect(screen.getByRole('button', { name: open })).toBeTruthy();
    expect(await axeViolations(section())).toEqual([]);
  });

  describe('deleting the account', () => {
    it('shows what will happen, then asks for the password and the tick, then signs out to the front page', async () => {
      const { client, named } = server();
      renderSection(client);
      const { user, dialog } = await openDialog();

      // Step 1: what deletion will do; only what applies is said.
      expect(within(dialog).getByRole('heading', { name: 'Poistetaanko tilisi?' })).toBeTruthy();
      await within(dialog).findByText(/2 tulevien kurssien varausta perutaan/);
      const items = within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
      expect(items).toEqual([
        '2 tulevien kurssien varausta perutaan, ja niiden paikat siirtyvät jonoissa seuraaville.',
        '1 avoin hakemus perutaan, ja yritykselle kerrotaan siitä.',
        '5 kirjoittamasi viestin tekstit poistetaan.',
        expect.stringContaining('Nimesi, sähköpostiosoitteesi, profiilisi'),
      ]);
      expect(await axeViolations(dialog)).toEqual([]);
      await user.click(within(dialog).getByRole('button', { name: 'Jatka' }));

      // Step 2: its heading takes focus, so that it is read out.
      const confirmHeading = await within(dialog).findByRole('heading', { name: 'Vahvista tilin poistaminen' });
      expect(document.activeElement).toBe(confirmHeading);
      expect(await axeViolations(dialog)).toEqual([]);

      // Neither the password nor the tick may be left out.
      await user.click(within(dialog).getByRole('button', { name: 'Poista tilini' }));
      expect(await within(dialog).findByText('Tämä tieto tarvitaan.')).toBeTruthy();
      expect(within(dialog).getByText('Vahvista poisto valitsemalla tämä kohta.')).toBeTruthy();
      expect(within(dialog).getByRole('checkbox').getAttribute('aria-describedby')).toBeTruthy();
      expect(named('DeleteAccount')).toEqual([]);

      await user.type(within(dialog).getByLabelText(/^Salasana/), 'oma-salasana-1');
      await user.click(within(dialog).getByRole('checkbox', { name: /Ymmärrän/ }));
      await user.click(within(dialog).getByRole('button', { name: 'Poista tilini' }));

      expect(await screen.findByRole('heading', { name: 'Etusivu: accountDeleted' })).toBeTruthy();
      expect(named('DeleteAccount').map((operation) => operation.variables)).toEqual([
        { input: { password: 'oma-salasana-1' } },
      ]);
      expect(session.signOut).toHaveBeenCalledTimes(1);
    });

    it('says a wrong password on the field, and deletes nothing', async () => {
      const { client, named } = server({ deleteAccount: () => graphqlError('INVALID_CREDENTIALS') });
      renderSection(client);
      const { user, dialog } = await openDialog();
      await user.click(await within(dialog).findByRole('button', { name: 'Jatka' }));
      const password = await within(dialog).findByLabelText(/^Salasana/);
      await user.type(password, 'väärä-salasana');
      await user.click(within(dialog).getByRole('checkbox'));
      await user.click(within(dialog).getByRole('button', { name: 'Poista tilini' }));

      expect(await within(dialog).findByText('Nykyinen salasana on väärin.')).toBeTruthy();
      expect(password.getAttribute('aria-invalid')).toBe('true');
      await waitFor(() => expect(document.activeElement).toBe(password));
      expect(named('DeleteAccount')).toHaveLength(1);
      expect(session.signOut).not.toHaveBeenCalled();
      expect(screen.getByRole('dialog')).toBeTruthy();
    });

    it('lists what blocks deletion with a link to resolve it, and offers no way on until it is resolved', async () => {
      const { client } = server({ previews: [OWNER_BLOCKED] });
      renderSection(client);
      const { dialog } = await openDialog();
      expect(await within(dialog).findByRole('heading', { name: 'Ratkaise nämä ensin' })).toBeTruthy();
      expect(
        within(dialog).getByText(/Olet organisaation Tunturienergia Oy ainoa omistaja, ja sillä on muitakin jäseniä/),
      ).toBeTruthy();
      expect(
        within(dialog)
          .getByRole('link', { name: 'Siirry organisaation Tunturienergia Oy jäseniin' })
          .getAttribute('href'),
      ).toBe('/organisations/o1#members-heading');
      expect(within(dialog).queryByRole('button', { name: 'Jatka' })).toBeNull();
      expect(await axeViolations(dialog)).toEqual([]);
    });

    it('goes back to the blockers when the server refuses with ERASURE_BLOCKED', async () => {
      const { client, named } = server({
        previews: [NOTHING_TO_DO, OWNER_BLOCKED],
        deleteAccount: () => graphqlError('ERASURE_BLOCKED', { blockers: ['LAST_OWNER'] }),
      });
      renderSection(client);
      const { user, dialog } = await openDialog();
      await user.click(await within(dialog).findByRole('button', { name: 'Jatka' }));
      await user.type(await within(dialog).findByLabelText(/^Salasana/), 'oma-salasana-1');
      await user.click(within(dialog).getByRole('checkbox'));
      await user.click(within(dialog).getByRole('button', { name: 'Poista tilini' }));

      expect(await within(dialog).findByText(/Tiliä ei voi vielä poistaa/)).toBeTruthy();
      expect(await within(dialog).findByRole('link', { name: /Tunturienergia Oy/ })).toBeTruthy();
      expect(named('ErasurePreview')).toHaveLength(2);
      expect(session.signOut).not.toHaveBeenCalled();
    });

    it('works from the keyboard: opens, moves between the steps, and Escape gives focus back', async () => {
      const { client } = server();
      renderSection(client);
      const user = userEvent.setup();
      const open = await screen.findByRole('button', { name: 'Poista tilini…' });
      open.focus();
      await user.keyboard('{Enter}');
      const dialog = await screen.findByRole('dialog');
      await within(dialog).findByRole('button', { name: 'Jatka' });
      // Focus stays inside the dialog: Tab goes round its buttons.
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
      within(dialog).getByRole('button', { name: 'Jatka' }).focus();
      await user.keyboard('{Enter}');
      await within(dialog).findByRole('heading', { name: 'Vahvista tilin poistaminen' });
      await user.tab();
      expect(document.activeElement).toBe(within(dialog).getByLabelText(/^Salasana/));
      await user.keyboard('oma-salasana-1');
      await user.tab(); // the show-password toggle
      await user.tab();
      expect(document.activeElement).toBe(within(dialog).getByRole('checkbox'));
      await user.keyboard(' ');
      expect(within(dialog).getByRole('checkbox')).toHaveProperty('checked', true);
      await user.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
      await waitFor(() => expect(document.activeElement).toBe(open));
    });
  });
});
