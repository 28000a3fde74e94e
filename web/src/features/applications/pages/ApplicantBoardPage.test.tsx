// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGraphql, prepareDom, renderRoutes, type SentOperation } from '../../../shared/testing';
import type { Application } from '../operations';
import { actionsFor, application, NEED_ID } from '../testData';
import { ApplicantBoardPage } from './ApplicantBoardPage';

const LONG_LETTER = `Hei! ${'Olen asentanut aurinkopaneeleja kesätöissä ja opiskelen sähkötekniikkaa. '.repeat(6)}Loppu.`;

/** A fake server with these applications, moving them as the company's mutations ask. */
function board(list: Application[]) {
  const applications = new Map(list.map((a) => [a.id, a]));
  const move = (operation: SentOperation, state: Application['state'], field: string) => {
    const id = String(operation.variables.id);
    const moved: Application = {
      ...applications.get(id)!,
      state,
      actions: actionsFor(state, 'ORGANISATION'),
      rejectReason: state === 'REJECTED' ? ((operation.variables.reason as string | null) ?? null) : null,
    };
    applications.set(id, moved);
    return { data: { [field]: moved } };
  };
  return fakeGraphql((operation) => {
    switch (operation.operationName) {
      case 'ApplicantBoardNeed':
        return {
          data: {
            need: {
              id: NEED_ID,
              title: 'Aurinkosähköasentaja',
              kind: 'INTERNSHIP',
              state: 'OPEN',
              positions: 1,
              applicationCount: applications.size,
              organisation: { id: 'o1', name: 'Tunturienergia Oy' },
            },
          },
        };
      case 'NeedApplications':
        return {
          data: {
            needApplications: {
              nodes: [...applications.values()],
              pageInfo: { hasNextPage: false, endCursor: null },
              totalCount: applications.size,
            },
          },
        };
      case 'ShortlistApplication':
        return move(operation, 'SHORTLISTED', 'shortlistApplication');
      case 'OfferApplication':
        return move(operation, 'OFFERED', 'offerApplication');
      case 'RejectApplication':
        return move(operation, 'REJECTED', 'rejectApplication');
      default:
        return { data: null };
    }
  });
}

function renderBoard(client: ReturnType<typeof fakeGraphql>['client']) {
  return renderRoutes(
    [{ path: '/needs/:id/applicants', element: <ApplicantBoardPage /> }],
    `/needs/${NEED_ID}/applicants`,
    client,
  );
}

const column = (name: RegExp) => screen.getByRole('region', { name });
const card = (name: string) => screen.getByRole('listitem', { name });
const buttonsOf = (item: HTMLElement) =>
  within(item)
    .getAllByRole('button')
    .map((button) => button.textContent);

