// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeGraphql, graphqlError, prepareDom, renderRoutes, type Answer } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { AdminUser, AuditEvent } from '../operations';
import { AdminUsersPage } from './AdminUsersPage';
import { AuditLogPage } from './AuditLogPage';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => session.current,
}));

const ADMIN = {
  id: 'u-admin',
  email: 'admin@example.fi',
  displayName: 'Aino Ylläpitäjä',
  roles: ['ADMIN'],
  locale: 'fi',
  emailVerified: true,
  createdAt: '2026-01-01T00:00:00Z',
};

const base = {
  emailVerified: true,
  createdAt: '2026-02-01T10:00:00Z',
  lastActiveAt: '2026-11-30T10:00:00Z',
  deactivatedAt: null,
  deactivationReason: null,
  anonymised: false,
};
const active: AdminUser = {
  ...base,
  id: 'u-1',
  email: 'veikko@example.fi',
  displayName: 'Veikko Opiskelija',
  roles: ['STUDENT'],
};
const off: AdminUser = {
  ...base,
  id: 'u-2',
  email: 'pirjo@example.fi',
  displayName: 'Pirjo Yrittäjä',
  roles: ['ENTREPRENEUR'],
  deactivatedAt: '2026-12-01T08:00:00Z',
  deactivationReason: 'Roskapostia',
};
const erased: AdminUser = {
  ...base,
  id: 'u-3',
  email: 'erased-u-3@erased.invalid',
  displayName: '[removed]',
  roles: [],
  anonymised: true,
};
const self: AdminUser = { ...base, ...ADMIN, roles: ['ADMIN'] } as AdminUser;

const connection = (nodes: unknown[]) => ({
  nodes,
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});

function usersServer(extra: (operationName: string, variables: Record<string, unknown>) => Answer | null = () => null) {
  return fakeGraphql(({ operationName, variables }) => {
    const answer = extra(operationName, variables);
    if (answer) return answer;
    switch (operationName) {
      case 'Users':
        return { data: { users: connection([self, active, off, erased]) } };
      case 'DeactivateUser':
        return {
          data: { deactivateUser: { ...active, deactivatedAt: '2026-12-04T08:00:00Z', deactivationReason: 'Syy' } },
        };
      case 'ReactivateUser':
        return { data: { reactivateUser: { ...off, deactivatedAt: null, deactivationReason: null } } };
      case 'AdminErasurePreview':
        return {
          data: {
            erasurePreview: {
              blockers: [],
              bookingsToCancel: 2,
              applicationsToWithdraw: 1,
              needsToClose: 0,
              organisationsToLeave: 0,
              messagesToErase: 5,
            },
          },
        };
      case 'EraseUser':
        return { data: { eraseUser: true } };
      default:
        return { data: null };
    }
  });
}

const renderUsers = (client: ReturnType<typeof fakeGraphql>['client'], url = '/admin/users') =>
  renderRoutes(
    [
      { path: '/admin/users', element: <AdminUsersPage /> },
      { path: '/admin/audit', element: <AuditLogPage /> },
    ],
    url,
    client,
  );

/**
 * react-aria's live announcer stays in the body between tests, naming elements that are gone
 * (which axe then reports): each test starts without it.
 */
function cleanUp() {
  cleanup();
  document.querySelector('[data-live-announcer]')?.remove();
}

/** The table's row of the account, by the name in its row header. */
const cardOf = async (name: string) =>
  (await screen.findByRole('rowheader', { name: new RegExp(`^${name}`) })).closest('tr')!;

