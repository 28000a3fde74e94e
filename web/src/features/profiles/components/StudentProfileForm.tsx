import { LOCALES, STUDY_LEVELS, studentProfileSchema, type Locale, type StudyLevel } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import {
  convertingResolver,
  FormCheckbox,
  FormCheckboxGroup,
  FormDateField,
  FormErrorSummary,
  FormRadioGroup,
  FormSelect,
  FormTextField,
  FormTopicPicker,
  useMunicipalityOptions,
  useSubmitError,
} from '../../../shared/forms';
import { useFormatters } from '../../../shared/i18n';
import { StatusMessage } from '../../../shared/ui';
import { SaveStudentProfileMutation, type StudentProfile, type StudentProfileInput } from '../operations';

interface ProfileFormValues {
  institutionName: string;
  fieldOfStudy: string;
  studyLevel: StudyLevel | '';
  topics: string[];
  languages: Locale[];
  availableFrom: string;
  availableTo: string;
  homeMunicipalityCode: string;
  introduction: string;
  discoverable: boolean;
}

// Empty optional fields are sent as nothing rather than as empty text.
const profileResolver = convertingResolver<ProfileFormValues, StudentProfileInput>(
  (values) => ({
    ...values,
    studyLevel: values.studyLevel || undefined,
    availableFrom: values.availableFrom || null,
    availableTo: values.availableTo || null,
    homeMunicipalityCode: values.homeMunicipalityCode || null,
    introduction: values.introduction || null,
  }),
  studentProfileSchema,
);

function profileValues(profile: StudentProfile | null, locale: Locale): ProfileFormValues {
  return {
    institutionName: profile?.institutionName ?? '',
    fieldOfStudy: profile?.fieldOfStudy ?? '',
    studyLevel: profile?.studyLevel ?? '',
    topics: profile?.topics ?? [],
    languages: profile?.languages ?? [locale],
    availableFrom: profile?.availableFrom ?? '',
    availableTo: profile?.availableTo ?? '',
    homeMunicipalityCode: profile?.homeMunicipalityCode ?? '',
    introduction: profile?.introduction ?? '',
    discoverable: profile?.discoverable ?? false,
  };
}

/**
 * A student's profile. Whether entrepreneurs and coordinators may find the student is the
 * student's own choice, off until they turn it on, and said in plain words next to the box.
 */
export function StudentProfileForm({ profile, locale }: { profile: StudentProfile | null; locale: Locale }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const form = useForm<ProfileFormValues, unknown, StudentProfileInput>({
    resolver: profileResolver,
    defaultValues: profileValues(profile, locale),
  });
  const submission = useSubmitError(form);
  const [, save] = useMutation(SaveStudentProfileMutation);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const municipalityOptions = useMunicipalityOptions(t('profile.form.noMunicipality'));

  const onSubmit = form.handleSubmit(async (input) => {
    submission.clear();
    setSavedAt(null);
    const result = await save({ input });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) {
      form.reset(profileValues(result.data.saveStudentProfile, locale));
      setSavedAt(result.data.saveStudentProfile.updatedAt);
    }
  });

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <FormErrorSummary submission={submission} />
      <section className="card form" aria-labelledby="profile-studies-heading">
        <h2 id="profile-studies-heading">{t('profile.form.studies')}</h2>
        <FormTextField
          control={form.control}
          name="institutionName"
          label={t('profile.fields.institutionName')}
          autoComplete="organization"
          isRequired
        />
        <FormTextField
          control={form.control}
          name="fieldOfStudy"
          label={t('profile.fields.fieldOfStudy')}
          description={t('profile.form.fieldOfStudyHint')}
          isRequired
        />
        <FormRadioGroup
          control={form.control}
          name="studyLevel"
          label={t('profile.fields.studyLevel')}
          options={STUDY_LEVELS.map((level) => ({ id: level, label: t(`studyLevels.${level}`) }))}
          isRequired
        />
        <FormTopicPicker control={form.control} name="topics" label={t('profile.fields.topics')} />
        <FormCheckboxGroup
          control={form.control}
          name="languages"
          label={t('profile.fields.languages')}
          options={LOCALES.map((l) => ({ id: l, label: t(`languages.${l}`) }))}
          isRequired
        />
      </section>
      <section className="card form" aria-labelledby="profile-availability-heading">
        <h2 id="profile-availability-heading">{t('profile.form.availability')}</h2>
        <div className="form__pair">
          <FormDateField
            control={form.control}
            name="availableFrom"
            label={`${t('profile.fields.availableFrom')} ${t('form.optional')}`}
          />
          <FormDateField
            control={form.control}
            name="availableTo"
            label={`${t('profile.fields.availableTo')} ${t('form.optional')}`}
          />
        </div>
        <FormSelect
          control={form.control}
          name="homeMunicipalityCode"
          label={`${t('profile.fields.homeMunicipality')} ${t('form.optional')}`}
          options={municipalityOptions}
        />
        <FormTextField
          control={form.control}
          name="introduction"
          label={`${t('profile.fields.introduction')} ${t('form.optional')}`}
          description={t('profile.form.introductionHint')}
          multiline
        />
      </section>
      <section className="card form discoverable" aria-labelledby="profile-discoverable-heading">
        <h2 id="profile-discoverable-heading">{t('profile.form.visibility')}</h2>
        <FormCheckbox
          control={form.control}
          name="discoverable"
          label={t('profile.fields.discoverable')}
          description={
            <>
              {t('profile.form.discoverableWhat')} {t('profile.form.discoverableWho')}{' '}
              {t('profile.form.discoverableOff')}
            </>
          }
        />
      </section>
      <StatusMessage>{savedAt ? t('profile.saved', { date: format.dateTime(savedAt) }) : null}</StatusMessage>
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {t('profile.save')}
        </Button>
      </div>
    </form>
  );
}
