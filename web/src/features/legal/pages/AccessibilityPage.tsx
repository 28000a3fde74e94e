import { useTranslation } from 'react-i18next';
import { formatDay, useLocale } from '../../../shared/i18n';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { LegalSection } from '../components/LegalSection';
import { MailLink } from '../components/OperatorDetails';
import { RichText } from '../components/RichText';
import { useLegalInfo } from '../components/useLegalInfo';
import type { LegalInfo } from '../operations';
import '../legal.css';

const GAPS = ['charts', 'downloads', 'userContent', 'external'] as const;

/** The supervising authority's contact details, as the model statement gives them. */
const AUTHORITY = {
  website: 'https://www.saavutettavuusvaatimukset.fi',
  websiteText: 'www.saavutettavuusvaatimukset.fi',
  email: 'saavutettavuus@avi.fi',
  phone: '0295 016 000',
};

/**
 * The accessibility statement in the form of the Finnish model statement (Act 306/2019): the
 * service, its conformance with WCAG 2.1 AA and the known gaps, how and when it was evaluated
 * (from the configuration), the feedback channel, and the supervising authority.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const { info, fetching, error } = useLegalInfo();
  return (
    <Page title={t('legal.accessibility.title')} lead={t('legal.accessibility.lead')} className="page--medium legal">
      <ErrorAlert error={error} />
      {info ? <Statement info={info} /> : fetching ? <Loading /> : null}
    </Page>
  );
}

function Statement({ info }: { info: LegalInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const evaluatedOn = formatDay(info.accessibilityEvaluatedOn, locale);
  return (
    <>
      <p className="legal__intro">{t('legal.accessibility.intro', { operator: info.operatorName })}</p>
      <LegalSection id="status" heading={t('legal.accessibility.status.heading')}>
        <p>{t('legal.accessibility.status.text')}</p>
      </LegalSection>
      <LegalSection id="gaps" heading={t('legal.accessibility.gaps.heading')}>
        <p>{t('legal.accessibility.gaps.intro')}</p>
        <ul className="legal__list">
          {GAPS.map((key) => (
            <li key={key}>
              <RichText i18nKey={`legal.accessibility.gaps.items.${key}`} />
            </li>
          ))}
        </ul>
      </LegalSection>
      <LegalSection id="evaluation" heading={t('legal.accessibility.evaluation.heading')}>
        <p>{t('legal.accessibility.evaluation.text', { date: evaluatedOn })}</p>
      </LegalSection>
      <LegalSection id="feedback" heading={t('legal.accessibility.feedback.heading')}>
        <p>{t('legal.accessibility.feedback.text')}</p>
        <ul className="legal__list">
          <li>
            <RichText i18nKey="legal.accessibility.feedback.form" topic="ACCESSIBILITY" />
          </li>
          <li>
            {t('legal.operator.email')}: <MailLink address={info.accessibilityEmail} />
          </li>
        </ul>
      </LegalSection>
      <LegalSection id="authority" heading={t('legal.accessibility.authority.heading')}>
        <p>{t('legal.accessibility.authority.text')}</p>
        <h3>{t('legal.accessibility.authority.contactHeading')}</h3>
        <address className="legal__address">
          {t('legal.accessibility.authority.name')}
          <br />
          {t('legal.accessibility.authority.unit')}
          <br />
          {t('legal.accessibility.authority.website')}: <a href={AUTHORITY.website}>{AUTHORITY.websiteText}</a>
          <br />
          {t('legal.accessibility.authority.email')}: <MailLink address={AUTHORITY.email} />
          <br />
          {t('legal.accessibility.authority.phone')}:{' '}
          <a href={`tel:+358${AUTHORITY.phone.slice(1).replace(/\s/g, '')}`}>{AUTHORITY.phone}</a>
        </address>
        <p>{t('legal.accessibility.authority.current')}</p>
      </LegalSection>
    </>
  );
}
