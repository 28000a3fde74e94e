import { lazy, type ComponentType } from 'react';
import { Outlet, type RouteObject } from 'react-router';
import type { UserRole } from '@keskusvaraamo/shared';
import { LandingPage } from '../features/landing/pages/LandingPage';
import { ensureAllTexts } from '../shared/i18n';
import { RootLayout } from './layout/RootLayout';
import { RequireAuth, RequireRole } from './routes/guards';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteErrorBoundary } from './routes/RouteErrorPage';

/** What a route made by `page()` keeps in its `handle`: loads the page before the first render. */
export interface PageHandle {
  /** The page's place among the app's pages (the order of `page()` calls, the same in every build of this source). */
  id: number;
  preload: () => Promise<void>;
}

/** Every page's handle, by its id. */
const PAGE_HANDLES: PageHandle[] = [];

/**
 * The handles of the pages a server-rendered address showed, by the ids the server sent (start.tsx):
 * the browser then need not match the address against every route before hydrating, some 5-18 ms
 * of a phone's start. Null if an id is unknown (a page from another build): match it then.
 */
export function pageHandles(ids: readonly number[]): PageHandle[] | null {
  const handles = ids.map((id) => PAGE_HANDLES[id]);
  return handles.every((handle) => handle !== undefined) ? (handles as PageHandle[]) : null;
}

/** The ids of the pages an address shows (the server renderer sends them with the page). */
export function matchedPageIds(matches: readonly { route: RouteObject }[]): number[] {
  return matches
    .map(({ route }) => (route.handle as PageHandle | undefined)?.id)
    .filter((id): id is number => typeof id === 'number');
}

/**
 * A route's page from its own module, loaded when the route is first rendered: each page is a
 * chunk of its own, so the landing page's first load carries no other page (nor the forms,
 * charts or map libraries only other pages use). The frame (RootLayout), the landing page, the
 * guards and the error and not-found pages are small and stay in the app's chunk. Until it has
 * loaded the page suspends (React.lazy); once loaded it renders at once, so a server-rendered page
 * whose route was preloaded (`handle.preload`, start.tsx) hydrates in one pass.
 */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): Pick<RouteObject, 'element' | 'handle'> {
  let loaded: ComponentType | null = null;
  let loading: Promise<ComponentType> | null = null;
  const fetchPage = () =>
    (loading ??= Promise.all([load(), ensureAllTexts()]).then(
      ([module]) => (loaded = module[name]),
      (error: unknown) => {
        // A failed chunk (a lost connection) is asked for again on the next visit to the route.
        loading = null;
        throw error;
      },
    ));
  const Suspending = lazy(async () => ({ default: await fetchPage() }));
  function LazyPage() {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Suspending />;
  }
  const handle: PageHandle = { id: PAGE_HANDLES.length, preload: () => fetchPage().then(() => undefined) };
  PAGE_HANDLES.push(handle);
  return { element: <LazyPage />, handle };
}

/** A page only people with the role may open (the server refuses the rest anyway). */
function roleRoute(path: string, role: UserRole, lazyPage: ReturnType<typeof page>): RouteObject {
  return { path, element: <RequireRole userRole={role} />, children: [{ index: true, ...lazyPage }] };
}

/**
 * The pages under the frame: an error in one shows the error page in the frame. No Suspense
 * boundary: navigations are transitions, so the previous page stays until the next has loaded, and
 * the server renderer waits for a whole page (a boundary would make it send the rest as inline
 * scripts, which the Content-Security-Policy refuses).
 */
function Pages() {
  return (
    <RouteErrorBoundary>
      <Outlet />
    </RouteErrorBoundary>
  );
}

