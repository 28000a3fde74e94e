import { useRef } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Outlet, useHref, useNavigate, type NavigateOptions, type To } from 'react-router';
import { Footer } from './Footer';
import { Header } from './Header';
import { NoticeBanner } from './NoticeBanner';
import { OfflineNotice } from './OfflineNotice';
import { SkipLink } from './SkipLink';
import { focusMainHeading, usePageAnnouncement } from './usePageAnnouncement';
import { useScrollRestoration } from './useScrollRestoration';

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

/**
 * The frame of every page. After a client-side navigation the new page's h1 takes focus and its
 * title is announced (usePageAnnouncement).
 */
export function RootLayout() {
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const announcement = usePageAnnouncement(mainRef);
  useScrollRestoration();

  return (
    <AriaRouterProvider navigate={(to: To, options?: NavigateOptions) => void navigate(to, options)} useHref={useHref}>
      <SkipLink onSkip={() => focusMainHeading(mainRef.current)} />
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <NoticeBanner />
        <OfflineNotice />
        <Outlet />
      </main>
      <Footer />
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </AriaRouterProvider>
  );
}
