import { USER_ROLES, USER_STATUSES, type UserRole, type UserStatus } from '@keskusvaraamo/shared';
import { Fragment, useMemo, type ReactNode } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { ErrorAlert, LoadMoreButton, Loading, Page, SearchForm } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { DeactivateButton, EraseButton, ReactivateButton, RolesButton } from '../components/UserActions';
import { UsersQuery, type AdminUser } from '../operations';
import '../admin.css';

const PAGE_SIZE = 25;
const COLUMNS = 5;

const statusOf = (user: AdminUser): UserStatus =>
  user.anonymised ? 'ANONYMISED' : user.deactivatedAt ? 'DEACTIVATED' : 'ACTIVE';
const STATUS_BADGE: Record<UserStatus, string> = {
  ACTIVE: 'badge badge--success',
  DEACTIVATED: 'badge badge--warning',
  ANONYMISED: 'badge',
};

/** Admins: every account in a table, searched and filtered by status and role, with each account's actions. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const given = params.get('status');
  const status = USER_STATUSES.find((s) => s === given) ?? null;
  const givenRole = params.get('role');
  const role = USER_ROLES.find((r) => r === givenRole) ?? null;
  const key = `${search}|${status ?? ''}|${role ?? ''}`;
  const paging = useCursorPages(key);

  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set(name, value.trim());
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page title={t('admin.title')} lead={t('admin.lead')}>
      <p>
        <Link to="/admin/audit">{t('admin.audit.link')}</Link>
      </p>
      <div className="card filters">
        <SearchForm label={t('admin.search')} initialValue={search} onSearch={(value) => setParam('search', value)} />
        <SelectField
          label={t('admin.statusFilter')}
          value={status ?? ''}
          onChange={(value) => setParam('status', value)}
          options={[
            { id: '', label: t('admin.allStatuses') },
            ...USER_STATUSES.map((s) => ({ id: s, label: t(`admin.statuses.${s}`) })),
          ]}
        />
        <SelectField
          label={t('admin.roleFilter')}
          value={role ?? ''}
          onChange={(value) => setParam('role', value)}
          options={[
            { id: '', label: t('admin.allRoles') },
            ...USER_ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) })),
          ]}
        />
      </div>
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : t('admin.count', { count: paging.totalCount })}
      </p>
      <div className="admin-table-wrap">
        <table className="admin-table" key={key}>
          <caption className="visually-hidden">{t('admin.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.columns.user')}</th>
              <th scope="col">{t('admin.columns.status')}</th>
              <th scope="col">{t('admin.columns.lastActive')}</th>
              <th scope="col">{t('admin.columns.roles')}</th>
              <th scope="col">{t('admin.columns.actions')}</th>
            </tr>
          </thead>
          {paging.cursors.map((after, index) => (
            <Fragment key={after ?? 'first'}>
              <UsersPage
                search={search}
                status={status}
                role={role}
                after={after}
                onPage={(pageInfo, total) => paging.reportPage(index, pageInfo, total)}
              />
            </Fragment>
          ))}
        </table>
      </div>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </Page>
  );
}

function UsersPage({
  search,
  status,
  role,
  after,
  onPage,
}: {
  search: string;
  status: UserStatus | null;
  role: UserRole | null;
  after: string | null;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    variables: { search: search || null, status, role, first: PAGE_SIZE, after },
  });
  const connection = result.data?.users;
  useReportPage(
    useMemo(() => connection, [connection]),
    onPage,
  );
  const row = (content: ReactNode) => (
    <tbody>
      <tr>
        <td colSpan={COLUMNS}>{content}</td>
      </tr>
    </tbody>
  );
  if (result.error)
    return row(
      <>
        <ErrorAlert error={toAppError(result.error)} />
        <Button className="button button--secondary" onPress={() => reexecute({ requestPolicy: 'network-only' })}>
          {t('common.retry')}
        </Button>
      </>,
    );
  if (!connection) return result.fetching ? row(<Loading shape="inline" />) : null;
  if (connection.nodes.length === 0 && !after) return row(t('admin.empty'));
  return (
    <tbody>
      {connection.nodes.map((user) => (
        <UserRow key={user.id} user={user} />
      ))}
    </tbody>
  );
}

function UserRow({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const state = statusOf(user);
  const self = user.id === session.user?.id;
  const erased = state === 'ANONYMISED';
  return (
    <tr>
      <th scope="row">
        <span className="admin-table__name">{erased ? t('admin.erasedUser') : user.displayName}</span>
        {erased ? null : (
          <span className="admin-table__meta">
            {user.email}{' '}
            <span className={user.emailVerified ? 'badge badge--success' : 'badge badge--warning'}>
              {user.emailVerified ? t('account.email.verified') : t('account.email.notVerified')}
            </span>
          </span>
        )}
        <span className="admin-table__meta muted">{t('admin.created', { date: format.date(user.createdAt) })}</span>
      </th>
      <td>
        <span className={STATUS_BADGE[state]}>{t(`admin.statuses.${state}`)}</span>
        {state === 'DEACTIVATED' ? (
          <span className="admin-table__meta">
            {t('admin.deactivatedOn', {
              date: format.date(user.deactivatedAt!),
              reason: user.deactivationReason ?? '',
            })}
          </span>
        ) : null}
      </td>
      <td>{format.date(user.lastActiveAt)}</td>
      <td>{user.roles.length ? user.roles.map((role) => t(`roles.${role}`)).join(', ') : '–'}</td>
      <td>
        {erased ? null : (
          <div className="admin-table__actions">
            <RolesButton user={user} />
            {self ? null : (
              <>
                {state === 'ACTIVE' ? <DeactivateButton user={user} /> : <ReactivateButton user={user} />}
                <EraseButton user={user} />
              </>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
