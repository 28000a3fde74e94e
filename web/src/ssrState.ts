import type { SSRData } from 'urql';
import type { TextTree } from './shared/i18n/textSplit';

/** The element holding a server-rendered page's state (`<script type="application/json">`: not run). */
export const SSR_STATE_ID = 'ssr-state';

/** What the server renderer hands the browser for hydration. */
export interface SsrState {
  /** The service's public origin, for the head's absolute addresses. */
  publicUrl: string;
  /** The GraphQL results the page was rendered with (urql's ssrExchange). */
  urql: SSRData;
  /**
   * The first part of the page's language's texts (shared/i18n/textSplit.ts), in the page itself:
   * compressed with it, and no request more before the page can hydrate.
   */
  texts?: TextTree;
  /** The ids of the pages the address showed (app/routes.tsx, `matchedPageIds`), to load before hydrating. */
  pages?: number[];
}

/** The server-rendered page's state, or null on the shell. */
export function readSsrState(): SsrState | null {
  const element = document.getElementById(SSR_STATE_ID);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as SsrState;
  } catch {
    return null;
  }
}
