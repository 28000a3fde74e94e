import "./csp";
import { localeOfPath } from "@keskusvaraamo/shared";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { createAppRouter } from "./app/router";
import { createI18n, loadLocaleResources } from "./shared/i18n";
import "./styles.css";

// The address decides the page's language; only that language's texts are loaded.
const locale = localeOfPath(window.location.pathname);
document.documentElement.lang = locale;
const i18n = createI18n(locale, await loadLocaleResources(locale));
const router = createAppRouter(locale);

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");
createRoot(root).render(
  <StrictMode>
    <App router={router} i18n={i18n} />
  </StrictMode>,
);
