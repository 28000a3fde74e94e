import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading, Page } from '../../../shared/ui';
import { LegalContents, LegalSection } from '../components/LegalSection';
import { OperatorDetails, MailLink } from '../components/OperatorDetails';
import { RichText } from '../components/RichText';
import { useLegalInfo } from '../components/useLegalInfo';
import type { LegalInfo } from '../operations';
import '../legal.css';

const SECTIONS = [
  'controller',
  'contact',
  'purposes',
  'categories',
  'recipients',
  'retention',
  'rights',
  'viewsLog',
  'automated',
  'cookies',
  'security',
] as const;
const PURPOSES = ['account', 'marketplace', 'profile', 'invoicing', 'brokering', 'reporting', 'security'] as const;
const CATEGORIES = [
  'account',
  'organisations',
  'profile',
  'applications',
  'bookings',
  'content',
  'messages',
  'notifications',
  'signIns',
  'viewsLog',
  'auditLog',
] as const;
const RECIPIENTS = ['parties', 'discoverable', 'coordinators', 'processors', 'authorities'] as const;
const RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'objection', 'portability', 'complaint'] as const;
const COOKIES = ['session', 'device', 'language'] as const;

/**
 * The privacy notice (GDPR Articles 13 and 14): the controller and contacts from the server's
 * configuration, purposes with their legal bases, the data, its recipients, the retention periods as
 * configured, the person's rights with the places in the service where they are used, cookies.
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const { info, fetching, error } = useLegalInfo();
  return (
    <Page title={t('legal.privacy.title')} lead={t('legal.privacy.lead')} className="page--medium legal">
      <ErrorAlert error={error} />
      {info ? <PrivacyNotice info={info} /> : fetching ? <Loading /> : null}
    </Page>
  );
}

function PrivacyNotice({ info }: { info: LegalInfo }) {
  const { t } = useTranslation();
  const months = (count: number) => t('legal.units.months', { count });
  const days = (count: number) => t('legal.units.days', { count });
  const retention = {
    account: { months: months(info.inactiveAccountMonths), days: days(info.inactiveAccountNoticeDays) },
    deleted: {},
    applications: { months: months(info.applicationRetentionMonths) },
    participants: { months: months(info.participantRetentionMonths) },
    viewsLog: { months: months(info.dataAccessLogMonths) },
    auditLog: { months: months(info.auditLogMonths) },
    mail: { days: days(info.sentMailDays) },
    statistics: {},
  } as const;
  return (
    <>
      <LegalContents
        label={t('legal.privacy.contents')}
        sections={SECTIONS.map((id) => ({ id, heading: t(`legal.privacy.${id}.heading`) }))}
      />
      <LegalSection id="controller" heading={t('legal.privacy.controller.heading')}>
        <p>{t('legal.privacy.controller.text', { operator: info.operatorName })}</p>
        <OperatorDetails info={info} contacts={false} />
      </LegalSection>
      <LegalSection id="contact" heading={t('legal.privacy.contact.heading')}>
        <p>
          <RichText i18nKey="legal.privacy.contact.text" values={{ email: info.privacyEmail }} />
        </p>
        <p>
          <MailLink address={info.privacyEmail} />
        </p>
      </LegalSection>
      <LegalSection id="purposes" heading={t('legal.privacy.purposes.heading')}>
        <p>{t('legal.privacy.purposes.intro')}</p>
        <ul className="legal__list">
          {PURPOSES.map((key) => (
            <li key={key}>
              <RichText i18nKey={`legal.privacy.purposes.items.${key}`} />
            </li>
          ))}
        </ul>
      </LegalSection>
      <LegalSection id="categories" heading={t('legal.privacy.categories.heading')}>
        <ul className="legal__list">
          {CATEGORIES.map((key) => (
            <li key={key}>
              <RichText i18nKey={`legal.privacy.categories.items.${key}`} />
            </li>
          ))}
        </ul>
        <p>{t('legal.privacy.categories.sources')}</p>
      </LegalSection>
      <LegalSection id="recipients" heading={t('legal.privacy.recipients.heading')}>
        <ul className="legal__list">
          {RECIPIENTS.map((key) => (
            <li key={key}>{t(`legal.privacy.recipients.items.${key}`)}</li>
          ))}
        </ul>
        <p>{t('legal.privacy.recipients.transfers')}</p>
      </LegalSection>
      <LegalSection id="retention" heading={t('legal.privacy.retention.heading')}>
        <p>{t('legal.privacy.retention.intro')}</p>
        <ul className="legal__list">
          {Object.entries(retention).map(([key, values]) => (
            <li key={key}>
              <RichText
                i18nKey={`legal.privacy.retention.items.${key as keyof typeof retention}`}
                values={values as Record<string, string>}
              />
            </li>
          ))}
        </ul>
      </LegalSection>
      <LegalSection id="rights" heading={t('legal.privacy.rights.heading')}>
        <p>{t('legal.privacy.rights.intro')}</p>
        <ul className="legal__list">
          {RIGHTS.map((key) => (
            <li key={key}>
              <RichText i18nKey={`legal.privacy.rights.items.${key}`} />
            </li>
          ))}
        </ul>
        <p>
          <RichText i18nKey="legal.privacy.rights.how" values={{ email: info.privacyEmail }} />
        </p>
      </LegalSection>
      <LegalSection id="viewsLog" heading={t('legal.privacy.viewsLog.heading')}>
        <p>
          <RichText i18nKey="legal.privacy.viewsLog.text" values={{ months: months(info.dataAccessLogMonths) }} />
        </p>
      </LegalSection>
      <LegalSection id="automated" heading={t('legal.privacy.automated.heading')}>
        <p>{t('legal.privacy.automated.text')}</p>
      </LegalSection>
      <LegalSection id="cookies" heading={t('legal.privacy.cookies.heading')}>
        <p>{t('legal.privacy.cookies.intro')}</p>
        <ul className="legal__list">
          {COOKIES.map((key) => (
            <li key={key}>{t(`legal.privacy.cookies.items.${key}`)}</li>
          ))}
        </ul>
        <p>{t('legal.privacy.cookies.none')}</p>
      </LegalSection>
      <LegalSection id="security" heading={t('legal.privacy.security.heading')}>
        <p>{t('legal.privacy.security.text')}</p>
      </LegalSection>
    </>
  );
}
