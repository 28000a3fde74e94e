import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ErrorAlert, LoadMoreButton, Loading, Page, SearchForm } from '../../../shared/ui';
import { useCursorPages, useReportPage, type PageInfo } from '../../../shared/utils/cursorPages';
import { UserRolesEditor } from '../components/UserRolesEditor';
import { UsersQuery, type UsersVariables } from '../operations';

const PAGE_SIZE = 25;

export function AdminUsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const paging = useCursorPages(search);

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
      <p role="status" className="result-count">
        {paging.totalCount === null ? '' : t('admin.count', { count: paging.totalCount })}
      </p>
      <ul className="card-list" key={search}>
        {paging.cursors.map((after, index) => (
          <UsersPageItems
            key={after ?? 'first'}
            variables={{ search: search || null, first: PAGE_SIZE, after }}
            onPage={(pageInfo, totalCount) => paging.reportPage(index, pageInfo, totalCount)}
          />
        ))}
      </ul>
      {paging.nextCursor ? <LoadMoreButton onPress={paging.loadMore} /> : null}
    </Page>
  );
}

function UsersPageItems({
  variables,
  onPage,
}: {
  variables: UsersVariables;
  onPage: (pageInfo: PageInfo, totalCount: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [{ data, fetching, error }] = useQuery({ query: UsersQuery, variables });
  const connection = data?.users;
  useReportPage(connection, onPage);

  if (error) {
    return (
      <li>
        <ErrorAlert error={toAppError(error)} />
      </li>
    );
  }
  if (!connection)
    return fetching ? (
      <li>
        <Loading />
      </li>
    ) : null;
  if (connection.nodes.length === 0 && !variables.after) return <li>{t('admin.empty')}</li>;
  return (
    <>
      {connection.nodes.map((user) => (
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
      ))}
    </>
  );
}
