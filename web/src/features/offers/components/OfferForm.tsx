import {
  LOCALES,
  OFFER_KINDS,
  PLACEMENT_KINDS,
  REMINDER_HOURS,
  STUDY_LEVELS,
  type OfferKind,
} from '@keskusvaraamo/shared';
import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { useFieldArray, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import {
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
import { useLocale } from '../../../shared/i18n';
import { noticeState } from '../../../shared/utils/notice';
import { CreateOfferMutation, PublishOfferMutation, UpdateOfferMutation, type Offer } from '../operations';
import {
  emptyOfferValues,
  offerResolver,
  offerToValues,
  type OfferFormOutput,
  type OfferFormValues,
} from './offerForm';
import { SessionFields } from './SessionFields';
import { emptySessionValues, SESSION_FIELD_RENAMES } from './sessionForm';

export interface EducationalOrganisation {
  id: string;
  name: string;
}

interface OfferFormProps {
  /** The offer being edited; a new offer when absent. Its sessions are managed on its page. */
  offer?: Offer;
  organisations: EducationalOrganisation[];
  initialKind?: OfferKind;
  /** What a new offer starts with (a demand pool's topic, place and whether it may be online). */
  initial?: { topics?: string[]; municipalityCode?: string; online?: boolean };
}

type Intent = 'draft' | 'publish' | 'save';

/**
 * Publishing a course with its sessions, or a pool of students seeking placements. A new course
 * is saved with its sessions in one go; later the course's page adds, changes and removes them.
 */
export function OfferForm({ offer, organisations, initialKind, initial }: OfferFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const resolver = useMemo(() => offerResolver(locale), [locale]);
  const form = useForm<OfferFormValues, unknown, OfferFormOutput>({
    resolver,
    defaultValues: offer
      ? offerToValues(offer)
      : {
          ...emptyOfferValues(
            locale,
            initialKind ?? '',
            organisations.length === 1 ? organisations[0]!.id : '',
            emptySessionValues(locale, initial?.municipalityCode ?? ''),
          ),
          topics: initial?.topics ?? [],
          municipalityCode: initial?.municipalityCode ?? '',
          online: initial?.online ?? false,
        },
  });
  const submission = useSubmitError(form, SESSION_FIELD_RENAMES);
  const { control } = form;
  const sessions = useFieldArray({ control, name: 'sessions' });
  const kind = useWatch({ control, name: 'kind' });
  const municipalityOptions = useMunicipalityOptions(t('offers.form.noMunicipality'));
  const [, createOffer] = useMutation(CreateOfferMutation);
  const [, updateOffer] = useMutation(UpdateOfferMutation);
  const [, publishOffer] = useMutation(PublishOfferMutation);
  const [busy, setBusy] = useState<Intent | null>(null);
  const course = kind === 'COURSE';
  const pool = kind === 'STUDENT_POOL';
  const optional = (label: string) => `${label} ${t('form.optional')}`;

  const persist = async ({ input, sessions: sessionInputs }: OfferFormOutput) => {
    if (offer) {
      const result = await updateOffer({ id: offer.id, input });
      return { id: result.data?.updateOffer.id, error: result.error };
    }
    const result = await createOffer({ input, sessions: input.kind === 'COURSE' ? sessionInputs : null });
    return { id: result.data?.createOffer.id, error: result.error };
  };

  const save = (intent: Intent) =>
    form.handleSubmit(
      async (output) => {
        submission.clear();
        setBusy(intent);
        try {
          const { id, error } = await persist(output);
          if (error) {
            submission.report(error);
            return;
          }
          if (!id) return;
          if (intent === 'publish') {
            const published = await publishOffer({ id });
            const notice = published.error ? 'offerNotPublished' : 'offerPublished';
            await navigate(`/offers/${id}`, { state: noticeState(notice) });
            return;
          }
          await navigate(`/offers/${id}`, { state: noticeState('offerSaved') });
        } finally {
          setBusy(null);
        }
      },
      (errors: FieldErrors<OfferFormValues>) => {
        // The fields show their own messages; the alert says why nothing was saved.
        if (Object.keys(errors).length > 0) submission.setError({ code: 'VALIDATION', fields: [] });
      },
    )();

  const intents: Intent[] = !offer || offer.state === 'DRAFT' ? ['draft', 'publish'] : ['save'];

  return (
    <form
      className="form offer-form"
      noValidate
      onSubmit={(event) => {
        // Saving takes a press of one of the buttons below: draft or publish.
        event.preventDefault();
      }}
    >
      <FormErrorSummary submission={submission} />
      <section className="card form" aria-labelledby="offer-basics-heading">
        <h2 id="offer-basics-heading">{t('offers.form.basics')}</h2>
        {offer ? null : (
          <FormRadioGroup
            control={control}
            name="kind"
            label={t('offers.fields.kind')}
            options={OFFER_KINDS.map((k) => ({
              id: k,
              label: t(`offerKinds.${k}`),
              description: t(`offers.kindDescriptions.${k}`),
            }))}
            isRequired
          />
        )}
        {organisations.length > 1 && !offer ? (
          <FormSelect
            control={control}
            name="organisationId"
            label={t('offers.fields.organisation')}
            options={organisations.map((o) => ({ id: o.id, label: o.name }))}
            isRequired
          />
        ) : (
          <p className="form__note">
            {t('offers.form.publishedBy', {
              name: offer?.organisation.name ?? organisations[0]?.name ?? '',
            })}
          </p>
        )}
        <FormTextField control={control} name="title" label={t('offers.fields.title')} isRequired />
        <FormTextField
          control={control}
          name="description"
          label={t('offers.fields.description')}
          description={t(pool ? 'offers.form.poolDescriptionHint' : 'offers.form.descriptionHint')}
          multiline
          isRequired
        />
        <FormSelect
          control={control}
          name="language"
          label={t('offers.fields.language')}
          options={LOCALES.map((l) => ({ id: l, label: t(`languages.${l}`) }))}
          isRequired
        />
        <FormTopicPicker control={control} name="topics" label={t('offers.fields.topics')} />
      </section>

      <section className="card form" aria-labelledby="offer-where-heading">
        <h2 id="offer-where-heading">{t('offers.form.where')}</h2>
        <FormSelect
          control={control}
          name="municipalityCode"
          label={t('offers.fields.municipality')}
          description={t('offers.form.municipalityHint')}
          options={municipalityOptions}
        />
        <FormCheckbox control={control} name="online" label={t('offers.fields.online')} />
        <FormCheckboxGroup
          control={control}
          name="languages"
          label={t('offers.fields.languages')}
          options={LOCALES.map((l) => ({ id: l, label: t(`languages.${l}`) }))}
          isRequired
        />
      </section>

      {pool ? (
        <section className="card form" aria-labelledby="offer-pool-heading">
          <h2 id="offer-pool-heading">{t('offers.form.pool')}</h2>
          <FormTextField
            control={control}
            name="studentCount"
            label={t('offers.fields.studentCount')}
            inputMode="numeric"
            isRequired
          />
          <div className="form__pair">
            <FormDateField control={control} name="periodStart" label={t('offers.fields.periodStart')} isRequired />
            <FormDateField control={control} name="periodEnd" label={t('offers.fields.periodEnd')} isRequired />
          </div>
          <FormCheckboxGroup
            control={control}
            name="placementKinds"
            label={t('offers.fields.placementKinds')}
            options={PLACEMENT_KINDS.map((k) => ({ id: k, label: t(`needKinds.${k}`) }))}
            isRequired
          />
          <FormRadioGroup
            control={control}
            name="studyLevel"
            label={optional(t('offers.fields.studyLevel'))}
            options={STUDY_LEVELS.map((level) => ({ id: level, label: t(`studyLevels.${level}`) }))}
          />
          <FormTextField control={control} name="fieldOfStudy" label={optional(t('offers.fields.fieldOfStudy'))} />
        </section>
      ) : null}

      {course && !offer ? (
        <section className="card form" aria-labelledby="offer-sessions-heading">
          <h2 id="offer-sessions-heading">{t('offers.form.sessions')}</h2>
          <p className="form__note">{t('offers.form.sessionsHelp')}</p>
          <ol className="session-editor-list">
            {sessions.fields.map((field, index) => (
              <li key={field.id} className="session-editor">
                <fieldset className="form session-editor__fieldset">
                  <legend className="session-editor__legend">
                    {t('offers.form.sessionNumber', { number: index + 1 })}
                  </legend>
                  <SessionFields control={control} prefix={`sessions.${index}.`} />
                  {sessions.fields.length > 1 ? (
                    <div>
                      <Button className="button button--danger-outline" onPress={() => sessions.remove(index)}>
                        {t('offers.form.removeSession', { number: index + 1 })}
                      </Button>
                    </div>
                  ) : null}
                </fieldset>
              </li>
            ))}
          </ol>
          <div>
            <Button
              className="button button--secondary"
              onPress={() => {
                const previous = form.getValues(`sessions.${sessions.fields.length - 1}`);
                // A new session starts in the same place, at the same price, as the one before it.
                sessions.append(
                  previous
                    ? {
                        ...emptySessionValues(locale),
                        ...pick(previous),
                        startsAt: '',
                        endsAt: '',
                        registrationDeadline: '',
                      }
                    : emptySessionValues(locale),
                  { focusName: `sessions.${sessions.fields.length}.startsAt` },
                );
              }}
            >
              {t('offers.form.addSession')}
            </Button>
          </div>
        </section>
      ) : null}

      {course ? (
        <section className="card form" aria-labelledby="offer-waitlist-heading">
          <h2 id="offer-waitlist-heading">{t('offers.form.waitlist')}</h2>
          <FormTextField
            control={control}
            name="claimWindowHours"
            label={t('offers.fields.claimWindowHours')}
            description={t('offers.form.claimWindowHint')}
            inputMode="numeric"
          />
          <FormSelect
            control={control}
            name="reminderHours"
            label={t('offers.fields.reminderHours')}
            description={t('offers.form.reminderHint')}
            options={REMINDER_HOURS.map((hours) => ({
              id: String(hours),
              label: t(`offers.form.reminderOptions.${hours}`),
            }))}
          />
        </section>
      ) : null}

      <div className="form__actions">
        {intents.map((intent) => (
          <Button
            key={intent}
            className={intent === 'draft' ? 'button button--secondary' : 'button button--primary'}
            isPending={busy === intent}
            isDisabled={busy !== null && busy !== intent}
            onPress={() => void save(intent)}
          >
            {t(`offers.form.submit.${intent}`)}
          </Button>
        ))}
      </div>
    </form>
  );
}

function pick(session: OfferFormValues['sessions'][number]) {
  const { place, municipalityCode, onlineUrl, seats, price, language } = session;
  return { place, municipalityCode, onlineUrl, seats, price, language };
}
