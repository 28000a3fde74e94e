export { ConversationDialog } from './components/ConversationDialog';
export { ConversationView } from './components/ConversationView';
export { useUnreadMessageCount } from './components/useUnreadMessageCount';
export { ConversationPage } from './pages/ConversationPage';
export { ConversationsPage } from './pages/ConversationsPage';
export type { ConversationSubject } from './operations';
