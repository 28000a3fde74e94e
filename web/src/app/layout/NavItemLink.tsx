import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  end?: boolean;
  /** Unread items to show beside the label (messages). */
  unread?: number | null;
  /** Holds its place, unseen, until the session is known (no shift when the links appear). */
  pending?: boolean;
}

/** A link of the main navigation, with its unread count when it has one. */
export function NavItemLink({ item }: { item: NavItem }) {
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
