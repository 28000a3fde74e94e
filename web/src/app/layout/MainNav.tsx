import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useUnreadMessageCount } from '../../features/conversations';
import { useSession } from '../../shared/session';
import { NavItemLink, type NavItem } from './NavItemLink';

/**
 * A signed-in person's groups of pages (a role's each), loaded with their session: a visitor's
 * page, most public pages, loads none of it.
 */
const NavGroups = lazy(async () => ({ default: (await import('./NavGroups')).NavGroups }));

/**
 * The main navigation; its links depend on who is signed in (the server still decides access).
 * On a phone a signed-in person's many links fold behind a "Menu" button, so that the page's own
 * heading and content are on the first screen; it closes on choosing a page and on Escape. A
 * visitor's four links fit as they are and work before the app has run (the public pages are
 * rendered on the server), so they are never folded.
 */
export function MainNav() {
  const { t } = useTranslation();
  const { user, status } = useSession();
  const unreadMessages = useUnreadMessageCount();
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  // Open on the page where it was opened: choosing a page (any navigation) folds it again.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);
  // A signed-in person's first link is their home (what needs them now); the brand leads to the front page.
  const items: NavItem[] = [
    user ? { to: '/home', label: t('nav.myHome') } : { to: '/', label: t('nav.home'), end: true },
    { to: '/search', label: t('nav.search') },
  ];
  if (user) {
    items.push(
      { to: '/my/bookings', label: t('nav.myBookings') },
      { to: '/conversations', label: t('nav.messages'), unread: unreadMessages },
    );
  } else {
    // While the session loads (and on the server-rendered page) a visitor's links keep their place
    // unseen: most readers of a public page are visitors, and their page then does not move.
    const pending = status !== 'visitor';
    items.push(
      { to: '/sign-in', label: t('nav.signIn'), pending },
      { to: '/sign-up', label: t('nav.signUp'), pending },
    );
  }
  const foldable = Boolean(user);
  const unreadTotal = unreadMessages ?? 0;
  return (
    <nav
      className={`main-nav${foldable ? ' main-nav--foldable' : ''}${open ? ' main-nav--open' : ''}`}
      aria-label={t('nav.label')}
    >
      {foldable ? (
        <button
          ref={toggle}
          type="button"
          className="main-nav__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpenOn(open ? null : pathname)}
        >
          <span aria-hidden="true" className="main-nav__toggle-icon">
            {open ? '✕' : '☰'}
          </span>
          {t('nav.menu')}
          {unreadTotal > 0 && !open ? (
            <>
              <span className="nav-count" aria-hidden="true">
                {unreadTotal > 99 ? '99+' : unreadTotal}
              </span>
              <span className="visually-hidden">, {t('nav.unread', { count: unreadTotal })}</span>
            </>
          ) : null}
        </button>
      ) : null}
      <ul className="main-nav__list" id={listId}>
        {items.map((item) => (
          <li key={item.to} className={item.pending ? 'main-nav__item--pending' : undefined}>
            <NavItemLink item={item} />
          </li>
        ))}
        {user ? (
          <Suspense fallback={null}>
            <NavGroups user={user} />
          </Suspense>
        ) : null}
      </ul>
    </nav>
  );
}
