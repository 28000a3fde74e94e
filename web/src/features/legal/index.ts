export { AccessibilityPage } from './pages/AccessibilityPage';
export { ContactPage } from './pages/ContactPage';
export { LegalLinks } from './components/LegalLinks';
export { PrivacyPage } from './pages/PrivacyPage';
export { PrivacyNoticeSentence } from './components/PrivacyNoticeSentence';
