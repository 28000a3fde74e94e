import { afterEach } from 'vitest';

/**
 * react-aria's live announcer lives outside React, on document.body, and outlasts a test's cleanup:
 * an announcement that names an element by aria-labelledby (a chosen option) would point the next
 * test's axe check at an element that is gone. Each test starts with the announcer's logs empty.
 */
afterEach(() => {
  if (typeof document === 'undefined') return;
  document.querySelectorAll('[data-live-announcer] [role="log"]').forEach((log) => log.replaceChildren());
});
