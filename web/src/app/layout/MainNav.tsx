import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useUnreadMessageCount } from '../../features/conversations';
import { useSession } from '../../shared/session';
import { hasRole } from '../../shared/utils/roles';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Unread items to show beside the label (messages). */
  unread?: number | null;
  /** Holds its place, unseen, until the session is known (no shift when the links appear). */
  pending?: boolean;
}

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
  // Educators' leads and coordinators' view of it: named as the report names the figure (locales.test.ts).
  const unmetDemand = t('nav.unmetDemand');
  // A signed-in person's first link is their home (what needs them now); the brand leads to the front page.
  const items: NavItem[] = [
    user ? { to: '/home', label: t('nav.myHome') } : { to: '/', label: t('nav.home'), end: true },
    { to: '/search', label: t('nav.search') },
  ];
  // Each role's pages in a group of their own: on a wide screen the signed-in navigation is one row.
  const groups: NavGroupItems[] = [];
  if (user) {
    items.push(
      { to: '/my/bookings', label: t('nav.myBookings') },
      { to: '/conversations', label: t('nav.messages'), unread: unreadMessages },
    );
    if (hasRole(user, 'ENTREPRENEUR'))
      groups.push({
        key: 'ENTREPRENEUR',
        label: t('nav.groups.ENTREPRENEUR'),
        items: [
          { to: '/my/needs', label: t('nav.myNeeds') },
          { to: '/needs/new', label: t('nav.postNeed') },
        ],
      });
    if (hasRole(user, 'STUDENT'))
      groups.push({
        key: 'STUDENT',
        label: t('nav.groups.STUDENT'),
        items: [
          { to: '/my/applications', label: t('nav.myApplications') },
          { to: '/my/placements', label: t('nav.placements') },
          { to: '/my/profile', label: t('nav.myProfile') },
        ],
      });
    if (hasRole(user, 'EDUCATOR'))
      groups.push({
        key: 'EDUCATOR',
        label: t('nav.groups.EDUCATOR'),
        items: [
          { to: '/my/offers', label: t('nav.myOffers') },
          { to: '/offers/new', label: t('nav.publishCourse') },
          { to: '/pools', label: t('nav.pools') },
          { to: '/unmet-demand', label: unmetDemand },
        ],
      });
    if (hasRole(user, 'COORDINATOR'))
      groups.push({
        key: 'COORDINATOR',
        label: t('nav.groups.COORDINATOR'),
        items: [
          { to: '/coordinator/queue', label: t('nav.brokeringQueue') },
          { to: '/coordinator/organisations', label: t('nav.coordinatorOrganisations') },
          { to: '/reports', label: t('reports.navLink') },
          ...(hasRole(user, 'EDUCATOR')
            ? []
            : [
                { to: '/pools', label: t('nav.pools') },
                { to: '/unmet-demand', label: unmetDemand },
              ]),
        ],
      });
    if (hasRole(user, 'ADMIN'))
      groups.push({
        key: 'ADMIN',
        label: t('nav.groups.ADMIN'),
        items: [
          { to: '/admin/users', label: t('nav.adminUsers') },
          { to: '/admin/audit', label: t('admin.audit.nav') },
        ],
      });
    groups.push({
      key: 'MORE',
      label: t('nav.more'),
      items: [
        { to: '/my/searches', label: t('nav.savedSearches') },
        { to: '/organisations', label: t('nav.organisations') },
      ],
    });
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
        {groups.map((group) => (
          <NavGroup key={group.key} group={group} />
        ))}
      </ul>
    </nav>
  );
}

function NavItemLink({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  return (
    <NavLink to={item.to} end={item.end} className="main-nav__link">
      {item.label}
      {item.unread ? (
        <>
          <span className="nav-count" aria-hidden="true">
            {item.unread > 99 ? '99+' : item.unread}
          </span>
          <span className="visually-hidden">, {t('nav.unread', { count: item.unread })}</span>
        </>
      ) : null}
    </NavLink>
  );
}

interface NavGroupItems {
  key: string;
  label: string;
  items: NavItem[];
}

/**
 * A role's pages. On a wide screen, a disclosure button that opens the links below it (the
 * WAI-ARIA disclosure navigation pattern, not a menu: the links stay links, reached by Tab); it
 * closes on Escape (focus back on the button), on leaving it, and on choosing a page. In a phone's
 * folded menu the groups are open lists under their names (CSS), one tap fewer.
 */
function NavGroup({ group }: { group: NavGroupItems }) {
  const { pathname } = useLocation();
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const current = group.items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  const container = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!open) return;
    const closeOnEscape = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    // Focus or a tap elsewhere closes it.
    const closeOutside = (event: Event) => {
      if (!container.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('focusin', closeOutside);
    document.addEventListener('pointerdown', closeOutside);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('focusin', closeOutside);
      document.removeEventListener('pointerdown', closeOutside);
    };
  }, [open]);
  return (
    <li ref={container} className={`nav-group${open ? ' nav-group--open' : ''}`}>
      <span className="nav-group__name" aria-hidden="true">
        {group.label}
      </span>
      <button
        ref={button}
        type="button"
        className={`main-nav__link nav-group__toggle${current ? ' nav-group__toggle--current' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {group.label}
        <span className="nav-group__chevron" aria-hidden="true" />
      </button>
      <ul className="nav-group__list" id={listId} aria-label={group.label}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavItemLink item={item} />
          </li>
        ))}
      </ul>
    </li>
  );
}
