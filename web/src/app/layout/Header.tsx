import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ensureAllTexts } from '../../shared/i18n';
import { useSession } from '../../shared/session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';

/**
 * The bell and the user menu (react-aria's menu, popover and their focus handling), with the texts
 * they use, only for a signed-in person: a visitor's page, most public pages, loads none of it.
 */
const SignedInTools = lazy(async () => {
  const [module] = await Promise.all([import('./SignedInTools'), ensureAllTexts()]);
  return { default: module.SignedInTools };
});

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
            <Suspense fallback={null}>
              <SignedInTools user={user} />
            </Suspense>
          ) : null}
        </div>
      </div>
      <MainNav />
    </header>
  );
}
