import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The privacy notice, the accessibility statement and the contact page: every page's footer lists them. */
export function LegalLinks() {
  const { t } = useTranslation();
  return (
    <>
      <li>
        <Link to="/privacy">{t('legal.footer.privacy')}</Link>
      </li>
      <li>
        <Link to="/accessibility">{t('legal.footer.accessibility')}</Link>
      </li>
      <li>
        <Link to="/contact">{t('legal.footer.contact')}</Link>
      </li>
    </>
  );
}
