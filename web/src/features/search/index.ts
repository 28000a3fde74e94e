export { SearchPage } from './pages/SearchPage';
export { ResultList } from './components/ResultList';
