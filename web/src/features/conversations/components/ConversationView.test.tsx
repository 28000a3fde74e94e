// @vitest-environment jsdom
import { ERASED_TEXT } from '@keskusvaraamo/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '../operations';
import {
  fakeGraphql,
  graphqlError,
  prepareDom,
  renderWithApp,
  type Answer,
  type SentOperation,
} from '../../../shared/testing';
import { ConversationView } from './ConversationView';

const SUBJECT = { kind: 'APPLICATION' as const, id: '3b0c7f5e-5d7a-4c55-9a43-1f0b8c1e2a10' };

function message(id: string, fields: Partial<Message>): Message {
  return {
    id,
    body: `Viesti ${id}`,
    authorName: 'Erkki Yrittäjä',
    mine: false,
    createdAt: '2026-03-02T08:00:00Z',
    ...fields,
  };
}

/** The thread as the API answers it: newest first, a page at a time. */
function thread(nodes: Message[], { unreadCount = 0, hasNextPage = false, totalCount = nodes.length } = {}) {
  return {
    conversation: {
      id: 'c1',
      subjectKind: 'APPLICATION',
      subjectId: SUBJECT.id,
      title: 'Aurinkosähköasentaja',
      unreadCount,
      messages: { nodes, pageInfo: { hasNextPage, endCursor: hasNextPage ? 'cursor-1' : null }, totalCount },
    },
  };
}

function server(answers: Partial<Record<string, (operation: SentOperation) => Answer>>) {
  return fakeGraphql((operation) => answers[operation.operationName]?.(operation) ?? { data: null });
}

const render = (client: ReturnType<typeof fakeGraphql>['client']) =>
  renderWithApp(<ConversationView subject={SUBJECT} pollMs={0} />, client);

describe('ConversationView', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('shows the messages oldest first with author and Helsinki time, and marks the thread read', async () => {
    const { client, named } = server({
      Conversation: () => ({
        data: thread(
          [
            message('m2', { body: 'Tervetuloa haastatteluun!', createdAt: '2026-03-02T08:00:00Z' }),
            message('m1', {
              body: 'Kiitos hakemuksesta.',
              mine: true,
              authorName: 'Sanni',
              createdAt: '2026-03-01T10:30:00Z',
            }),
          ],
          { unreadCount: 1 },
        ),
      }),
      MarkConversationRead: () => ({ data: { markConversationRead: { id: 'c1', unreadCount: 0 } } }),
    });
    render(client);

    const list = await screen.findByRole('list', { name: 'Viestit (2)' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Sinä 1.3.2026 klo 12.30Kiitos hakemuksesta.',
      'Erkki Yrittäjä 2.3.2026 klo 10.00Tervetuloa haastatteluun!',
    ]);
    await waitFor(() =>
      expect(named('MarkConversationRead')).toEqual([expect.objectContaining({ variables: { id: 'c1' } })]),
    );
  });

  it('shows a deleted author and their removed text in words, never as the raw marker', async () => {
    const { client } = server({
      Conversation: () => ({
        data: thread([
          message('m2', { body: 'Kiitos, hyvää jatkoa!' }),
          message('m1', { body: ERASED_TEXT, authorName: ERASED_TEXT, createdAt: '2026-03-01T10:30:00Z' }),
        ]),
      }),
    });
    render(client);
    const list = await screen.findByRole('list', { name: 'Viestit (2)' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Poistettu käyttäjä 1.3.2026 klo 12.30Poistettu',
      'Erkki Yrittäjä 2.3.2026 klo 10.00Kiitos, hyvää jatkoa!',
    ]);
    expect(list.textContent).not.toContain(ERASED_TEXT);
  });

  it('sends a message, then shows it and says so politely', async () => {
    const messages: Message[] = [];
    const { client, named } = server({
      Conversation: () => ({ data: thread([...messages]) }),
      SendMessage: ({ variables }) => {
        const sent = message('m9', { body: String(variables.body), mine: true, authorName: 'Sanni' });
        messages.unshift(sent);
        return { data: { sendMessage: { ...sent, conversationId: 'c1' } } };
      },
    });
    render(client);
    expect(await screen.findByText('Ei vielä viestejä. Kirjoita ensimmäinen viesti alle.')).toBeTruthy();

    const user = userEvent.setup();
    const box = screen.getByRole('textbox', { name: 'Viesti' });
    await user.type(box, '  Milloin harjoittelu alkaa?  ');
    await user.click(screen.getByRole('button', { name: 'Lähetä' }));

    await waitFor(() =>
      expect(named('SendMessage')[0]?.variables).toEqual({
        subjectKind: 'APPLICATION',
        subjectId: SUBJECT.id,
        body: 'Milloin harjoittelu alkaa?',
      }),
    );
    expect(await screen.findByText('Milloin harjoittelu alkaa?')).toBeTruthy();
    expect(box).toHaveProperty('value', '');
    expect(screen.getByText('Viesti on lähetetty.').getAttribute('aria-live')).toBe('polite');
  });

  it('checks the message before sending, and shows the server’s errors in words', async () => {
    let answer: Answer = graphqlError('VALIDATION', { fields: [{ field: 'body', message: 'validation.tooLong' }] });
    const { client, named } = server({
      Conversation: () => ({ data: thread([]) }),
      SendMessage: () => answer,
    });
    render(client);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Viesti' });

    // Empty: refused here, with the field's own message, and nothing is sent.
    await user.click(screen.getByRole('button', { name: 'Lähetä' }));
    expect(await screen.findByText('Tämä tieto tarvitaan.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(named('SendMessage')).toHaveLength(0);

    // The server's field problem goes to the field, and its code to the alert.
    await user.type(box, 'Hei');
    await user.click(screen.getByRole('button', { name: 'Lähetä' }));
    expect(await screen.findByText('Teksti on liian pitkä.')).toBeTruthy();
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain('Tarkista merkityt kentät.');

    // Anything else is said in the alert: here, no right to write in the thread.
    answer = graphqlError('FORBIDDEN');
    await user.click(screen.getByRole('button', { name: 'Lähetä' }));
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
        'Sinulla ei ole oikeutta tähän toimintoon.',
      ),
    );
    expect(box).toHaveProperty('value', 'Hei');
  });

  it('loads earlier messages above the newest ones', async () => {
    const { client, named } = server({
      Conversation: ({ variables }) =>
        variables.after === 'cursor-1'
          ? {
              data: thread([message('m1', { body: 'Ensimmäinen', createdAt: '2026-03-01T08:00:00Z' })], {
                totalCount: 2,
              }),
            }
          : {
              data: thread([message('m2', { body: 'Toinen', createdAt: '2026-03-02T08:00:00Z' })], {
                hasNextPage: true,
                totalCount: 2,
              }),
            },
    });
    render(client);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Näytä aiemmat viestit' }));

    await waitFor(() =>
      expect(screen.getAllByRole('listitem').map((item) => item.querySelector('.message__body')?.textContent)).toEqual([
        'Ensimmäinen',
        'Toinen',
      ]),
    );
    expect(named('Conversation').at(-1)?.variables).toMatchObject({ after: 'cursor-1', first: 20 });
    expect(screen.queryByRole('button', { name: 'Näytä aiemmat viestit' })).toBeNull();
  });
});
