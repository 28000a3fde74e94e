import { isPlacementKind, LOCALES, NEED_KINDS, PAY_KINDS, STUDY_LEVELS } from '@keskusvaraamo/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useForm, useWatch, type FieldErrors } from 'react-hook-form';
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
import { CreateNeedMutation, PublishNeedMutation, UpdateNeedMutation, type Need, type NeedInput } from '../operations';
import {
  emptyNeedValues,
  NEED_FIELD_RENAMES,
  NEED_STEP_FIELDS,
  NEED_STEPS,
  needResolver,
  needToValues,
  stepOfField,
  type NeedFormValues,
  type NeedStep,
} from './needForm';
import { NeedReview } from './NeedReview';

export interface Company {
  id: string;
  name: string;
}

interface NeedWizardProps {
  /** The need being edited; a new need when absent. */
  need?: Need;
  /** The companies the user may post for. */
  companies: Company[];
}

type Intent = 'draft' | 'publish' | 'save';

const renamedField = (field: string): string => (NEED_FIELD_RENAMES as Record<string, string>)[field] ?? field;

/**
 * Posting a need, one question at a time: what kind → what and topics → where and when → people,
 * pay, languages and deadline → review. Each step is checked before the next; the step's heading
 * takes focus and says "Step 2 of 5", so keyboard and screen reader users know where they are.
 * The same form edits an existing need (every step is then open from the start).
 */
