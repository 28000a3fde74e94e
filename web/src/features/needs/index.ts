export { EditNeedPage } from './pages/EditNeedPage';
export { MyNeedsPage } from './pages/MyNeedsPage';
export { NeedPage } from './pages/NeedPage';
export { NewNeedPage } from './pages/NewNeedPage';
