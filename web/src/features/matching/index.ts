export { NeedSuggestions } from './components/NeedSuggestions';
export { OfferLeads } from './components/OfferLeads';
export { MyProposalsPage } from './pages/MyProposalsPage';
export { ProposalPage } from './pages/ProposalPage';
export { BrokeringQueuePage } from './pages/BrokeringQueuePage';
export { PlacementsPage } from './pages/PlacementsPage';
export { PoolsPage } from './pages/PoolsPage';