describe('the admin users page', { timeout: 30_000 }, () => {
  beforeEach(() => {
    prepareDom();
    session.current = { status: 'signedIn', user: ADMIN };
  });
  afterEach(cleanUp);

  it("shows each account's status, deactivation reason and last use; offers the actions each state allows", async () => {
    const { client } = usersServer();
    renderUsers(client);
    const activeCard = await cardOf('Veikko Opiskelija');
    expect(within(activeCard).getByText('Käytössä')).toBeTruthy();
    expect(within(activeCard).getByRole('cell', { name: '30. marraskuuta 2026' })).toBeTruthy();
    expect(within(activeCard).getByRole('cell', { name: 'Opiskelija' })).toBeTruthy();
    expect(within(activeCard).getByRole('button', { name: 'Poista käytöstä: Veikko Opiskelija' })).toBeTruthy();
    expect(within(activeCard).queryByRole('button', { name: /^Ota käyttöön/ })).toBeNull();

    const offCard = await cardOf('Pirjo Yrittäjä');
    expect(within(offCard).getByText('Poistettu käytöstä')).toBeTruthy();
    expect(within(offCard).getByText(/Syy: Roskapostia/)).toBeTruthy();
    expect(within(offCard).getByRole('button', { name: 'Ota käyttöön: Pirjo Yrittäjä' })).toBeTruthy();

    // An erased account shows no address, roles or actions; the admin's own account no actions.
    const erasedCard = await cardOf('Poistettu käyttäjä');
    expect(within(erasedCard).queryByText('erased-u-3@erased.invalid')).toBeNull();
    expect(within(erasedCard).queryAllByRole('button')).toEqual([]);
    const ownCard = await cardOf('Aino Ylläpitäjä');
    expect(within(ownCard).queryByRole('button', { name: /Poista/ })).toBeNull();
    expect(within(ownCard).getByRole('button', { name: 'Muokkaa rooleja: Aino Ylläpitäjä' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Käyttäjätilit' })).toBeTruthy();
    expect(await screen.findByText('4 käyttäjää')).toBeTruthy();
    expect(await axeViolations()).toEqual([]);
  });

  it('keeps the roles editor working, in a dialog', async () => {
    const { client, named } = usersServer((name) =>
      name === 'SetUserRoles' ? { data: { setUserRoles: { ...active, roles: ['STUDENT', 'ENTREPRENEUR'] } } } : null,
    );
    renderUsers(client);
    const row = await cardOf('Veikko Opiskelija');
    const user = userEvent.setup();
    await user.click(within(row).getByRole('button', { name: 'Muokkaa rooleja: Veikko Opiskelija' }));
    const dialog = await screen.findByRole('dialog', { name: 'Käyttäjän Veikko Opiskelija roolit' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Yrittäjä' }));
    await user.click(within(dialog).getByRole('button', { name: /^Tallenna roolit/ }));
    await waitFor(() => expect(named('SetUserRoles')).toHaveLength(1));
    expect(named('SetUserRoles')[0]!.variables).toEqual({ userId: 'u-1', roles: ['ENTREPRENEUR', 'STUDENT'] });
  });

  it('filters by status through the query', async () => {
    const { client, named } = usersServer();
    renderUsers(client, '/admin/users?status=DEACTIVATED');
    await cardOf('Pirjo Yrittäjä');
    expect(named('Users')[0]!.variables).toMatchObject({ status: 'DEACTIVATED', search: null });
  });

  it('filters by role through the query, and a role from the address that is not one is ignored', async () => {
    const { client, named } = usersServer();
    renderUsers(client, '/admin/users?role=EDUCATOR&status=ACTIVE');
    await cardOf('Pirjo Yrittäjä');
    expect(named('Users')[0]!.variables).toMatchObject({ role: 'EDUCATOR', status: 'ACTIVE', search: null });
    cleanUp();
    const other = usersServer();
    renderUsers(other.client, '/admin/users?role=KING');
    await cardOf('Pirjo Yrittäjä');
    expect(other.named('Users')[0]!.variables).toMatchObject({ role: null });
  });

  it('deactivates only with a reason, from a dialog, by keyboard', async () => {
    const { client, named } = usersServer();
    renderUsers(client);
    const card = await cardOf('Veikko Opiskelija');
    const user = userEvent.setup();
    within(card).getByRole('button', { name: 'Poista käytöstä: Veikko Opiskelija' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Poista käyttäjän Veikko Opiskelija tili käytöstä' });
    expect(await axeViolations()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Poista tili käytöstä' }));
    expect(await within(dialog).findByText('Tämä tieto tarvitaan.')).toBeTruthy();
    expect(named('DeactivateUser')).toEqual([]);

    await user.type(within(dialog).getByRole('textbox', { name: /Syy/ }), 'Häirintää viesteissä');
    await user.click(within(dialog).getByRole('button', { name: 'Poista tili käytöstä' }));
    await waitFor(() => expect(named('DeactivateUser')).toHaveLength(1));
    expect(named('DeactivateUser')[0]!.variables).toEqual({ input: { userId: 'u-1', reason: 'Häirintää viesteissä' } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it("shows the server's refusal in the dialog", async () => {
    const { client } = usersServer((name) =>
      name === 'DeactivateUser' ? graphqlError('INVALID_STATE', { state: 'anonymised' }) : null,
    );
    renderUsers(client);
    const card = await cardOf('Veikko Opiskelija');
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Poista käytöstä: Veikko Opiskelija' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Syy/ }), 'Syy');
    await user.click(within(dialog).getByRole('button', { name: 'Poista tili käytöstä' }));
    expect(await within(dialog).findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('reactivates after confirming', async () => {
    const { client, named } = usersServer();
    renderUsers(client);
    const card = await cardOf('Pirjo Yrittäjä');
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Ota käyttöön: Pirjo Yrittäjä' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ota käyttäjän Pirjo Yrittäjä tili taas käyttöön' });
    await user.click(within(dialog).getByRole('button', { name: 'Ota tili käyttöön' }));
    await waitFor(() => expect(named('ReactivateUser')).toHaveLength(1));
    expect(named('ReactivateUser')[0]!.variables).toEqual({ userId: 'u-2' });
  });

  it('erases on request: shows what erasure does, asks for the reference, and is held back by a blocker', async () => {
    const { client, named } = usersServer();
    renderUsers(client);
    const card = await cardOf('Veikko Opiskelija');
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Poista pyynnöstä: Veikko Opiskelija' }));
    const dialog = await screen.findByRole('dialog', { name: 'Poista käyttäjän Veikko Opiskelija henkilötiedot' });
    expect(await within(dialog).findByText('2 tulevaa varausta perutaan')).toBeTruthy();
    expect(within(dialog).getByText('5 viestin tekstit poistetaan')).toBeTruthy();
    expect(named('AdminErasurePreview')[0]!.variables).toEqual({ userId: 'u-1' });
    expect(await axeViolations()).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: /Pyynnön tunniste/ }), 'Pyyntö 3.12.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Poista pysyvästi' }));
    await waitFor(() => expect(named('EraseUser')).toHaveLength(1));
    expect(named('EraseUser')[0]!.variables).toEqual({ input: { userId: 'u-1', reason: 'Pyyntö 3.12.2026' } });
  });

  it('cannot erase while a blocker stands', async () => {
    const { client, named } = usersServer((name) =>
      name === 'AdminErasurePreview'
        ? {
            data: {
              erasurePreview: {
                blockers: [{ reason: 'LAST_OWNER', organisationId: 'o1', organisationName: 'Lapin Puutyö Oy' }],
                bookingsToCancel: 0,
                applicationsToWithdraw: 0,
                needsToClose: 0,
                organisationsToLeave: 1,
                messagesToErase: 0,
              },
            },
          }
        : null,
    );
    renderUsers(client);
    const card = await cardOf('Veikko Opiskelija');
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Poista pyynnöstä: Veikko Opiskelija' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/Lapin Puutyö Oy ei ole muuta omistajaa/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Poista pysyvästi' }) as HTMLButtonElement).disabled).toBe(true);
    expect(named('EraseUser')).toEqual([]);
  });
});

const events: AuditEvent[] = [
  {
    id: 'e1',
    at: '2026-12-03T12:30:00Z',
    actorId: 'u-admin',
    actorName: 'Aino Ylläpitäjä',
    actorRoles: ['ADMIN'],
    action: 'USER_DEACTIVATED',
    subjectKind: 'USER',
    subjectId: 'u-1',
    subjectName: 'Veikko Opiskelija',
    reason: 'Roskapostia',
    rolesBefore: null,
    rolesAfter: null,
  },
  {
    id: 'e2',
    at: '2026-12-02T09:00:00Z',
    actorId: 'u-admin',
    actorName: 'Aino Ylläpitäjä',
    actorRoles: ['ADMIN'],
    action: 'ROLES_CHANGED',
    subjectKind: 'USER',
    subjectId: 'u-3',
    subjectName: '[removed]',
    reason: null,
    rolesBefore: ['STUDENT'],
    rolesAfter: ['STUDENT', 'ENTREPRENEUR'],
  },
  {
    id: 'e3',
    at: '2026-12-01T09:00:00Z',
    actorId: null,
    actorName: null,
    actorRoles: [],
    action: 'ACCOUNT_EXPIRED',
    subjectKind: 'USER',
    subjectId: 'u-4',
    subjectName: '[removed]',
    reason: null,
    rolesBefore: null,
    rolesAfter: null,
  },
];

describe('the audit log page', { timeout: 30_000 }, () => {
  beforeEach(() => {
    prepareDom();
    session.current = { status: 'signedIn', user: ADMIN };
  });
  afterEach(cleanUp);

  it('shows who did what to whom, in Helsinki time, translated; erased names as removed', async () => {
    const { client, named } = fakeGraphql(({ operationName }) =>
      operationName === 'AuditLog'
        ? { data: { auditLog: { nodes: events, pageInfo: { hasNextPage: false, endCursor: null } } } }
        : { data: null },
    );
    renderUsers(client, '/admin/audit?action=USER_DEACTIVATED');
    const table = await screen.findByRole('table', { name: 'Toimintalokin tapahtumat' });
    await within(table).findByText('Tili poistettu käytöstä');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      [
        '3.12.2026 klo 14.30',
        'Aino Ylläpitäjä',
        'Tili poistettu käytöstä',
        'Veikko Opiskelija (käyttäjä)',
        'Syy: Roskapostia',
      ],
      [
        '2.12.2026 klo 11.00',
        'Aino Ylläpitäjä',
        'Roolit muutettu',
        'Poistettu käyttäjä (käyttäjä)',
        'Roolit: Opiskelija → Opiskelija, Yrittäjä',
      ],
      ['1.12.2026 klo 11.00', 'Palvelu', 'Käyttämätön tili poistettu', 'Poistettu käyttäjä (käyttäjä)', ''],
    ]);
    expect(named('AuditLog')[0]!.variables).toMatchObject({ action: 'USER_DEACTIVATED', after: null });
    expect(await axeViolations()).toEqual([]);
  });
});
