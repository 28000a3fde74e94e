import { useTranslation } from 'react-i18next';

const AUDIENCES = ['entrepreneurs', 'students', 'educators', 'coordinators'] as const;

/** Who the service is for, and what each of them gets from it. */
export function AudienceList() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="audiences-heading">
      <h2 id="audiences-heading">{t('landing.audiences.heading')}</h2>
      <ul className="audience-grid">
        {AUDIENCES.map((audience) => (
          <li key={audience} className={`card audience audience--${audience}`}>
            <h3 className="audience__title">{t(`landing.audiences.${audience}.title`)}</h3>
            <p>{t(`landing.audiences.${audience}.body`)}</p>
            <ul className="audience__points">
              <li>{t(`landing.audiences.${audience}.point1`)}</li>
              <li>{t(`landing.audiences.${audience}.point2`)}</li>
              <li>{t(`landing.audiences.${audience}.point3`)}</li>
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
