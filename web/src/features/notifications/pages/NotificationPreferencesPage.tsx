import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { toAppError } from '../../../shared/graphql';
import { useSession } from '../../../shared/session';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { PreferencesForm } from '../components/PreferencesForm';
import { NotificationPreferencesQuery } from '../operations';

/** How each type of notification reaches the signed-in user: in the app, by e-mail, in the digest, or not at all. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  // Always the server's current choices: the form starts from them and is not replaced under the reader.
  const [{ data, fetching, error }] = useQuery({
    query: NotificationPreferencesQuery,
    variables: {},
    requestPolicy: 'network-only',
  });
  return (
    <Page
      title={t('notifications.preferences.title')}
      lead={t('notifications.preferences.lead')}
      className="page--medium"
    >
      {error ? <ErrorAlert error={toAppError(error)} /> : null}
      {data ? (
        <PreferencesForm preferences={data.notificationPreferences} roles={user?.roles ?? []} />
      ) : fetching ? (
        <Loading shape="form" />
      ) : null}
      <p>
        <Link to="/notifications">{t('notifications.preferences.toNotifications')}</Link> ·{' '}
        <Link to="/account">{t('notifications.preferences.toAccount')}</Link>
      </p>
    </Page>
  );
}
