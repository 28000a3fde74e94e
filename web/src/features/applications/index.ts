export { NeedApplications, type ApplicableNeed } from './components/NeedApplications';
export { ApplicantBoardPage } from './pages/ApplicantBoardPage';
export { ApplicationPage } from './pages/ApplicationPage';
export { MyApplicationsPage } from './pages/MyApplicationsPage';
