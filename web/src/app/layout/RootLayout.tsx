import { useEffect, useRef, useState } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Outlet, useHref, useLocation, useNavigate, type NavigateOptions, type To } from 'react-router';
import { Footer } from './Footer';
import { Header } from './Header';
import { NoticeBanner } from './NoticeBanner';
import { SkipLink } from './SkipLink';
import { useScrollRestoration } from './useScrollRestoration';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

/** Focuses the page's heading, or the main region when a page has none yet. */
function focusMainHeading(main: HTMLElement | null): void {
  const heading = main?.querySelector<HTMLElement>('h1');
  (heading ?? main)?.focus();
}

/**
 * The frame of every page. After a client-side navigation the new page's h1 takes focus and its
 * title is announced, as a full page load would do for screen reader and keyboard users.
 */
export function RootLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const firstRender = useRef(true);
  useScrollRestoration();

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMainHeading(mainRef.current);
    // Pages set document.title in their own effects, which run before this parent's effect.
    setAnnouncement(document.title);
  }, [location.pathname]);

  return (
    <AriaRouterProvider navigate={(to: To, options?: NavigateOptions) => void navigate(to, options)} useHref={useHref}>
      <SkipLink onSkip={() => focusMainHeading(mainRef.current)} />
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <NoticeBanner />
        <Outlet />
      </main>
      <Footer />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </AriaRouterProvider>
  );
}