export function NeedWizard({ need, companies }: NeedWizardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  // The resolver reads money in the language the form was opened in.
  const resolver = useMemo(() => needResolver(locale, need ?? null), [locale, need]);
  const form = useForm<NeedFormValues, unknown, NeedInput>({
    resolver,
    // Someone with exactly one company most likely posts for it.
    defaultValues: need
      ? needToValues(need, locale)
      : { ...emptyNeedValues(locale), organisationId: companies.length === 1 ? companies[0]!.id : '' },
    shouldFocusError: true,
  });
  const submission = useSubmitError(form, NEED_FIELD_RENAMES);
  const [, createNeed] = useMutation(CreateNeedMutation);
  const [, updateNeed] = useMutation(UpdateNeedMutation);
  const [, publishNeed] = useMutation(PublishNeedMutation);

  const [stepIndex, setStepIndex] = useState(0);
  const [furthest, setFurthest] = useState(need ? NEED_STEPS.length - 1 : 0);
  const [busy, setBusy] = useState<Intent | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The first step's heading is not focused on arrival (the page's h1 is); later steps' are.
  const [moved, setMoved] = useState(false);
  // Failed "Next"s, which show the step's errors as a submission's are.
  const [stepChecks, setStepChecks] = useState(0);
  const step = NEED_STEPS[stepIndex]!;
  const last = stepIndex === NEED_STEPS.length - 1;

  useEffect(() => {
    if (moved) headingRef.current?.focus();
  }, [stepIndex, moved]);

  const goTo = (index: number) => {
    setMoved(true);
    setStepIndex(index);
    setFurthest((current) => Math.max(current, index));
  };

  const next = async () => {
    const valid = await form.trigger(NEED_STEP_FIELDS[step], { shouldFocus: true });
    if (valid) goTo(stepIndex + 1);
    else setStepChecks((count) => count + 1);
  };

  const onInvalid = (errors: FieldErrors<NeedFormValues>) => {
    const first = NEED_STEPS.find((s) => NEED_STEP_FIELDS[s].some((field) => errors[field]));
    if (first) goTo(NEED_STEPS.indexOf(first));
  };

  const persist = async (input: NeedInput) => {
    if (need) {
      const result = await updateNeed({ id: need.id, input });
      return { id: result.data?.updateNeed.id, error: result.error };
    }
    const result = await createNeed({ input });
    return { id: result.data?.createNeed.id, error: result.error };
  };

  const save = (intent: Intent) =>
    form.handleSubmit(async (input) => {
      submission.clear();
      setBusy(intent);
      try {
        const { id, error } = await persist(input);
        if (error) {
          const field = submission.report(error).fields[0]?.field;
          if (field) goTo(NEED_STEPS.indexOf(stepOfField(renamedField(field))));
          return;
        }
        if (!id) return;
        if (intent === 'publish') {
          const published = await publishNeed({ id });
          // A saved draft that could not be published yet waits on its page, which tells why.
          const notice = published.error ? 'needNotPublished' : 'needPublished';
          await navigate(`/needs/${id}`, { state: noticeState(notice) });
          return;
        }
        await navigate(`/needs/${id}`, { state: noticeState('needSaved') });
      } finally {
        setBusy(null);
      }
    }, onInvalid)();

  const primaryIntents: Intent[] = !need || need.state === 'DRAFT' ? ['draft', 'publish'] : ['save'];

  return (
    <form
      className="wizard card"
      noValidate
      aria-labelledby="wizard-heading"
      onSubmit={(event) => {
        // Enter in a field moves on, as "Next" does; saving takes a press of its own button.
        event.preventDefault();
        if (!last) void next();
      }}
    >
      <nav aria-label={t('needs.wizard.progress')} className="wizard__progress">
        <ol className="wizard__steps">
          {NEED_STEPS.map((s, index) => (
            <li
              key={s}
              className={`wizard__step${index === stepIndex ? ' wizard__step--current' : ''}${index < stepIndex ? ' wizard__step--done' : ''}`}
              aria-current={index === stepIndex ? 'step' : undefined}
            >
              {index !== stepIndex && index <= furthest ? (
                <Button className="wizard__step-button" onPress={() => goTo(index)}>
                  <span className="wizard__step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="wizard__step-name">{t(`needs.wizard.steps.${s}`)}</span>
                </Button>
              ) : (
                <span className="wizard__step-label">
                  <span className="wizard__step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="wizard__step-name">{t(`needs.wizard.steps.${s}`)}</span>
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <h2 id="wizard-heading" className="wizard__heading" tabIndex={-1} ref={headingRef}>
        <span className="wizard__counter">
          {t('needs.wizard.stepOf', { step: stepIndex + 1, total: NEED_STEPS.length })}
        </span>{' '}
        {t(`needs.wizard.steps.${step}`)}
      </h2>

      <FormErrorSummary submission={submission} attempts={stepChecks} />
      <div className="wizard__body form">
        <StepFields step={step} form={form} companies={companies} isEdit={Boolean(need)} />
      </div>

      <div className="wizard__actions">
        {stepIndex > 0 ? (
          <Button className="button button--secondary" onPress={() => goTo(stepIndex - 1)} isDisabled={busy !== null}>
            {t('needs.wizard.back')}
          </Button>
        ) : null}
        {!last ? (
          <Button type="submit" className="button button--primary">
            {t('needs.wizard.next')}
          </Button>
        ) : (
          primaryIntents.map((intent) => (
            <Button
              key={intent}
              className={intent === 'draft' ? 'button button--secondary' : 'button button--primary'}
              isPending={busy === intent}
              isDisabled={busy !== null && busy !== intent}
              onPress={() => void save(intent)}
            >
              {t(`needs.wizard.submit.${intent}`)}
            </Button>
          ))
        )}
      </div>
    </form>
  );
}

type NeedForm = ReturnType<typeof useForm<NeedFormValues, unknown, NeedInput>>;

function StepFields({
  step,
  form,
  companies,
  isEdit,
}: {
  step: NeedStep;
  form: NeedForm;
  companies: Company[];
  isEdit: boolean;
}) {
  const { t } = useTranslation();
  const { control } = form;
  const kind = useWatch({ control, name: 'kind' });
  const payKind = useWatch({ control, name: 'payKind' });
  const municipalityOptions = useMunicipalityOptions(t('needs.form.noMunicipality'));
  const placement = kind !== '' && isPlacementKind(kind);
  const optional = (label: string) => `${label} ${t('form.optional')}`;

  switch (step) {
    case 'kind':
      return (
        <>
          <FormRadioGroup
            control={control}
            name="kind"
            label={t('needs.fields.kind')}
            options={NEED_KINDS.map((k) => ({
              id: k,
              label: t(`needKinds.${k}`),
              description: t(`needs.kindDescriptions.${k}`),
            }))}
            isRequired
          />
          {companies.length > 0 ? (
            <FormRadioGroup
              control={control}
              name="organisationId"
              label={t('needs.fields.postedFor')}
              description={isEdit ? undefined : t('needs.form.postedForHint')}
              options={[
                ...companies.map((company) => ({ id: company.id, label: company.name })),
                { id: '', label: t('needs.form.asPerson') },
              ]}
            />
          ) : (
            <p className="form__note">{t('needs.form.noCompanies')}</p>
          )}
        </>
      );
    case 'what':
      return (
        <>
          <FormTextField
            control={control}
            name="title"
            label={t('needs.fields.title')}
            description={t(placement ? 'needs.form.titleHintPlacement' : 'needs.form.titleHintCourse')}
            isRequired
          />
          <FormTextField
            control={control}
            name="description"
            label={t('needs.fields.description')}
            description={t('needs.form.descriptionHint')}
            multiline
            isRequired
          />
          <FormSelect
            control={control}
            name="language"
            label={t('needs.fields.language')}
            description={t('needs.form.languageHint')}
            options={LOCALES.map((l) => ({ id: l, label: t(`languages.${l}`) }))}
            isRequired
          />
          <FormTopicPicker control={control} name="topics" label={t('needs.fields.topics')} />
        </>
      );
    case 'where':
      return (
        <>
          <FormSelect
            control={control}
            name="municipalityCode"
            label={t('needs.fields.municipality')}
            description={t('needs.form.municipalityHint')}
            options={municipalityOptions}
          />
          <FormCheckbox control={control} name="remote" label={t('needs.fields.remote')} />
          <div className="form__pair">
            <FormDateField
              control={control}
              name="periodStart"
              label={t(placement ? 'needs.fields.workStart' : 'needs.fields.periodStart')}
              isRequired
            />
            <FormDateField
              control={control}
              name="periodEnd"
              label={t(placement ? 'needs.fields.workEnd' : 'needs.fields.periodEnd')}
              isRequired
            />
          </div>
        </>
      );
    case 'people':
      return (
        <>
          <FormTextField
            control={control}
            name="positions"
            label={t(placement ? 'needs.fields.positions' : 'needs.fields.people')}
            // Positions never go below the applications accepted; lowered to them, the posting is filled.
            description={placement && isEdit ? t('needs.wizard.positionsHint') : undefined}
            inputMode="numeric"
            isRequired
          />
          {placement ? (
            <>
              <FormRadioGroup
                control={control}
                name="payKind"
                label={t('needs.fields.payKind')}
                options={PAY_KINDS.map((p) => ({ id: p, label: t(`payKinds.${p}`) }))}
                isRequired
              />
              {payKind === 'PAID' ? (
                <FormTextField
                  control={control}
                  name="payAmount"
                  label={optional(t('needs.fields.payAmount'))}
                  description={t('needs.form.moneyHint')}
                  inputMode="decimal"
                />
              ) : null}
            </>
          ) : null}
          {kind === 'THESIS' ? (
            <FormRadioGroup
              control={control}
              name="thesisLevel"
              label={t('needs.fields.thesisLevel')}
              options={STUDY_LEVELS.map((level) => ({ id: level, label: t(`studyLevels.${level}`) }))}
              isRequired
            />
          ) : null}
          {kind === 'COURSE' ? (
            <FormTextField
              control={control}
              name="budget"
              label={optional(t('needs.fields.budget'))}
              description={t('needs.form.budgetHint')}
              inputMode="decimal"
            />
          ) : null}
          <FormCheckboxGroup
            control={control}
            name="languages"
            label={t(placement ? 'needs.fields.workLanguages' : 'needs.fields.trainingLanguages')}
            options={LOCALES.map((l) => ({ id: l, label: t(`languages.${l}`) }))}
            isRequired
          />
          <FormDateField
            control={control}
            name="applicationDeadline"
            label={placement ? t('needs.fields.applicationDeadline') : optional(t('needs.fields.answerBy'))}
            description={t('needs.form.deadlineHint')}
            isRequired={placement}
          />
        </>
      );
    case 'review':
      return <NeedReview values={form.getValues()} companies={companies} />;
  }
}
