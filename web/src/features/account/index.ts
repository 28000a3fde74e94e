export { useSaveAccountLocale } from './operations';
export { AccountPage } from './pages/AccountPage';
