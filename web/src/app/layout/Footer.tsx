import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LegalLinks } from '../../features/legal';
import { useSession } from '../../shared/session';

export function Footer() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__name">
          <span lang="fi">{t('app.name')}</span> · {t('footer.cluster')}
        </p>
        <p>{t('footer.about')}</p>
        <nav aria-label={t('footer.navLabel')}>
          <ul className="site-footer__links">
            <li>
              <Link to="/">{t('nav.home')}</Link>
            </li>
            <li>
              <Link to="/search">{t('nav.search')}</Link>
            </li>
            <li>
              <Link to="/results">{t('results.title')}</Link>
            </li>
            {user ? (
              <li>
                <Link to="/account">{t('userMenu.account')}</Link>
              </li>
            ) : (
              <>
                <li>
                  <Link to="/sign-up">{t('nav.signUp')}</Link>
                </li>
                <li>
                  <Link to="/forgot-password">{t('footer.forgotPassword')}</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <nav aria-label={t('legal.footer.label')} className="site-footer__legal">
          <ul className="site-footer__links">
            <LegalLinks />
          </ul>
        </nav>
      </div>
    </footer>
  );
}
