// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGraphql, prepareDom, renderRoutes } from '../../../shared/testing';
import type { Application } from '../operations';
import { actionsFor, application } from '../testData';
import { ApplicationPage } from './ApplicationPage';

/** The student's offered application, as the server would move it on their answer. */
function server() {
  let current: Application = application('a1', {
    state: 'OFFERED',
    actions: actionsFor('OFFERED', 'APPLICANT'),
    events: [
      { id: 'e1', fromState: null, toState: 'SUBMITTED', actor: 'APPLICANT', reason: null, at: '2026-03-01T10:30:00Z' },
      {
        id: 'e2',
        fromState: 'SUBMITTED',
        toState: 'OFFERED',
        actor: 'ORGANISATION',
        reason: null,
        at: '2026-03-02T09:00:00Z',
      },
    ],
  });
  return fakeGraphql((operation) => {
    switch (operation.operationName) {
      case 'Application':
        return { data: { application: current } };
      case 'AcceptApplication':
        current = {
          ...current,
          state: 'ACCEPTED',
          actions: [],
          events: [
            ...current.events,
            {
              id: 'e3',
              fromState: 'OFFERED',
              toState: 'ACCEPTED',
              actor: 'APPLICANT',
              reason: null,
              at: '2026-03-03T09:00:00Z',
            },
          ],
        };
        return { data: { acceptApplication: current } };
      case 'Conversation':
        return {
          data: {
            conversation: {
              id: null,
              subjectKind: 'APPLICATION',
              subjectId: 'a1',
              title: current.need.title,
              unreadCount: 0,
              messages: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 },
            },
          },
        };
      default:
        return { data: null };
    }
  });
}

describe('a student’s application page', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('shows the offer with its timeline, and accepts it after a confirmation', async () => {
    const { client, named } = server();
    renderRoutes([{ path: '/my/applications/:id', element: <ApplicationPage /> }], '/my/applications/a1', client);

    expect(await screen.findByRole('heading', { level: 1, name: 'Hakemus: Aurinkosähköasentaja' })).toBeTruthy();
    expect(screen.getByText('Sinulle tarjotaan paikkaa')).toBeTruthy();
    const timeline = () =>
      within(screen.getByRole('region', { name: 'Tila' }))
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.timeline__title')?.textContent);
    expect(timeline()).toEqual(['Hakemus lähetetty', 'Paikkaa tarjottu']);
    expect(screen.getByRole('heading', { name: 'Viestit yrityksen kanssa' })).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'Tila' }))
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Hyväksy tarjous', 'Kieltäydy tarjouksesta', 'Peru hakemus']);
    expect(await screen.findByRole('textbox', { name: 'Viesti' })).toBeTruthy();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Hyväksy tarjous' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Hyväksytkö tarjouksen?' });
    expect(
      within(dialog).getByText('Otat vastaan paikan: Aurinkosähköasentaja. Yritys saa tiedon hyväksynnästäsi.'),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Hyväksy tarjous' }));

    await waitFor(() => expect(timeline()).toEqual(['Hakemus lähetetty', 'Paikkaa tarjottu', 'Tarjous hyväksytty']));
    expect(named('AcceptApplication')[0]?.variables).toEqual({ id: 'a1' });
    expect(screen.getByText('Olet hyväksynyt tarjouksen: Aurinkosähköasentaja.')).toBeTruthy();
    expect(screen.getByText('Olet ottanut paikan vastaan.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Hyväksy tarjous' })).toBeNull();
  });
});
