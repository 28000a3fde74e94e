export { AcceptInvitationPage } from './pages/AcceptInvitationPage';
export { CoordinatorOrganisationsPage } from './pages/CoordinatorOrganisationsPage';
export { MyOrganisationsPage } from './pages/MyOrganisationsPage';
export { OrganisationPage } from './pages/OrganisationPage';
