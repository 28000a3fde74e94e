import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate, type To } from 'react-router';

/**
 * Navigates, and resolves once the new page is on screen: the location has changed, or the
 * component that asked has been replaced with its page. Navigations are transitions (the next page
 * renders before it is shown), so code that must run after leaving a page waits for this: signing
 * out ends the session only once the signed-in page is gone, or its guard would send the reader to
 * the sign-in page instead.
 */
export function useLeavePage(): (to: To, state?: unknown) => Promise<void> {
  const navigate = useNavigate();
  const location = useLocation();
  const waiting = useRef<(() => void) | null>(null);
  const settle = () => {
    waiting.current?.();
    waiting.current = null;
  };
  useEffect(settle, [location]);
  useEffect(() => settle, []);
  return useCallback(
    (to: To, state?: unknown) =>
      new Promise<void>((resolve) => {
        waiting.current = resolve;
        void navigate(to, { state });
      }),
    [navigate],
  );
}
