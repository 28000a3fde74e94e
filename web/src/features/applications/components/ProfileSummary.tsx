import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../shared/i18n';
import type { ApplicantProfile } from '../operations';

/**
 * What an applicant's profile says of them: field of study, level, school and languages (and, in
 * full, when they are available and their introduction). Topics are shown apart, as tags.
 */
export function ProfileSummary({ profile, compact = false }: { profile: ApplicantProfile; compact?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const available =
    profile.availableFrom && profile.availableTo
      ? format.dayRange(profile.availableFrom, profile.availableTo)
      : profile.availableFrom
        ? t('applications.profile.availableFrom', { date: format.day(profile.availableFrom) })
        : null;
  return (
    <dl className={compact ? 'details details--compact' : 'details'}>
      <div>
        <dt>{t('profile.fields.fieldOfStudy')}</dt>
        <dd>{profile.fieldOfStudy}</dd>
      </div>
      <div>
        <dt>{t('profile.fields.studyLevel')}</dt>
        <dd>{t(`studyLevels.${profile.studyLevel}`)}</dd>
      </div>
      <div>
        <dt>{t('profile.fields.institutionName')}</dt>
        <dd>{profile.institutionName}</dd>
      </div>
      <div>
        <dt>{t('applications.profile.languages')}</dt>
        <dd>{profile.languages.map((language) => t(`languages.${language}`)).join(', ')}</dd>
      </div>
      {!compact && available ? (
        <div>
          <dt>{t('applications.profile.available')}</dt>
          <dd>{available}</dd>
        </div>
      ) : null}
      {!compact && profile.introduction ? (
        <div className="details__wide">
          <dt>{t('profile.fields.introduction')}</dt>
          <dd className="prewrap">{profile.introduction}</dd>
        </div>
      ) : null}
    </dl>
  );
}
