import { zodResolver } from '@hookform/resolvers/zod';
import { SAVED_SEARCH_ALERTS, SAVED_SEARCH_NAME_MAX, type SavedSearchAlert } from '@keskusvaraamo/shared';
import { useEffect, useRef, useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { FormErrorSummary, FormRadioGroup, FormTextField, useSubmitError } from '../../../shared/forms';
import { hasCode } from '../../../shared/graphql';
import { SaveSearchMutation, type SavedSearch } from '../operations';
import type { SearchToSave } from './SaveSearch';
import { useAlertOptions } from './alertOptions';

/** New saved searches start with the daily digest: told of new results, without a stream of messages. */
const DEFAULT_ALERT: SavedSearchAlert = 'DAILY';

export const savedSearchNameSchema = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(SAVED_SEARCH_NAME_MAX, { error: 'validation.tooLong' });

const saveFormSchema = z.object({
  name: savedSearchNameSchema,
  alert: z.enum(SAVED_SEARCH_ALERTS, { error: 'validation.choice' }),
});
type SaveFormValues = z.input<typeof saveFormSchema>;
type SaveFormOutput = z.output<typeof saveFormSchema>;

/** The signed-in person's "Save this search": its button and the dialog for a name and alerts. */
export function SaveSearchDialog({ search }: { search: SearchToSave }) {
  const { t } = useTranslation();
  return (
    <div className="save-search">
      <DialogTrigger>
        <Button className="button button--secondary">{t('savedSearches.save.open')}</Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog className="dialog">{({ close }) => <SaveSearchFlow search={search} close={close} />}</Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </div>
  );
}

function SaveSearchFlow({ search, close }: { search: SearchToSave; close: () => void }) {
  const { t } = useTranslation();
  const alertOptions = useAlertOptions();
  const [, saveSearch] = useMutation(SaveSearchMutation);
  const [saved, setSaved] = useState<SavedSearch | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useForm<SaveFormValues, unknown, SaveFormOutput>({
    resolver: zodResolver(saveFormSchema),
    defaultValues: { name: search.name, alert: DEFAULT_ALERT },
  });
  const submission = useSubmitError(form);

  // The confirmation replaces the form: its heading takes focus, so that it is read out.
  useEffect(() => {
    if (saved) headingRef.current?.focus();
  }, [saved]);

  const submit = form.handleSubmit(async ({ name, alert }) => {
    submission.clear();
    const result = await saveSearch(
      { input: { name, alert, path: search.path, filter: search.filter } },
      { additionalTypenames: ['SavedSearch'] },
    );
    if (result.error) {
      submission.report(result.error);
      return;
    }
    if (result.data) setSaved(result.data.saveSearch);
  });

  if (saved) {
    return (
      <>
        <Heading slot="title" className="dialog__title" ref={headingRef} tabIndex={-1}>
          {t('savedSearches.save.doneTitle')}
        </Heading>
        <div className="dialog__body">
          <p>{t('savedSearches.save.doneBody', { name: saved.name })}</p>
          <p>{t(`savedSearches.alertHelp.${saved.alert}`)}</p>
        </div>
        <div className="dialog__actions">
          <Link className="button button--secondary" to="/my/searches">
            {t('savedSearches.save.toList')}
          </Link>
          <Button className="button button--primary" onPress={close}>
            {t('common.close')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('savedSearches.save.title')}
      </Heading>
      <div className="dialog__body">
        <p>{t('savedSearches.save.intro')}</p>
      </div>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        {hasCode(submission.error, 'LIMIT_REACHED') ? (
          <p>
            <Link to="/my/searches">{t('savedSearches.save.manage')}</Link>
          </p>
        ) : null}
        <FormTextField
          control={form.control}
          name="name"
          label={t('savedSearches.fields.name')}
          description={t('savedSearches.save.nameHint')}
          autoComplete="off"
          isRequired
        />
        <FormRadioGroup
          control={form.control}
          name="alert"
          label={t('savedSearches.fields.alert')}
          options={alertOptions}
          isRequired
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('savedSearches.save.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
