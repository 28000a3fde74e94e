// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  entrepreneurSession,
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderRoutes,
  studentSession,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { application, NEED_ID } from '../testData';
import { NeedApplications, type ApplicableNeed } from './NeedApplications';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const NEED: ApplicableNeed = {
  id: NEED_ID,
  title: 'Aurinkosähköasentaja',
  kind: 'INTERNSHIP',
  state: 'OPEN',
  applicationDeadline: null,
  organisation: { id: 'o1', name: 'Tunturienergia Oy' },
};

function server(
  info: { applicationCount: number | null; myApplication: unknown },
  apply?: (op: SentOperation) => Answer,
) {
  return fakeGraphql((operation) => {
    if (operation.operationName === 'NeedApplicationInfo') return { data: { need: { id: NEED_ID, ...info } } };
    if (operation.operationName === 'MyApplicantProfile')
      return { data: { myStudentProfile: { userId: 'u1', fieldOfStudy: 'Sähkötekniikka', studyLevel: 'BACHELOR' } } };
    if (operation.operationName === 'ApplyToNeed' && apply) return apply(operation);
    return { data: null };
  });
}

function renderNeed(client: ReturnType<typeof fakeGraphql>['client'], need = NEED) {
  return renderRoutes(
    [
      { path: '/needs/:id', element: <NeedApplications need={need} /> },
      { path: '/my/applications/:id', element: <h1>Hakemus</h1> },
    ],
    `/needs/${NEED_ID}`,
    client,
  );
}

describe('applying on a need’s page', () => {
  beforeEach(() => {
    prepareDom();
    session.current = studentSession;
  });
  afterEach(cleanup);

  it('asks a visitor to sign in, and shows nothing to apply with to others', async () => {
    session.current = { status: 'visitor', user: null };
    const { client } = server({ applicationCount: null, myApplication: null });
    const { unmount } = renderNeed(client);
    const link = await screen.findByRole('link', { name: 'Kirjaudu sisään ja hae' });
    expect(link.getAttribute('href')).toBe(`/sign-in?returnTo=${encodeURIComponent(`/needs/${NEED_ID}`)}`);
    unmount();

    session.current = entrepreneurSession;
    const { container } = renderNeed(client);
    await waitFor(() => expect(container.textContent).toBe(''));
    expect(screen.queryByRole('button', { name: 'Hae' })).toBeNull();
  });

  it('leads the need’s side to its applicants with the count', async () => {
    session.current = entrepreneurSession;
    const { client } = server({ applicationCount: 3, myApplication: null });
    renderNeed(client);
    const link = await screen.findByRole('link', { name: 'Näytä hakijat (3)' });
    expect(link.getAttribute('href')).toBe(`/needs/${NEED_ID}/applicants`);
    expect(screen.queryByRole('button', { name: 'Hae' })).toBeNull();
  });

  it('lets a student apply with a cover letter, counting its characters, and confirms with a link', async () => {
    const { client, named } = server({ applicationCount: null, myApplication: null }, ({ variables }) => ({
      data: {
        applyToNeed: application('new-1', {
          coverLetter: (variables.input as { coverLetter: string }).coverLetter,
          actions: ['WITHDRAW'],
        }),
      },
    }));
    renderNeed(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hae' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hae: Aurinkosähköasentaja' });

    expect(
      within(dialog).getByText(/profiilisi .* jaetaan hakemuksen mukana: Tunturienergia Oy näkee sen/),
    ).toBeTruthy();
    expect(await within(dialog).findByText(/Profiilisi: Sähkötekniikka, AMK- tai kandidaatintutkinto/)).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Muokkaa profiilia' }).getAttribute('href')).toBe('/my/profile');

    const letter = within(dialog).getByRole('textbox', { name: 'Hakemuskirje' });
    expect(within(dialog).getByText('0/5000 merkkiä')).toBeTruthy();
    await user.type(letter, 'Haluan oppia asentamaan.');
    expect(within(dialog).getByText('24/5000 merkkiä')).toBeTruthy();
    expect(letter.getAttribute('aria-describedby')).toContain(within(dialog).getByText('24/5000 merkkiä').id);

    await user.click(within(dialog).getByRole('button', { name: 'Lähetä hakemus' }));
    expect(await within(dialog).findByRole('heading', { name: 'Hakemus on lähetetty' })).toBeTruthy();
    expect(named('ApplyToNeed')[0]?.variables).toEqual({
      input: { needId: NEED_ID, coverLetter: 'Haluan oppia asentamaan.' },
    });
    expect(within(dialog).getByRole('link', { name: 'Näytä hakemus' }).getAttribute('href')).toBe(
      '/my/applications/new-1',
    );
  });

  it('refuses an empty letter, and tells of an earlier application with a link to it', async () => {
    const { client, named } = server({ applicationCount: null, myApplication: null }, () =>
      graphqlError('ALREADY_APPLIED', { applicationId: 'old-1' }),
    );
    renderNeed(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hae' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä hakemus' }));
    expect(await within(dialog).findByText('Tämä tieto tarvitaan.')).toBeTruthy();
    expect(named('ApplyToNeed')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: 'Hakemuskirje' }), 'Hei');
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä hakemus' }));
    const alert = await within(dialog).findByText(/Olet jo hakenut tähän tehtävään/);
    expect(within(alert).getByRole('link', { name: 'Näytä hakemus' }).getAttribute('href')).toBe(
      '/my/applications/old-1',
    );
  });

  it('shows a student their application’s state instead of applying again', async () => {
    const { client } = server({
      applicationCount: null,
      myApplication: { id: 'a1', state: 'SHORTLISTED', createdAt: '2026-03-01T10:30:00Z' },
    });
    renderNeed(client);
    expect(await screen.findByText('Valittu jatkoon')).toBeTruthy();
    expect(screen.getByText(/Hait tähän 1\. maaliskuuta 2026/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Näytä hakemus' }).getAttribute('href')).toBe('/my/applications/a1');
    expect(screen.queryByRole('button', { name: 'Hae' })).toBeNull();
  });
});
