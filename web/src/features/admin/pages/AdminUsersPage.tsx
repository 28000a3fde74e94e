import { USER_STATUSES, type UserStatus } from '@keskusvaraamo/shared';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { SelectField } from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import { useSession } from '../../../shared/session';
import { CursorPagedList, CursorPageItems, Page, SearchForm, type CursorPage } from '../../../shared/ui';
import { DeactivateButton, EraseButton, ReactivateButton } from '../components/UserActions';
import { UserRolesEditor } from '../components/UserRolesEditor';
import { UsersQuery, type AdminUser } from '../operations';
import '../admin.css';

const PAGE_SIZE = 25;

const statusOf = (user: AdminUser): UserStatus =>
  user.anonymised ? 'ANONYMISED' : user.deactivatedAt ? 'DEACTIVATED' : 'ACTIVE';
const STATUS_BADGE: Record<UserStatus, string> = {
  ACTIVE: 'badge badge--success',
  DEACTIVATED: 'badge badge--warning',
  ANONYMISED: 'badge',
};

export function AdminUsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const given = params.get('status');
  const status = USER_STATUSES.find((s) => s === given) ?? null;

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
      </div>
      <CursorPagedList
        resetKey={`${search}|${status ?? ''}`}
        countText={(count) => t('admin.count', { count })}
        renderPage={(page) => <UsersPageItems search={search} status={status} page={page} />}
      />
    </Page>
  );
}

function UsersPageItems({ search, status, page }: { search: string; status: UserStatus | null; page: CursorPage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const session = useSession();
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    variables: { search: search || null, status, first: PAGE_SIZE, after: page.after },
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.users}
      empty={<li>{t('admin.empty')}</li>}
      renderItem={(user) => {
        const state = statusOf(user);
        const self = user.id === session.user?.id;
        const name = state === 'ANONYMISED' ? t('admin.erasedUser') : user.displayName;
        return (
          <li key={user.id} className="card user-row">
            <div className="user-row__who">
              <h2 className="card__title">{name}</h2>
              {state === 'ANONYMISED' ? null : (
                <p className="card__meta">
                  {user.email}{' '}
                  <span className={user.emailVerified ? 'badge badge--success' : 'badge badge--warning'}>
                    {user.emailVerified ? t('account.email.verified') : t('account.email.notVerified')}
                  </span>
                </p>
              )}
              <p className="card__meta">
                <span className={STATUS_BADGE[state]}>{t(`admin.statuses.${state}`)}</span>
                {state === 'DEACTIVATED' ? (
                  <>
                    {' '}
                    {t('admin.deactivatedOn', {
                      date: format.date(user.deactivatedAt!),
                      reason: user.deactivationReason ?? '',
                    })}
                  </>
                ) : null}
              </p>
              <p className="card__meta muted">
                {t('admin.created', { date: format.date(user.createdAt) })}
                {' · '}
                {t('admin.lastActive', { date: format.date(user.lastActiveAt) })}
              </p>
              {self || state === 'ANONYMISED' ? null : (
                <div className="button-row">
                  {state === 'ACTIVE' ? <DeactivateButton user={user} /> : <ReactivateButton user={user} />}
                  <EraseButton user={user} />
                </div>
              )}
            </div>
            {state === 'ANONYMISED' ? null : <UserRolesEditor user={user} />}
          </li>
        );
      }}
    />
  );
}
