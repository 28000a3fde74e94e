import { useTranslation } from 'react-i18next';

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

export function HowItWorks() {
  const { t } = useTranslation();
  return (
    <section className="section" aria-labelledby="how-heading">
      <h2 id="how-heading">{t('landing.how.heading')}</h2>
      <ol className="steps">
        {STEPS.map((step) => (
          <li key={step} className="steps__item">
            {t(`landing.how.${step}`)}
          </li>
        ))}
      </ol>
    </section>
  );
}
