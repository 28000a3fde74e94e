export { PublicCountValue, usePublicCountText } from './components/PublicCountValue';
export { useFigureText } from './components/figureText';
export { PublicResultsQuery, type PublicCount, type PublicFigure, type PublicResults } from './operations';
export { ResultsPage } from './pages/ResultsPage';
