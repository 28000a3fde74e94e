// @vitest-environment jsdom
/**
 * The routing pieces that React Router's declarative mode leaves to the app: the pages' error
 * boundary, scrolling between pages, and leaving a page before the session ends.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { useEffect, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, Link, Outlet, RouterProvider, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prepareI18n } from '../shared/testing';
import { useLeavePage } from '../shared/utils/useLeavePage';
import { usePageAnnouncement } from './layout/usePageAnnouncement';
import { useScrollRestoration } from './layout/useScrollRestoration';
import { RouteErrorBoundary } from './routes/RouteErrorPage';

afterEach(cleanup);

function Broken(): never {
  throw new Error('a bug in a page');
}

describe('the pages’ error boundary', () => {
  it('shows the error page in the frame, and the next page again once the reader leaves', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const router = createMemoryRouter(
      [
        {
          element: (
            <>
              <nav>
                <Link to="/fine">fine</Link>
              </nav>
              <RouteErrorBoundary>
                <Outlet />
              </RouteErrorBoundary>
            </>
          ),
          children: [
            { path: 'broken', element: <Broken /> },
            { path: 'fine', element: <p>A page that works</p> },
          ],
        },
      ],
      { initialEntries: ['/broken'] },
    );
    render(
      <I18nextProvider i18n={prepareI18n()}>
        <RouterProvider router={router} />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    // The frame stays: its navigation is still there to leave by.
    await act(() => screen.getByRole('link', { name: 'fine' }).click());
    expect(await screen.findByText('A page that works')).toBeTruthy();
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe('scrolling between pages', () => {
  let scrolledTo: number[];
  beforeEach(() => {
    scrolledTo = [];
    sessionStorage.clear();
    Object.defineProperty(window, 'scrollTo', {
      configurable: true,
      value: (_x: number, y: number) => {
        scrolledTo.push(y);
        Object.defineProperty(window, 'scrollY', { configurable: true, value: y });
      },
    });
  });
  afterEach(() => vi.restoreAllMocks());

  function Frame() {
    useScrollRestoration();
    const { pathname } = useLocation();
    return <p>at {pathname}</p>;
  }

  it('starts a new page at its top, and back returns to where the reader was', async () => {
    const router = createMemoryRouter([{ path: '*', element: <Frame /> }], { initialEntries: ['/search'] });
    render(<RouterProvider router={router} />);
    expect(scrolledTo).toEqual([]);
    // The reader scrolls down the results…
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 1200 });
    window.dispatchEvent(new Event('scroll'));
    // …opens a course, which starts at its top…
    await act(() => router.navigate('/offers/1'));
    expect(await screen.findByText('at /offers/1')).toBeTruthy();
    expect(scrolledTo).toEqual([0]);
    // …and back is where they were.
    await act(() => router.navigate(-1));
    expect(await screen.findByText('at /search')).toBeTruthy();
    expect(scrolledTo).toEqual([0, 1200]);
  });

  function openedBy(type: NavigationTimingType) {
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([{ type } as PerformanceNavigationTiming]);
  }

  it('a reload returns to where the reader was, from sessionStorage', async () => {
    sessionStorage.setItem('keskusvaraamo:scroll', JSON.stringify({ default: 500 }));
    openedBy('reload');
    const router = createMemoryRouter([{ path: '*', element: <Frame /> }], { initialEntries: ['/search'] });
    render(<RouterProvider router={router} />);
    expect(await screen.findByText('at /search')).toBeTruthy();
    expect(scrolledTo).toEqual([500]);
  });

  it('a page opened afresh neither reads sessionStorage nor moves, and keeps what others saved', async () => {
    sessionStorage.setItem('keskusvaraamo:scroll', JSON.stringify({ default: 500, other: 80 }));
    openedBy('navigate');
    const read = vi.spyOn(Storage.prototype, 'getItem');
    const router = createMemoryRouter([{ path: '*', element: <Frame /> }], { initialEntries: ['/search'] });
    render(<RouterProvider router={router} />);
    expect(await screen.findByText('at /search')).toBeTruthy();
    expect(scrolledTo).toEqual([]);
    expect(read).not.toHaveBeenCalledWith('keskusvaraamo:scroll');
    // Leaving the page keeps the other entries' positions beside this one's.
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 300 });
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(sessionStorage.getItem('keskusvaraamo:scroll')!)).toEqual({ default: 300, other: 80 });
  });
});

describe('leaving a page', () => {
  it('resolves once the next page is shown, not before', async () => {
    const order: string[] = [];
    function SignedInPage() {
      const leavePage = useLeavePage();
      const [, rerender] = useState(0);
      return (
        <button
          type="button"
          onClick={() => {
            void leavePage('/', { notice: 'signedOut' }).then(() => order.push('left'));
            rerender((n) => n + 1);
          }}
        >
          Sign out
        </button>
      );
    }
    function Landing() {
      const { state } = useLocation();
      order.push('landing shown');
      return <p>Landing {(state as { notice?: string } | null)?.notice}</p>;
    }
    const router = createMemoryRouter(
      [
        { path: '/', element: <Landing /> },
        { path: '/account', element: <SignedInPage /> },
      ],
      { initialEntries: ['/account'] },
    );
    render(<RouterProvider router={router} />);
    await act(() => screen.getByRole('button', { name: 'Sign out' }).click());
    expect(await screen.findByText('Landing signedOut')).toBeTruthy();
    await waitFor(() => expect(order).toContain('left'));
    expect(order.indexOf('landing shown')).toBeLessThan(order.indexOf('left'));
  });
});

describe('announcing the page after a navigation', () => {
  /** A page whose item arrives after its first render, as a need's or a course's does. */
  function ItemPage({ arrive }: { arrive: Promise<void> }) {
    const [title, setTitle] = useState('Ladataan…');
    useEffect(() => {
      void arrive.then(() => setTitle('Aurinkoharjoittelu'));
    }, [arrive]);
    useEffect(() => {
      document.title = `${title} – Osaamisen keskusvaraamo`;
    }, [title]);
    return title === 'Ladataan…' ? <button type="button">Odota</button> : <h1 tabIndex={-1}>{title}</h1>;
  }

  function Frame() {
    const main = useRef<HTMLElement>(null);
    const announcement = usePageAnnouncement(main);
    return (
      <>
        <Link to="/item">item</Link>
        <main ref={main} tabIndex={-1}>
          <Outlet />
        </main>
        <p data-testid="announced">{announcement}</p>
      </>
    );
  }

  it('announces the loaded item’s title, not only the loading one, and puts focus on its heading', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    document.title = 'Etusivu – Osaamisen keskusvaraamo';
    const router = createMemoryRouter(
      [
        {
          element: <Frame />,
          children: [
            { path: '/', element: <p>Etusivu</p> },
            { path: 'item', element: <ItemPage arrive={arrived} /> },
          ],
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    await act(() => router.navigate('/item'));
    const announced = () => screen.getByTestId('announced').textContent;
    await waitFor(() => expect(announced()).toBe('Ladataan… – Osaamisen keskusvaraamo'));
    await act(async () => arrive());
    await waitFor(() => expect(announced()).toBe('Aurinkoharjoittelu – Osaamisen keskusvaraamo'));
    // The loading page had no heading (focus went to main); the item's heading has it now only if focus was lost.
    await waitFor(() => expect(document.activeElement?.tagName).toMatch(/^(MAIN|H1)$/));
  });
});
