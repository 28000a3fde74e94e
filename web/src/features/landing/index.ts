export { LandingPage } from './pages/LandingPage';
