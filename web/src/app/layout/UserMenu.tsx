import { Button, Menu, MenuItem, MenuTrigger, Popover, Separator } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useUnreadMessageCount } from '../../features/conversations';
import { useSession, type SessionUser } from '../../shared/session';
import { noticeState } from '../../shared/utils/notice';
import { useLeavePage } from '../../shared/utils/useLeavePage';

/** The signed-in user's menu: account, notifications, bookings, messages, organisations and signing out. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { signOut } = useSession();
  const leavePage = useLeavePage();
  const unreadMessages = useUnreadMessageCount();
  return (
    <MenuTrigger>
      <Button className="button button--ghost user-menu__button">
        <span className="visually-hidden">{t('userMenu.label')}: </span>
        <span className="user-menu__avatar" aria-hidden="true">
          {user.displayName.trim().charAt(0).toUpperCase() || '?'}
        </span>
        <span className="user-menu__name">{user.displayName}</span>
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover" placement="bottom end">
        <Menu
          className="menu"
          onAction={(key) => {
            if (key !== 'sign-out') return;
            void signOut({ beforeLocalEnd: () => leavePage('/', noticeState('signedOut')) });
          }}
        >
          <MenuItem id="account" href="/account" className="menu__item">
            {t('userMenu.account')}
          </MenuItem>
          <MenuItem id="notifications" href="/notifications" className="menu__item">
            {t('userMenu.notifications')}
          </MenuItem>
          <MenuItem id="bookings" href="/my/bookings" className="menu__item">
            {t('userMenu.bookings')}
          </MenuItem>
          <MenuItem id="messages" href="/conversations" className="menu__item">
            {unreadMessages
              ? `${t('userMenu.messages')} (${t('nav.unread', { count: unreadMessages })})`
              : t('userMenu.messages')}
          </MenuItem>
          <MenuItem id="proposals" href="/my/proposals" className="menu__item">
            {t('userMenu.proposals')}
          </MenuItem>
          <MenuItem id="saved-searches" href="/my/searches" className="menu__item">
            {t('userMenu.savedSearches')}
          </MenuItem>
          <MenuItem id="organisations" href="/organisations" className="menu__item">
            {t('userMenu.organisations')}
          </MenuItem>
          <Separator className="menu__separator" />
          <MenuItem id="sign-out" className="menu__item">
            {t('userMenu.signOut')}
          </MenuItem>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
