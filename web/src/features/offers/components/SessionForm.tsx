import { useMemo } from 'react';
import { Button } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { FormErrorSummary, useSubmitError } from '../../../shared/forms';
import { useLocale } from '../../../shared/i18n';
import type { SessionInput } from '../operations';
import { SessionFields } from './SessionFields';
import { SESSION_FIELD_RENAMES, sessionResolver, type SessionFormValues } from './sessionForm';

interface SessionFormProps {
  initial: SessionFormValues;
  submitLabel: string;
  /** Saves the session; resolves to the error when the server refused it. */
  onSubmit: (input: SessionInput) => Promise<CombinedError | undefined>;
}

/** Adding a session to a course, or changing one, on the course's page. */
export function SessionForm({ initial, submitLabel, onSubmit }: SessionFormProps) {
  const locale = useLocale();
  const { t } = useTranslation();
  const resolver = useMemo(() => sessionResolver(locale), [locale]);
  const form = useForm<SessionFormValues, unknown, SessionInput>({ resolver, defaultValues: initial });
  const submission = useSubmitError(form, SESSION_FIELD_RENAMES);

  const submit = form.handleSubmit(async (input) => {
    submission.clear();
    const error = await onSubmit(input);
    if (error) submission.report(error);
  });

  return (
    <form className="form" noValidate onSubmit={submit}>
      <FormErrorSummary submission={submission} />
      <p className="form__note">{t('offers.sessionForm.placeOrOnline')}</p>
      <SessionFields control={form.control} prefix="" />
      <div className="form__actions">
        <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
