import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { CursorPagedList, CursorPageItems, Page, SearchForm, type CursorPage } from '../../../shared/ui';
import { UserRolesEditor } from '../components/UserRolesEditor';
import { UsersQuery } from '../operations';

const PAGE_SIZE = 25;

export function AdminUsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';

  const onSearch = (value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('search', value.trim());
    else next.delete('search');
    setParams(next, { replace: true });
  };

  return (
    <Page title={t('admin.title')} lead={t('admin.lead')}>
      <div className="card filters">
        <SearchForm label={t('admin.search')} initialValue={search} onSearch={onSearch} />
      </div>
      <CursorPagedList
        resetKey={search}
        countText={(count) => t('admin.count', { count })}
        renderPage={(page) => <UsersPageItems search={search} page={page} />}
      />
    </Page>
  );
}

function UsersPageItems({ search, page }: { search: string; page: CursorPage }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    variables: { search: search || null, first: PAGE_SIZE, after: page.after },
  });
  return (
    <CursorPageItems
      page={page}
      result={result}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={result.data?.users}
      empty={<li>{t('admin.empty')}</li>}
      renderItem={(user) => (
        <li key={user.id} className="card user-row">
          <div className="user-row__who">
            <h2 className="card__title">{user.displayName}</h2>
            <p className="card__meta">
              {user.email}{' '}
              <span className={user.emailVerified ? 'badge badge--success' : 'badge badge--warning'}>
                {user.emailVerified ? t('account.email.verified') : t('account.email.notVerified')}
              </span>
            </p>
            <p className="card__meta muted">{t('admin.created', { date: format.date(user.createdAt) })}</p>
          </div>
          <UserRolesEditor user={user} />
        </li>
      )}
    />
  );
}
