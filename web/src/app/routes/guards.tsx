import type { UserRole } from '@keskusvaraamo/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../shared/session';
import { Loading, Page } from '../../shared/ui';
import { hasRole } from '../../shared/utils/roles';
import { withReturnTo } from '../../shared/utils/returnTo';

/** Pages for signed-in users: visitors are sent to sign in and brought back afterwards. */
export function RequireAuth({ children }: { children?: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'visitor') {
    return <Navigate to={withReturnTo('/sign-in', location.pathname + location.search)} replace />;
  }
  return children ?? <Outlet />;
}

/**
 * Pages for one role (staff pages, posting needs, publishing courses). Hiding them is a courtesy;
 * the server refuses the data and the changes to anyone else.
 */
export function RequireRole({ userRole }: { userRole: UserRole }) {
  const { t } = useTranslation();
  const staff = userRole === 'COORDINATOR' || userRole === 'ADMIN';
  const { user } = useSession();
  return (
    <RequireAuth>
      {hasRole(user, userRole) ? (
        <Outlet />
      ) : (
        <Page
          title={t('forbidden.title')}
          lead={staff ? t('forbidden.lead') : t('forbidden.roleLead', { role: t(`roles.${userRole}`) })}
        >
          <p>
            <Link to="/">{t('notFound.home')}</Link>
          </p>
        </Page>
      )}
    </RequireAuth>
  );
}
