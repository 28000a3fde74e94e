import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataAccessLog } from './DataAccessLog';
import { DeleteAccount } from './DeleteAccount';
import { DownloadMyData } from './DownloadMyData';
import '../privacy.css';

/** The account page's "Your data": download it, see who has looked at it, delete the account. */
export function YourDataSection() {
  const { t } = useTranslation();
  return (
    <section id="your-data" className="card" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">{t('privacy.yourData.heading')}</h2>
      <p>
        {t('privacy.yourData.lead')} <Link to="/privacy">{t('privacy.yourData.privacyLink')}</Link>
      </p>
      <DownloadMyData />
      <DataAccessLog />
      <DeleteAccount />
    </section>
  );
}
