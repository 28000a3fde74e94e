import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { SessionUser } from '../../shared/session';
import { hasRole } from '../../shared/utils/roles';
import { NavItemLink, type NavItem } from './NavItemLink';

/** Each role's pages in a group of their own, and More: on a wide screen the signed-in navigation is one row. */
export function NavGroups({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  // Educators' leads and coordinators' view of it: named as the report names the figure (locales.test.ts).
  const unmetDemand = t('nav.unmetDemand');
  const groups: NavGroupItems[] = [];
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
  return (
    <>
      {groups.map((group) => (
        <NavGroup key={group.key} group={group} />
      ))}
    </>
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
