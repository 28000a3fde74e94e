import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account';
import { AdminUsersPage, AuditLogPage } from '../features/admin';
import { ApplicantBoardPage, ApplicationPage, MyApplicationsPage } from '../features/applications';
import { CancelBookingWithTokenPage, MyBookingsPage, SessionManagePage } from '../features/bookings';
import { ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, VerifyEmailPage } from '../features/auth';
import { ConversationPage, ConversationsPage } from '../features/conversations';
import { LandingPage } from '../features/landing';
import { AccessibilityPage, ContactPage, PrivacyPage } from '../features/legal';
import { BrokeringQueuePage, MyProposalsPage, PlacementsPage, PoolsPage, ProposalPage } from '../features/matching';
import {
  DevMailboxPage,
  NotificationPreferencesPage,
  NotificationsPage,
  UnsubscribePage,
} from '../features/notifications';
import { EditNeedPage, MyNeedsPage, NeedPage, NewNeedPage } from '../features/needs';
import { EditOfferPage, MyOffersPage, NewOfferPage, OfferPage } from '../features/offers';
import {
  AcceptInvitationPage,
  CoordinatorOrganisationsPage,
  MyOrganisationsPage,
  OrganisationPage,
} from '../features/organisations';
import { StudentProfilePage } from '../features/profiles';
import { ResultsPage } from '../features/results';
import { SavedSearchesPage } from '../features/savedSearches';
import { SearchPage } from '../features/search';
import { UnmetDemandPage } from '../features/unmetDemand';
import { RootLayout } from './layout/RootLayout';
import { RequireAuth, RequireRole } from './routes/guards';
import { NotFoundPage } from './routes/NotFoundPage';
import { RouteErrorPage } from './routes/RouteErrorPage';

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <LandingPage /> },
          { path: 'sign-up', element: <SignUpPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: 'forgot-password', element: <ForgotPasswordPage /> },
          { path: 'reset-password', element: <ResetPasswordPage /> },
          { path: 'verify-email', element: <VerifyEmailPage /> },
          { path: 'invitations/accept', element: <AcceptInvitationPage /> },
          { path: 'organisations/:id', element: <OrganisationPage /> },
          { path: 'search', element: <SearchPage /> },
          { path: 'results', element: <ResultsPage /> },
          { path: 'privacy', element: <PrivacyPage /> },
          { path: 'accessibility', element: <AccessibilityPage /> },
          { path: 'contact', element: <ContactPage /> },
          { path: 'needs/:id', element: <NeedPage /> },
          { path: 'offers/:id', element: <OfferPage /> },
          { path: 'bookings/cancel', element: <CancelBookingWithTokenPage /> },
          { path: 'unsubscribe', element: <UnsubscribePage /> },
          // Development only: the server answers NOT_FOUND in production or with SMTP configured.
          { path: 'dev/mailbox', element: <DevMailboxPage /> },
          {
            element: <RequireAuth />,
            children: [
              { path: 'account', element: <AccountPage /> },
              { path: 'account/notifications', element: <NotificationPreferencesPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              { path: 'organisations', element: <MyOrganisationsPage /> },
              { path: 'my/needs', element: <MyNeedsPage /> },
              { path: 'my/offers', element: <MyOffersPage /> },
              { path: 'needs/:id/edit', element: <EditNeedPage /> },
              { path: 'offers/:id/edit', element: <EditOfferPage /> },
              { path: 'my/bookings', element: <MyBookingsPage /> },
              { path: 'my/searches', element: <SavedSearchesPage /> },
              { path: 'sessions/:id/manage', element: <SessionManagePage /> },
              { path: 'my/applications', element: <MyApplicationsPage /> },
              { path: 'my/applications/:id', element: <ApplicationPage /> },
              { path: 'applications/:id', element: <ApplicationPage /> },
              { path: 'needs/:id/applicants', element: <ApplicantBoardPage /> },
              { path: 'conversations', element: <ConversationsPage /> },
              { path: 'conversations/:id', element: <ConversationPage /> },
              { path: 'proposals/:id', element: <ProposalPage /> },
              { path: 'my/proposals', element: <MyProposalsPage /> },
              // Educators and coordinators: the server answers FORBIDDEN to others.
              { path: 'pools', element: <PoolsPage /> },
              { path: 'unmet-demand', element: <UnmetDemandPage /> },
            ],
          },
          {
            path: 'needs/new',
            element: <RequireRole userRole="ENTREPRENEUR" />,
            children: [{ index: true, element: <NewNeedPage /> }],
          },
          {
            path: 'offers/new',
            element: <RequireRole userRole="EDUCATOR" />,
            children: [{ index: true, element: <NewOfferPage /> }],
          },
          {
            path: 'my/profile',
            element: <RequireRole userRole="STUDENT" />,
            children: [{ index: true, element: <StudentProfilePage /> }],
          },
          {
            path: 'my/placements',
            element: <RequireRole userRole="STUDENT" />,
            children: [{ index: true, element: <PlacementsPage /> }],
          },
          {
            path: 'coordinator/queue',
            element: <RequireRole userRole="COORDINATOR" />,
            children: [{ index: true, element: <BrokeringQueuePage /> }],
          },
          {
            path: 'admin/users',
            element: <RequireRole userRole="ADMIN" />,
            children: [{ index: true, element: <AdminUsersPage /> }],
          },
          {
            path: 'admin/audit',
            element: <RequireRole userRole="ADMIN" />,
            children: [{ index: true, element: <AuditLogPage /> }],
          },
          {
            path: 'coordinator/organisations',
            element: <RequireRole userRole="COORDINATOR" />,
            children: [{ index: true, element: <CoordinatorOrganisationsPage /> }],
          },
          {
            path: 'reports',
            element: <RequireRole userRole="COORDINATOR" />,
            // The report, its charts and the map load only when a coordinator opens it (own chunks).
            children: [
              { index: true, lazy: async () => ({ Component: (await import('../features/reports')).ReportsPage }) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
