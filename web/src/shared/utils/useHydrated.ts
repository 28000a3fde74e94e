import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False in the server's render and in the browser's first render of a server-rendered page (the
 * hydration, which must match the server's HTML), true from then on. For what only the browser
 * knows, such as the router's location state kept across a reload.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
