export { EditOfferPage } from './pages/EditOfferPage';
export { MyOffersPage } from './pages/MyOffersPage';
export { NewOfferPage } from './pages/NewOfferPage';
export { OfferPage } from './pages/OfferPage';
