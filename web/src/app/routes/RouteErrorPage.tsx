import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Page } from '../../shared/ui';
import { NotFoundPage } from './NotFoundPage';

/** What a reader sees when a page fails to render: a plain message, never a stack trace. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Page title={t('routeError.title')} lead={t('routeError.lead')}>
      <p>
        <a href="/">{t('notFound.home')}</a> ·{' '}
        <Link to="." reloadDocument>
          {t('routeError.reload')}
        </Link>
      </p>
    </Page>
  );
}
