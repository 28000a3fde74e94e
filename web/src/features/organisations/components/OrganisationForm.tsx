import { zodResolver } from '@hookform/resolvers/zod';
import { MUNICIPALITIES, municipalityName, organisationSchema, type OrganisationKind } from '@keskusvaraamo/shared';
import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { FormErrorSummary, FormRadioGroup, FormSelect, FormTextField, useSubmitError } from '../../../shared/forms';
import { INTL_LOCALES, useLocale } from '../../../shared/i18n';
import type { OrganisationInput, OrganisationSummary } from '../operations';

interface OrganisationFormProps {
  /** The kinds this user may choose (organisationKindsFor their roles). */
  kinds: readonly OrganisationKind[];
  initial?: OrganisationSummary;
  submitLabel: string;
  /** Saves the organisation; resolves to the error when the server refused it. */
  onSubmit: (input: OrganisationInput) => Promise<CombinedError | undefined>;
}

/** Founding and editing an organisation share this form and the shared organisationSchema. */
export function OrganisationForm({ kinds, initial, submitLabel, onSubmit }: OrganisationFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm({
    resolver: zodResolver(organisationSchema),
    defaultValues: {
      name: initial?.name ?? '',
      kind: initial?.kind ?? (kinds.length === 1 ? kinds[0] : undefined),
      businessId: initial?.businessId ?? '',
      municipalityCode: initial?.municipalityCode ?? '',
      website: initial?.website ?? '',
      description: initial?.description ?? '',
    },
  });
  const submission = useSubmitError(form);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const [name, businessId] = useWatch({ control: form.control, name: ['name', 'businessId'] });
  // Verification vouches for one name and business ID: changing either removes it (the server decides).
  const renamed =
    !!initial?.verified &&
    ((name ?? '').trim() !== initial.name || (businessId ?? '').trim() !== (initial.businessId ?? ''));

  const kindOptions = kinds.map((k) => ({ id: k, label: t(`organisationKinds.${k}`) }));
  const municipalityOptions = useMemo(() => {
    const collator = new Intl.Collator(INTL_LOCALES[locale]);
    const named = MUNICIPALITIES.map((m) => ({ id: m.code, label: municipalityName(m.code, locale) }));
    named.sort((a, b) => collator.compare(a.label, b.label));
    return [{ id: '', label: t('organisations.form.noMunicipality') }, ...named];
  }, [locale, t]);

  const submit = form.handleSubmit(async (values) => {
    submission.clear();
    const error = await onSubmit(values);
    if (error) submission.report(error);
  });

  const optional = (label: string) => `${label} ${t('form.optional')}`;
  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary submission={submission} />
      {initial?.verified ? (
        <p className={renamed ? 'alert alert--warning' : 'form__note'} role="status">
          {renamed ? t('organisations.edit.renameWarning') : t('organisations.edit.renameNote')}
        </p>
      ) : null}
      <FormTextField
        control={form.control}
        name="name"
        label={t('organisations.fields.name')}
        autoComplete="organization"
        isRequired
      />
      <FormRadioGroup
        control={form.control}
        name="kind"
        label={t('organisations.fields.kind')}
        options={kindOptions}
        isRequired
      />
      <FormTextField
        control={form.control}
        name="businessId"
        label={
          kind === 'COMPANY' ? t('organisations.fields.businessId') : optional(t('organisations.fields.businessId'))
        }
        description={t('organisations.fields.businessIdHint')}
        isRequired={kind === 'COMPANY'}
      />
      <FormSelect
        control={form.control}
        name="municipalityCode"
        label={optional(t('organisations.fields.municipality'))}
        options={municipalityOptions}
        placeholder={t('organisations.form.noMunicipality')}
      />
      <FormTextField
        control={form.control}
        name="website"
        type="url"
        inputMode="url"
        label={optional(t('organisations.fields.website'))}
        description={t('organisations.fields.websiteHint')}
        autoComplete="url"
      />
      <FormTextField
        control={form.control}
        name="description"
        label={optional(t('organisations.fields.description'))}
        multiline
      />
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
