import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useFormatters } from '../../../shared/i18n';
import { ReactivateUserMutation, UsersQuery } from '../../admin/operations';
import { HomeCard, useOneStepAction } from './HomeCard';

/** An admin's: the newest accounts (roles to check), and deactivated accounts to reactivate. */
export function AdminHome() {
  return (
    <>
      <NewAccounts />
      <DeactivatedAccounts />
    </>
  );
}

function NewAccounts() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    // Erased accounts are nothing to act on; the newest accounts in use are.
    variables: { first: 5, status: 'ACTIVE' },
    requestPolicy: 'cache-and-network',
  });
  return (
    <HomeCard
      title={t('home.admin.newAccounts')}
      result={result}
      items={result.data?.users.nodes}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      empty={t('home.admin.newAccountsEmpty')}
      more={{ to: '/admin/users', label: t('home.admin.allUsers') }}
      renderItem={(user) => (
        <li key={user.id}>
          <Link to={`/admin/users?search=${encodeURIComponent(user.email)}&status=ACTIVE`}>{user.displayName}</Link>
          <span className="home-card__meta">
            {[
              user.roles.map((role) => t(`roles.${role}`)).join(', '),
              t('home.admin.joined', { date: format.date(user.createdAt) }),
              user.emailVerified ? null : t('home.admin.unverified'),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      )}
    />
  );
}

function DeactivatedAccounts() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [result, reexecute] = useQuery({
    query: UsersQuery,
    variables: { status: 'DEACTIVATED', first: 5 },
    requestPolicy: 'cache-and-network',
  });
  const [, reactivate] = useMutation(ReactivateUserMutation);
  const action = useOneStepAction();
  const list = result.data?.users;
  return (
    <HomeCard
      title={t('home.admin.deactivated')}
      result={result}
      items={list?.nodes}
      total={list?.totalCount}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      action={action}
      empty={t('home.admin.deactivatedEmpty')}
      renderItem={(user) => (
        <li key={user.id}>
          <span>{user.displayName}</span>
          <span className="home-card__meta">
            {[
              user.deactivatedAt ? t('home.admin.deactivatedOn', { date: format.date(user.deactivatedAt) }) : null,
              user.deactivationReason,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          <span className="button-row">
            <button
              type="button"
              className="button button--secondary"
              disabled={action.busy === user.id}
              onClick={() =>
                void action.run(
                  user.id,
                  () => reactivate({ userId: user.id }),
                  t('home.admin.reactivated', { name: user.displayName }),
                )
              }
            >
              {t('home.admin.reactivate')}
              <span className="visually-hidden">: {user.displayName}</span>
            </button>
          </span>
        </li>
      )}
    />
  );
}
