import './csp';
import { localeOfPath } from '@keskusvaraamo/shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppRouter } from './app/router';
import { initI18n } from './shared/i18n';
import './styles.css';

initI18n();

const router = createAppRouter(localeOfPath(window.location.pathname));
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App router={router} />
  </StrictMode>,
);
