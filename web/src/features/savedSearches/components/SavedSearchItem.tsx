import { zodResolver } from '@hookform/resolvers/zod';
import { isSavedSearchAlert, type SavedSearchAlert } from '@keskusvaraamo/shared';
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { FormErrorSummary, FormTextField, SelectField, useSubmitError } from '../../../shared/forms';
import { toAppError, type AppError } from '../../../shared/graphql';
import { useFormatters } from '../../../shared/i18n';
import { ConfirmDialog, ErrorAlert } from '../../../shared/ui';
import { DeleteSavedSearchMutation, UpdateSavedSearchMutation, type SavedSearch } from '../operations';
import { useAlertOptions } from './alertOptions';
import { savedSearchNameSchema } from './SaveSearchDialog';

interface SavedSearchItemProps {
  saved: SavedSearch;
  /** A change went through: the page announces `message` and reloads the list. */
  onChanged: (message: string) => void;
  /** The search was deleted: the page announces it and moves focus, as this item goes away. */
  onDeleted: (saved: SavedSearch, message: string) => void;
}

export const savedSearchHeadingId = (id: string) => `saved-search-${id}`;

/** One saved search: a link to run it, its alert (saved as soon as it is changed), rename and delete. */
export function SavedSearchItem({ saved, onChanged, onDeleted }: SavedSearchItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const alertOptions = useAlertOptions();
  const [, updateSavedSearch] = useMutation(UpdateSavedSearchMutation);
  const [, deleteSavedSearch] = useMutation(DeleteSavedSearchMutation);
  const [error, setError] = useState<AppError | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  // The chosen alert shows at once; it goes back to the saved one if saving fails.
  const [alert, setAlert] = useState<SavedSearchAlert>(saved.alert);
  const [savedAlert, setSavedAlert] = useState(saved.alert);
  if (saved.alert !== savedAlert) {
    setSavedAlert(saved.alert);
    setAlert(saved.alert);
  }
  const headingId = savedSearchHeadingId(saved.id);
  const chosen = alertOptions.find((option) => option.id === alert);

  const changeAlert = async (value: string) => {
    if (!isSavedSearchAlert(value) || value === alert) return;
    const previous = alert;
    setAlert(value);
    setError(null);
    const result = await updateSavedSearch({ id: saved.id, input: { alert: value } });
    if (result.error) {
      setAlert(previous);
      setError(toAppError(result.error));
      return;
    }
    onChanged(t('savedSearches.list.alertSaved', { name: saved.name, alert: t(`savedSearches.alerts.${value}`) }));
  };

  const remove = async () => {
    setDeleteError(null);
    const result = await deleteSavedSearch({ id: saved.id }, { additionalTypenames: ['SavedSearch'] });
    if (result.error) {
      setDeleteError(toAppError(result.error));
      return false;
    }
    onDeleted(saved, t('savedSearches.list.deleted', { name: saved.name }));
    return true;
  };

  return (
    <li className="card saved-search" aria-labelledby={headingId}>
      <h2 className="card__title" id={headingId} tabIndex={-1}>
        <Link to={saved.path}>{saved.name}</Link>
      </h2>
      <p className="card__meta">{t('savedSearches.list.savedAt', { date: format.date(saved.createdAt) })}</p>
      <SelectField
        className="field saved-search__alert"
        label={
          <>
            {t('savedSearches.fields.alert')}
            <span className="visually-hidden">: {saved.name}</span>
          </>
        }
        description={chosen?.description}
        options={alertOptions}
        value={alert}
        onChange={(value) => void changeAlert(value)}
      />
      <ErrorAlert error={error} />
      <div className="button-row">
        <RenameSavedSearch saved={saved} onRenamed={onChanged} />
        <DialogTrigger>
          <Button className="button button--danger-outline">
            {t('savedSearches.list.delete')}
            <span className="visually-hidden">: {saved.name}</span>
          </Button>
          <ConfirmDialog
            title={t('savedSearches.list.deleteTitle')}
            confirmLabel={t('savedSearches.list.delete')}
            onConfirm={remove}
            footer={<ErrorAlert error={deleteError} />}
          >
            <p>{t('savedSearches.list.deleteBody', { name: saved.name })}</p>
          </ConfirmDialog>
        </DialogTrigger>
      </div>
    </li>
  );
}

const renameSchema = z.object({ name: savedSearchNameSchema });
type RenameValues = z.input<typeof renameSchema>;
type RenameOutput = z.output<typeof renameSchema>;

/** Renaming in a small dialog; focus goes back to its button when it closes. */
function RenameSavedSearch({ saved, onRenamed }: { saved: SavedSearch; onRenamed: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button button--secondary">
        {t('savedSearches.list.rename')}
        <span className="visually-hidden">: {saved.name}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => <RenameForm saved={saved} close={close} onRenamed={onRenamed} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function RenameForm({
  saved,
  close,
  onRenamed,
}: {
  saved: SavedSearch;
  close: () => void;
  onRenamed: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [, updateSavedSearch] = useMutation(UpdateSavedSearchMutation);
  const form = useForm<RenameValues, unknown, RenameOutput>({
    resolver: zodResolver(renameSchema),
    defaultValues: { name: saved.name },
  });
  const submission = useSubmitError(form);

  const submit = form.handleSubmit(async ({ name }) => {
    submission.clear();
    if (name === saved.name) {
      close();
      return;
    }
    const result = await updateSavedSearch({ id: saved.id, input: { name } });
    if (result.error) {
      submission.report(result.error);
      return;
    }
    close();
    onRenamed(t('savedSearches.list.renamed', { name: result.data?.updateSavedSearch.name ?? name }));
  });

  return (
    <>
      <Heading slot="title" className="dialog__title">
        {t('savedSearches.list.renameTitle')}
      </Heading>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary submission={submission} />
        <FormTextField
          control={form.control}
          name="name"
          label={t('savedSearches.fields.name')}
          autoComplete="off"
          isRequired
        />
        <div className="dialog__actions">
          <Button className="button button--secondary" onPress={close} isDisabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" className="button button--primary" isPending={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
