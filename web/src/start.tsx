/**
 * The app itself, started by main.tsx (once a server-rendered page has painted): the page's texts and matched routes,
 * then hydration of a server-rendered page, or the first render of the shell.
 */
import { localeOfPath } from '@keskusvaraamo/shared';
import { StrictMode, startTransition, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type ErrorInfo } from 'react-dom/client';
import { matchRoutes } from 'react-router';
import { ssrExchange } from 'urql';
import { App } from './app/App';
import { basenameFor } from './app/router';
import { pageHandles, routes, type PageHandle } from './app/routes';
import { GraphqlSetupProvider, hydrationExchange, type GraphqlSetup } from './shared/graphql';
import { rememberServerHyphenation } from './shared/hyphenation';
import { attachPartialTexts, beginPartialTexts, createI18n, loadFirstTexts, type LocaleTexts } from './shared/i18n';
import { SeoProvider } from './shared/seo';
import { nextTask } from './shared/utils/nextTask';
import { readSsrState } from './ssrState';

/**
 * The pages this address shows, loaded before the first render: a server-rendered page hydrates in
 * one pass only if the browser's first render is the same page, not a page still loading. The server
 * names them (`pages`); matching the address against every route instead is a task of 5-18 ms.
 */
async function loadMatchedPages(basename: string, ids: readonly number[] | undefined): Promise<void> {
  let handles = ids ? pageHandles(ids) : null;
  if (!handles) {
    const matches = matchRoutes(routes, window.location, basename) ?? [];
    handles = matches.map(({ route }) => route.handle as PageHandle | undefined).filter((h) => h !== undefined);
    // Matching compiles every route's pattern; asking for the pages' modules (a link element for each
    // of their chunks) is as long again: two tasks, not one.
    await nextTask();
  }
  await Promise.all(handles.map((handle) => handle.preload()));
}

/** Its effect runs after every effect below it: the hydrated page's queries have all subscribed. */
function Hydrated({ onDone, children }: { onDone: () => void; children: ReactNode }) {
  useEffect(onDone, [onDone]);
  return children;
}

/** A hydration mismatch (or another error React recovered from) is a bug: say so where tests look. */
function reportRecoverable(error: unknown, info: ErrorInfo): void {
  console.error('React recovered from an error (hydration):', error, info.componentStack ?? '');
}

/**
 * Runs the app on this page. A function, not top-level code: a module with top-level await turns
 * off the bundler's merging of small chunks (Rolldown's chunk optimizations), and the first load
 * was some twenty requests of a kilobyte or two, each with its own headers.
 */
export async function start(): Promise<void> {
  // The address decides the page's language; only that language's texts are loaded, and first only
  // the part the frame and the landing page need: the rest comes with the first other page.
  const locale = localeOfPath(window.location.pathname);
  document.documentElement.lang = locale;
  const state = readSsrState();
  beginPartialTexts(locale);
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  // The page's long words as the server hyphenated them: hydrating needs no patterns.
  if (state) rememberServerHyphenation(root);
  const [firstTexts] = await Promise.all([
    state?.texts ?? loadFirstTexts(locale),
    // The shell's router loads its page itself; a server-rendered page's must be here at once.
    state ? loadMatchedPages(basenameFor(locale), state.pages) : null,
  ]);
  const i18n = createI18n(locale, { [locale]: firstTexts as Partial<LocaleTexts> });
  attachPartialTexts(i18n);
  // On a server-rendered page the first client answers from the data the page was rendered with.
  const hydration = hydrationExchange();
  /** Marks the page hydrated (`<html data-hydrated>`), for tests and tools that must wait for it. */
  function hydrated(): void {
    hydration.done();
    document.documentElement.dataset.hydrated = '';
  }
  const graphql: GraphqlSetup = state
    ? { ssr: ssrExchange({ isClient: true, initialState: state.urql }), hydration: hydration.exchange }
    : {};
  const seo = { publicUrl: state?.publicUrl ?? window.location.origin };

  const app = (
    <StrictMode>
      <SeoProvider value={seo}>
        <GraphqlSetupProvider value={graphql}>
          <Hydrated onDone={hydrated}>
            <App locale={locale} i18n={i18n} />
          </Hydrated>
        </GraphqlSetupProvider>
      </SeoProvider>
    </StrictMode>
  );
  // The texts and the GraphQL client are ready; React's first slice is a task of its own.
  await nextTask();
  if (state) {
    // As a transition, hydration yields to the browser every few milliseconds instead of running as
    // one long task (some 300 ms on a slow phone for a page of search results); input during it is
    // handled by React (it hydrates what was touched first). A render React starts again keeps the
    // same GraphQL client (providers.tsx, visitorClient).
    startTransition(() => {
      hydrateRoot(root, app, { onRecoverableError: reportRecoverable });
    });
  } else {
    createRoot(root).render(app);
  }
}
