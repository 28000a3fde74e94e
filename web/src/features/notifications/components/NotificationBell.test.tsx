// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, renderWithApp, signedInSession } from '../../../shared/testing';
import { NotificationsProvider } from './LiveNotifications';
import { NotificationBell } from './NotificationBell';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

afterEach(cleanup);

const confirmed = (id: string) => ({
  id,
  type: 'BOOKING_CONFIRMED',
  subject: 'Aurinkosähkön perusteet',
  actor: null,
  startsAt: '2026-12-14T07:00:00Z',
  reason: null,
  excerpt: null,
  count: null,
  path: '/my/bookings',
  createdAt: '2026-11-20T10:30:00Z',
  readAt: null,
});

function renderBell() {
  session.current = signedInSession;
  const server = fakeGraphql(() => ({ data: { unreadNotificationCount: 2 } }));
  renderWithApp(
    <NotificationsProvider>
      <NotificationBell />
    </NotificationsProvider>,
    server.client,
  );
  return server;
}

describe('NotificationBell', () => {
  it('names the unread count, and follows each push live, reading the new one out', async () => {
    const server = renderBell();
    const bell = await screen.findByRole('link', { name: 'Ilmoitukset, 2 lukematonta' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toBe('2');
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');

    await waitFor(() => expect(server.subscriberCount()).toBe(1));
    act(() => server.push({ notificationsChanged: { unreadCount: 3, latest: confirmed('n9') } }));
    expect(screen.getByRole('link', { name: 'Ilmoitukset, 3 lukematonta' }).textContent).toBe('3');
    expect(live.textContent).toBe(
      'Uusi ilmoitus: Varauksesi on vahvistettu: Aurinkosähkön perusteet, 14.12.2026 klo 9.00.',
    );

    // A second one worded alike is still read out: the region's text changes.
    act(() => server.push({ notificationsChanged: { unreadCount: 4, latest: confirmed('n10') } }));
    expect(live.textContent).toMatch(/^Uusi ilmoitus: Varauksesi on vahvistettu: .+\u00a0$/);
    expect(screen.getByRole('link', { name: 'Ilmoitukset, 4 lukematonta' })).toBeTruthy();
  });

  it('says when nothing is unread, in one word for one', async () => {
    const server = renderBell();
    await screen.findByRole('link', { name: 'Ilmoitukset, 2 lukematonta' });
    await waitFor(() => expect(server.subscriberCount()).toBe(1));
    act(() => server.push({ notificationsChanged: { unreadCount: 1, latest: null } }));
    expect(screen.getByRole('link', { name: 'Ilmoitukset, 1 lukematon' })).toBeTruthy();
    act(() => server.push({ notificationsChanged: { unreadCount: 0, latest: null } }));
    const bell = screen.getByRole('link', { name: 'Ilmoitukset, ei lukemattomia' });
    expect(bell.textContent).toBe('');
  });
});
