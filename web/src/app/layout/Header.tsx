import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationBell } from '../../features/notifications';
import { useSession } from '../../shared/session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { UserMenu } from './UserMenu';

export function Header() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {/* A proper name: the same in every language, so marked as Finnish for screen readers. */}
          <span className="brand__name" lang="fi">
            {t('app.name')}
          </span>
          <span className="brand__subtitle">{t('app.subtitle')}</span>
        </Link>
        <div className="site-header__tools">
          <LanguageSwitcher />
          {user ? (
            <>
              <NotificationBell />
              <UserMenu user={user} />
            </>
          ) : null}
        </div>
      </div>
      <MainNav />
    </header>
  );
}
