export { UnmetDemandList } from './components/UnmetDemandList';
export { UnmetDemandPage } from './pages/UnmetDemandPage';
