import { useTranslation } from 'react-i18next';
import { TIME_ZONE } from '../../../shared/i18n';
import { DownloadButton } from '../../../shared/ui';
import { DATA_EXPORT_URL } from '../operations';

/** Today in Helsinki as YYYY-MM-DD: the day the file is named by, as the server names it. */
export function exportDay(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** "Download my data": everything the service holds about the person, as one JSON file. */
export function DownloadMyData() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="your-data-download-heading">
      <h3 id="your-data-download-heading">{t('privacy.download.heading')}</h3>
      <p>{t('privacy.download.help')}</p>
      <DownloadButton url={DATA_EXPORT_URL} filename={`keskusvaraamo-data-${exportDay()}.json`}>
        {t('privacy.download.button')}
      </DownloadButton>
    </section>
  );
}
