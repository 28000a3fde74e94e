import { DEFAULT_MAX_SEATS_PER_BOOKER, LOCALES } from '@keskusvaraamo/shared';
import type { Control, FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormDateField, FormSelect, FormTextField, useMunicipalityOptions } from '../../../shared/forms';

interface SessionFieldsProps<T extends FieldValues, TOut = T> {
  control: Control<T, unknown, TOut>;
  /** Where the session's fields sit in the form: '' on its own, 'sessions.0.' in a course form. */
  prefix: string;
}

/**
 * The fields of one course session: times in Helsinki, place or online link, seats, price, language,
 * the seats one booker may hold, and optionally a cancellation deadline and a minimum number of
 * participants with its decision time.
 */
export function SessionFields<T extends FieldValues, TOut = T>({ control, prefix }: SessionFieldsProps<T, TOut>) {
  const { t } = useTranslation();
  const municipalityOptions = useMunicipalityOptions(t('offers.sessionForm.noMunicipality'));
  const name = (field: string) => `${prefix}${field}` as Path<T>;
  return (
    <>
      <div className="form__pair">
        <FormDateField
          control={control}
          name={name('startsAt')}
          granularity="minute"
          label={t('offers.sessionFields.startsAt')}
          isRequired
        />
        <FormDateField
          control={control}
          name={name('endsAt')}
          granularity="minute"
          label={t('offers.sessionFields.endsAt')}
          isRequired
        />
      </div>
      <FormDateField
        control={control}
        name={name('registrationDeadline')}
        granularity="minute"
        label={t('offers.sessionFields.registrationDeadline')}
        description={t('offers.sessionForm.timeZoneHint')}
        isRequired
      />
      <div className="form__pair">
        <FormSelect
          control={control}
          name={name('municipalityCode')}
          label={t('offers.sessionFields.municipality')}
          options={municipalityOptions}
        />
        <FormTextField
          control={control}
          name={name('place')}
          label={`${t('offers.sessionFields.place')} ${t('form.optional')}`}
          description={t('offers.sessionForm.placeHint')}
        />
      </div>
      <FormTextField
        control={control}
        name={name('onlineUrl')}
        type="url"
        inputMode="url"
        label={`${t('offers.sessionFields.onlineUrl')} ${t('form.optional')}`}
        description={t('offers.sessionForm.onlineUrlHint')}
      />
      <div className="form__pair">
        <FormTextField
          control={control}
          name={name('seats')}
          label={t('offers.sessionFields.seats')}
          inputMode="numeric"
          isRequired
        />
        <FormTextField
          control={control}
          name={name('price')}
          label={t('offers.sessionFields.price')}
          description={t('offers.sessionForm.priceHint')}
          inputMode="decimal"
          isRequired
        />
      </div>
      <FormTextField
        control={control}
        name={name('maxSeatsPerBooker')}
        label={`${t('offers.sessionFields.maxSeatsPerBooker')} ${t('form.optional')}`}
        description={t('offers.sessionForm.maxSeatsPerBookerHint', { count: DEFAULT_MAX_SEATS_PER_BOOKER })}
        inputMode="numeric"
      />
      <FormSelect
        control={control}
        name={name('language')}
        label={t('offers.sessionFields.language')}
        options={LOCALES.map((l) => ({ id: l, label: t(`languages.${l}`) }))}
        isRequired
      />
      <FormDateField
        control={control}
        name={name('cancellationDeadline')}
        granularity="minute"
        label={`${t('offers.sessionFields.cancellationDeadline')} ${t('form.optional')}`}
        description={t('offers.sessionForm.cancellationDeadlineHint')}
      />
      <div className="form__pair">
        <FormTextField
          control={control}
          name={name('minParticipants')}
          label={`${t('offers.sessionFields.minParticipants')} ${t('form.optional')}`}
          description={t('offers.sessionForm.minParticipantsHint')}
          inputMode="numeric"
        />
        <FormDateField
          control={control}
          name={name('decisionAt')}
          granularity="minute"
          label={`${t('offers.sessionFields.decisionAt')} ${t('form.optional')}`}
          description={t('offers.sessionForm.decisionAtHint')}
        />
      </div>
    </>
  );
}