/**
 * The app's routes, without a language prefix: the router's basename (`/sv`, `/en`, or `/` for
 * Finnish) adds it, so links inside the app stay `/search`. Used by the browser's router
 * (router.tsx, `useRoutes`) and by the server renderer (entry-server.tsx, the same under a
 * StaticRouter).
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    children: [
      {
        element: <Pages />,
        children: [
          // Eager (about 2 KB): signing out and deleting an account go to it as the session ends, and
          // a lazy page would let the signed-in page's guard redirect to sign-in while it loads.
          { index: true, Component: LandingPage },
          { path: 'sign-up', ...page(() => import('../features/auth/pages/SignUpPage'), 'SignUpPage') },
          { path: 'sign-in', ...page(() => import('../features/auth/pages/SignInPage'), 'SignInPage') },
          {
            path: 'forgot-password',
            ...page(() => import('../features/auth/pages/ForgotPasswordPage'), 'ForgotPasswordPage'),
          },
          {
            path: 'reset-password',
            ...page(() => import('../features/auth/pages/ResetPasswordPage'), 'ResetPasswordPage'),
          },
          {
            path: 'verify-email',
            ...page(() => import('../features/auth/pages/VerifyEmailPage'), 'VerifyEmailPage'),
          },
          {
            path: 'invitations/accept',
            ...page(() => import('../features/organisations/pages/AcceptInvitationPage'), 'AcceptInvitationPage'),
          },
          {
            path: 'organisations/:id',
            ...page(() => import('../features/organisations/pages/OrganisationPage'), 'OrganisationPage'),
          },
          { path: 'search', ...page(() => import('../features/search/pages/SearchPage'), 'SearchPage') },
          { path: 'results', ...page(() => import('../features/results/pages/ResultsPage'), 'ResultsPage') },
          { path: 'privacy', ...page(() => import('../features/legal/pages/PrivacyPage'), 'PrivacyPage') },
          {
            path: 'accessibility',
            ...page(() => import('../features/legal/pages/AccessibilityPage'), 'AccessibilityPage'),
          },
          { path: 'contact', ...page(() => import('../features/legal/pages/ContactPage'), 'ContactPage') },
          { path: 'needs/:id', ...page(() => import('../features/needs/pages/NeedPage'), 'NeedPage') },
          { path: 'offers/:id', ...page(() => import('../features/offers/pages/OfferPage'), 'OfferPage') },
          {
            path: 'bookings/cancel',
            ...page(
              () => import('../features/bookings/pages/CancelBookingWithTokenPage'),
              'CancelBookingWithTokenPage',
            ),
          },
          // A named participant's own link: cancels their seat only.
          {
            path: 'bookings/cancel-seat',
            ...page(() => import('../features/bookings/pages/CancelSeatWithTokenPage'), 'CancelSeatWithTokenPage'),
          },
          {
            path: 'unsubscribe',
            ...page(() => import('../features/notifications/pages/UnsubscribePage'), 'UnsubscribePage'),
          },
          // Development only: the server answers NOT_FOUND in production or with SMTP configured.
          {
            path: 'dev/mailbox',
            ...page(() => import('../features/notifications/pages/DevMailboxPage'), 'DevMailboxPage'),
          },
          {
            element: <RequireAuth />,
            children: [
              // Where a person lands after signing in: what needs them now, per role.
              { path: 'home', ...page(() => import('../features/home/pages/HomePage'), 'HomePage') },
              { path: 'account', ...page(() => import('../features/account/pages/AccountPage'), 'AccountPage') },
              {
                path: 'account/notifications',
                ...page(
                  () => import('../features/notifications/pages/NotificationPreferencesPage'),
                  'NotificationPreferencesPage',
                ),
              },
              {
                path: 'notifications',
                ...page(() => import('../features/notifications/pages/NotificationsPage'), 'NotificationsPage'),
              },
              {
                path: 'organisations',
                ...page(() => import('../features/organisations/pages/MyOrganisationsPage'), 'MyOrganisationsPage'),
              },
              { path: 'my/needs', ...page(() => import('../features/needs/pages/MyNeedsPage'), 'MyNeedsPage') },
              {
                path: 'my/offers',
                ...page(() => import('../features/offers/pages/MyOffersPage'), 'MyOffersPage'),
              },
              {
                path: 'needs/:id/edit',
                ...page(() => import('../features/needs/pages/EditNeedPage'), 'EditNeedPage'),
              },
              {
                path: 'offers/:id/edit',
                ...page(() => import('../features/offers/pages/EditOfferPage'), 'EditOfferPage'),
              },
              {
                path: 'my/bookings',
                ...page(() => import('../features/bookings/pages/MyBookingsPage'), 'MyBookingsPage'),
              },
              {
                path: 'my/searches',
                ...page(() => import('../features/savedSearches/pages/SavedSearchesPage'), 'SavedSearchesPage'),
              },
              {
                path: 'sessions/:id/manage',
                ...page(() => import('../features/bookings/pages/SessionManagePage'), 'SessionManagePage'),
              },
              {
                path: 'sessions/:id/participants/print',
                ...page(
                  () => import('../features/bookings/pages/ParticipantListPrintPage'),
                  'ParticipantListPrintPage',
                ),
              },
              {
                path: 'my/applications',
                ...page(() => import('../features/applications/pages/MyApplicationsPage'), 'MyApplicationsPage'),
              },
              {
                path: 'my/applications/:id',
                ...page(() => import('../features/applications/pages/ApplicationPage'), 'ApplicationPage'),
              },
              {
                path: 'applications/:id',
                ...page(() => import('../features/applications/pages/ApplicationPage'), 'ApplicationPage'),
              },
              {
                path: 'needs/:id/applicants',
                ...page(() => import('../features/applications/pages/ApplicantBoardPage'), 'ApplicantBoardPage'),
              },
              {
                path: 'conversations',
                ...page(() => import('../features/conversations/pages/ConversationsPage'), 'ConversationsPage'),
              },
              {
                path: 'conversations/:id',
                ...page(() => import('../features/conversations/pages/ConversationPage'), 'ConversationPage'),
              },
              {
                path: 'proposals/:id',
                ...page(() => import('../features/matching/pages/ProposalPage'), 'ProposalPage'),
              },
              {
                path: 'my/proposals',
                ...page(() => import('../features/matching/pages/MyProposalsPage'), 'MyProposalsPage'),
              },
              // Educators and coordinators: the server answers FORBIDDEN to others.
              { path: 'pools', ...page(() => import('../features/matching/pages/PoolsPage'), 'PoolsPage') },
              {
                path: 'unmet-demand',
                ...page(() => import('../features/unmetDemand/pages/UnmetDemandPage'), 'UnmetDemandPage'),
              },
            ],
          },
          roleRoute(
            'needs/new',
            'ENTREPRENEUR',
            page(() => import('../features/needs/pages/NewNeedPage'), 'NewNeedPage'),
          ),
          roleRoute(
            'offers/new',
            'EDUCATOR',
            page(() => import('../features/offers/pages/NewOfferPage'), 'NewOfferPage'),
          ),
          roleRoute(
            'my/profile',
            'STUDENT',
            page(() => import('../features/profiles/pages/StudentProfilePage'), 'StudentProfilePage'),
          ),
          roleRoute(
            'my/placements',
            'STUDENT',
            page(() => import('../features/matching/pages/PlacementsPage'), 'PlacementsPage'),
          ),
          roleRoute(
            'coordinator/queue',
            'COORDINATOR',
            page(() => import('../features/matching/pages/BrokeringQueuePage'), 'BrokeringQueuePage'),
          ),
          roleRoute(
            'admin/users',
            'ADMIN',
            page(() => import('../features/admin/pages/AdminUsersPage'), 'AdminUsersPage'),
          ),
          roleRoute(
            'admin/audit',
            'ADMIN',
            page(() => import('../features/admin/pages/AuditLogPage'), 'AuditLogPage'),
          ),
          roleRoute(
            'coordinator/organisations',
            'COORDINATOR',
            page(
              () => import('../features/organisations/pages/CoordinatorOrganisationsPage'),
              'CoordinatorOrganisationsPage',
            ),
          ),
          // The report, its charts and the map (Recharts, d3) are in this page's chunks only.
          roleRoute(
            'reports',
            'COORDINATOR',
            page(() => import('../features/reports/pages/ReportsPage'), 'ReportsPage'),
          ),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
