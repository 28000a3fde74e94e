export { SearchPage } from './pages/SearchPage';
