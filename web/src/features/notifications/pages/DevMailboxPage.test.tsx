// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeGraphql, graphqlError, prepareI18n, renderWithApp, type Answer } from '../../../shared/testing';
import type { MailboxMessage } from '../operations';
import { DevMailboxPage } from './DevMailboxPage';

afterEach(cleanup);

const message: MailboxMessage = {
  id: 'm1',
  to: 'erin@example.fi',
  subject: 'Vaihda salasanasi',
  text: 'Vaihda salasana: http://localhost:3000/reset-password?token=abc',
  template: 'reset-password',
  createdAt: '2026-12-01T08:00:00Z',
  sentAt: '2026-12-01T08:00:01Z',
  failedAt: null,
  attempts: 1,
  lastError: null,
};

function renderPage(answer: Answer) {
  const server = fakeGraphql(() => answer);
  renderWithApp(<DevMailboxPage />, server.client, '/dev/mailbox');
  return server;
}

describe('DevMailboxPage', () => {
  it('lists the messages for someone the server lets read them', async () => {
    renderPage({ data: { devMailbox: [message] } });
    expect(await screen.findByRole('heading', { name: 'Vaihda salasanasi' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /reset-password\?token=abc/ })).toBeTruthy();
  });

  it('explains, translated, that the mailbox is not enabled here', async () => {
    const t = prepareI18n().t;
    renderPage(graphqlError('NOT_FOUND'));
    expect(await screen.findByText(t('mailbox.unavailable'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('mailbox.refresh') })).toBeNull();
  });

  it('explains, translated, that only an admin (or this machine) may read it, and shows nothing else', async () => {
    const t = prepareI18n().t;
    renderPage(graphqlError('FORBIDDEN'));
    expect(await screen.findByText(t('mailbox.forbidden'))).toBeTruthy();
    expect(t('mailbox.forbidden')).toMatch(/ylläpitäjä/);
    expect(screen.queryByRole('button', { name: t('mailbox.refresh') })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
