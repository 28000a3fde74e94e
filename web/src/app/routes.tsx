import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import type { UserRole } from '@keskusvaraamo/shared';
import { LandingPage } from '../features/landing/pages/LandingPage';
import { ensureAllTexts } from '../shared/i18n';
import { RootLayout } from './layout/RootLayout';
import { RequireAuth, RequireRole } from './routes/guards';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteErrorPage } from './routes/RouteErrorPage';

/**
 * A route's page from its own module, loaded when the route is first matched: each page is a
 * chunk of its own, so the landing page's first load carries no other page (nor the forms,
 * charts or map libraries only other pages use). The frame (RootLayout), the landing page, the
 * guards and the error and not-found pages are small and stay in the entry chunk.
 */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): NonNullable<RouteObject['lazy']> {
  return async () => {
    // Other pages' texts come with the first of them (the landing page's are there from the start).
    const [module] = await Promise.all([load(), ensureAllTexts()]);
    return { Component: module[name] };
  };
}

/** A page only people with the role may open (the server refuses the rest anyway). */
function roleRoute(path: string, role: UserRole, lazy: NonNullable<RouteObject['lazy']>): RouteObject {
  return { path, element: <RequireRole userRole={role} />, children: [{ index: true, lazy }] };
}

function LoadingPage() {
  return null;
}

/**
 * The app's routes, without a language prefix: the router's basename (`/sv`, `/en`, or `/` for
 * Finnish) adds it, so links inside the app stay `/search`. Used by the browser's router
 * (router.tsx) and by the server renderer (createStaticHandler).
 */
export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    // A page not rendered by the server shows nothing for the moment its chunk takes to load.
    HydrateFallback: LoadingPage,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          // Eager (about 2 KB): signing out and deleting an account go to it as the session ends, and
          // a lazy page would let the signed-in page's guard redirect to sign-in while it loads.
          { index: true, Component: LandingPage },
          { path: 'sign-up', lazy: page(() => import('../features/auth/pages/SignUpPage'), 'SignUpPage') },
          { path: 'sign-in', lazy: page(() => import('../features/auth/pages/SignInPage'), 'SignInPage') },
          {
            path: 'forgot-password',
            lazy: page(() => import('../features/auth/pages/ForgotPasswordPage'), 'ForgotPasswordPage'),
          },
          {
            path: 'reset-password',
            lazy: page(() => import('../features/auth/pages/ResetPasswordPage'), 'ResetPasswordPage'),
          },
          {
            path: 'verify-email',
            lazy: page(() => import('../features/auth/pages/VerifyEmailPage'), 'VerifyEmailPage'),
          },
          {
            path: 'invitations/accept',
            lazy: page(() => import('../features/organisations/pages/AcceptInvitationPage'), 'AcceptInvitationPage'),
          },
          {
            path: 'organisations/:id',
            lazy: page(() => import('../features/organisations/pages/OrganisationPage'), 'OrganisationPage'),
          },
          { path: 'search', lazy: page(() => import('../features/search/pages/SearchPage'), 'SearchPage') },
          { path: 'results', lazy: page(() => import('../features/results/pages/ResultsPage'), 'ResultsPage') },
          { path: 'privacy', lazy: page(() => import('../features/legal/pages/PrivacyPage'), 'PrivacyPage') },
          {
            path: 'accessibility',
            lazy: page(() => import('../features/legal/pages/AccessibilityPage'), 'AccessibilityPage'),
          },
          { path: 'contact', lazy: page(() => import('../features/legal/pages/ContactPage'), 'ContactPage') },
          { path: 'needs/:id', lazy: page(() => import('../features/needs/pages/NeedPage'), 'NeedPage') },
          { path: 'offers/:id', lazy: page(() => import('../features/offers/pages/OfferPage'), 'OfferPage') },
          {
            path: 'bookings/cancel',
            lazy: page(
              () => import('../features/bookings/pages/CancelBookingWithTokenPage'),
              'CancelBookingWithTokenPage',
            ),
          },
          {
            path: 'unsubscribe',
            lazy: page(() => import('../features/notifications/pages/UnsubscribePage'), 'UnsubscribePage'),
          },
          // Development only: the server answers NOT_FOUND in production or with SMTP configured.
          {
            path: 'dev/mailbox',
            lazy: page(() => import('../features/notifications/pages/DevMailboxPage'), 'DevMailboxPage'),
          },
          {
            element: <RequireAuth />,
            children: [
              { path: 'account', lazy: page(() => import('../features/account/pages/AccountPage'), 'AccountPage') },
              {
                path: 'account/notifications',
                lazy: page(
                  () => import('../features/notifications/pages/NotificationPreferencesPage'),
                  'NotificationPreferencesPage',
                ),
              },
              {
                path: 'notifications',
                lazy: page(() => import('../features/notifications/pages/NotificationsPage'), 'NotificationsPage'),
              },
              {
                path: 'organisations',
                lazy: page(() => import('../features/organisations/pages/MyOrganisationsPage'), 'MyOrganisationsPage'),
              },
              { path: 'my/needs', lazy: page(() => import('../features/needs/pages/MyNeedsPage'), 'MyNeedsPage') },
              {
                path: 'my/offers',
                lazy: page(() => import('../features/offers/pages/MyOffersPage'), 'MyOffersPage'),
              },
              {
                path: 'needs/:id/edit',
                lazy: page(() => import('../features/needs/pages/EditNeedPage'), 'EditNeedPage'),
              },
              {
                path: 'offers/:id/edit',
                lazy: page(() => import('../features/offers/pages/EditOfferPage'), 'EditOfferPage'),
              },
              {
                path: 'my/bookings',
                lazy: page(() => import('../features/bookings/pages/MyBookingsPage'), 'MyBookingsPage'),
              },
              {
                path: 'my/searches',
                lazy: page(() => import('../features/savedSearches/pages/SavedSearchesPage'), 'SavedSearchesPage'),
              },
              {
                path: 'sessions/:id/manage',
                lazy: page(() => import('../features/bookings/pages/SessionManagePage'), 'SessionManagePage'),
              },
              {
                path: 'my/applications',
                lazy: page(() => import('../features/applications/pages/MyApplicationsPage'), 'MyApplicationsPage'),
              },
              {
                path: 'my/applications/:id',
                lazy: page(() => import('../features/applications/pages/ApplicationPage'), 'ApplicationPage'),
              },
              {
                path: 'applications/:id',
                lazy: page(() => import('../features/applications/pages/ApplicationPage'), 'ApplicationPage'),
              },
              {
                path: 'needs/:id/applicants',
                lazy: page(() => import('../features/applications/pages/ApplicantBoardPage'), 'ApplicantBoardPage'),
              },
              {
                path: 'conversations',
                lazy: page(() => import('../features/conversations/pages/ConversationsPage'), 'ConversationsPage'),
              },
              {
                path: 'conversations/:id',
                lazy: page(() => import('../features/conversations/pages/ConversationPage'), 'ConversationPage'),
              },
              {
                path: 'proposals/:id',
                lazy: page(() => import('../features/matching/pages/ProposalPage'), 'ProposalPage'),
              },
              {
                path: 'my/proposals',
                lazy: page(() => import('../features/matching/pages/MyProposalsPage'), 'MyProposalsPage'),
              },
              // Educators and coordinators: the server answers FORBIDDEN to others.
              { path: 'pools', lazy: page(() => import('../features/matching/pages/PoolsPage'), 'PoolsPage') },
              {
                path: 'unmet-demand',
                lazy: page(() => import('../features/unmetDemand/pages/UnmetDemandPage'), 'UnmetDemandPage'),
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