describe('the applicant board', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('groups applicants by state and offers on each card what the company may do in that state', async () => {
    const { client } = board([
      application('a1', { state: 'SUBMITTED', studentName: 'Aino Aalto', coverLetter: LONG_LETTER }),
      application('a2', { state: 'SHORTLISTED', studentName: 'Bertta Berg' }),
      application('a3', { state: 'OFFERED', studentName: 'Cecilia Castrén' }),
      application('a4', { state: 'ACCEPTED', studentName: 'Daniel Dahl' }),
      application('a5', { state: 'WITHDRAWN', studentName: 'Eero Eskola' }),
    ]);
    renderBoard(client);

    expect(await screen.findByRole('heading', { level: 1, name: 'Hakijat: Aurinkosähköasentaja' })).toBeTruthy();
    expect(within(column(/^Uudet/)).getByRole('listitem', { name: 'Aino Aalto' })).toBeTruthy();
    expect(within(column(/^Jatkoon valitut/)).getByRole('listitem', { name: 'Bertta Berg' })).toBeTruthy();
    expect(within(column(/^Tarjous tehty/)).getByRole('listitem', { name: 'Cecilia Castrén' })).toBeTruthy();
    expect(within(column(/^Hyväksyneet/)).getByRole('listitem', { name: 'Daniel Dahl' })).toBeTruthy();

    // Every card opens the conversation with its applicant; the moves depend on the state.
    expect(buttonsOf(card('Aino Aalto'))).toEqual([
      'Näytä koko hakemuskirje: Aino Aalto',
      'Valitse jatkoon: Aino Aalto',
      'Tee tarjous: Aino Aalto',
      'Hylkää: Aino Aalto',
      'Viestit: Aino Aalto',
    ]);
    expect(buttonsOf(card('Bertta Berg'))).toEqual([
      'Tee tarjous: Bertta Berg',
      'Hylkää: Bertta Berg',
      'Viestit: Bertta Berg',
    ]);
    expect(buttonsOf(card('Cecilia Castrén'))).toEqual(['Hylkää: Cecilia Castrén', 'Viestit: Cecilia Castrén']);
    expect(buttonsOf(card('Daniel Dahl'))).toEqual(['Viestit: Daniel Dahl']);

    // The profile in brief.
    const aino = card('Aino Aalto');
    expect(within(aino).getByText('Sähkö- ja automaatiotekniikka')).toBeTruthy();
    expect(within(aino).getByText('AMK- tai kandidaatintutkinto')).toBeTruthy();
    expect(within(aino).getByText('suomi, englanti')).toBeTruthy();
    expect(within(aino).getByRole('list', { name: 'Kiinnostavat aiheet' }).textContent).toBe('Aurinkosähkö');

    // Those no longer in play wait in a collapsed group.
    const closedGroup = screen.getByRole('button', { name: 'Hylätyt, kieltäytyneet ja perutut (1)' });
    expect(closedGroup.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(closedGroup);
    expect(closedGroup.getAttribute('aria-expanded')).toBe('true');
    expect(buttonsOf(card('Eero Eskola'))).toEqual(['Viestit: Eero Eskola']);
  });

  it('shows a long cover letter in full on request', async () => {
    const { client } = board([application('a1', { studentName: 'Aino Aalto', coverLetter: LONG_LETTER })]);
    renderBoard(client);
    const more = await screen.findByRole('button', { name: 'Näytä koko hakemuskirje: Aino Aalto' });
    const letter = document.getElementById(more.getAttribute('aria-controls')!)!;
    expect(letter.textContent).not.toContain('Loppu.');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await userEvent.setup().click(more);
    expect(letter.textContent).toBe(LONG_LETTER);
    expect(more.getAttribute('aria-expanded')).toBe('true');
  });

  it('shortlists, offers after confirming, and moves the card with its new buttons', async () => {
    const { client, named } = board([application('a1', { studentName: 'Aino Aalto' })]);
    renderBoard(client);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Valitse jatkoon: Aino Aalto' }));
    await waitFor(() =>
      expect(within(column(/^Jatkoon valitut/)).queryByRole('listitem', { name: 'Aino Aalto' })).toBeTruthy(),
    );
    expect(named('ShortlistApplication')[0]?.variables).toEqual({ id: 'a1' });
    expect(screen.getByText('Aino Aalto on valittu jatkoon.')).toBeTruthy();
    expect(buttonsOf(card('Aino Aalto'))).toEqual([
      'Tee tarjous: Aino Aalto',
      'Hylkää: Aino Aalto',
      'Viestit: Aino Aalto',
    ]);
    await waitFor(() => expect(document.activeElement?.id).toBe('applicant-a1'));

    await user.click(screen.getByRole('button', { name: 'Tee tarjous: Aino Aalto' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Tarjotaanko paikkaa: Aino Aalto?' });
    expect(named('OfferApplication')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Tee tarjous' }));
    await waitFor(() =>
      expect(within(column(/^Tarjous tehty/)).queryByRole('listitem', { name: 'Aino Aalto' })).toBeTruthy(),
    );
    expect(named('OfferApplication')[0]?.variables).toEqual({ id: 'a1' });
    expect(buttonsOf(card('Aino Aalto'))).toEqual(['Hylkää: Aino Aalto', 'Viestit: Aino Aalto']);
  });

  it('rejects with the reason given, which the card then shows in the closed group', async () => {
    const { client, named } = board([application('a1', { studentName: 'Aino Aalto' })]);
    renderBoard(client);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Hylkää: Aino Aalto' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Hylätäänkö hakemus: Aino Aalto?' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Perustelu hakijalle (vapaaehtoinen)' }),
      'Valitsimme kokeneemman hakijan.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Hylkää' }));

    await waitFor(() => expect(named('RejectApplication')).toHaveLength(1));
    expect(named('RejectApplication')[0]?.variables).toEqual({ id: 'a1', reason: 'Valitsimme kokeneemman hakijan.' });
    const group = await screen.findByRole('button', { name: 'Hylätyt, kieltäytyneet ja perutut (1)' });
    expect(group.getAttribute('aria-expanded')).toBe('true');
    expect(within(card('Aino Aalto')).getByText('Perustelu: Valitsimme kokeneemman hakijan.')).toBeTruthy();
    expect(within(column(/^Uudet/)).getByText('Ei hakemuksia.')).toBeTruthy();
  });
});
