export { SaveSearch, type SearchToSave } from './components/SaveSearch';
export { SavedSearchesPage } from './pages/SavedSearchesPage';
